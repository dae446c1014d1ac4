import {describe, expect, it} from 'vitest';
import {commandLine, hookFor} from '../../source/core/hooks.js';
import {buildModel} from '../../source/core/build-model.js';
import {topologySchema} from '../../source/core/schema.js';

const topology = topologySchema.parse({
  version: 1,
  zones: [{id: 'KR-CA'}],
  accounts: [{id: 'shop'}],
  vms: [
    {id: 'web-1', account: 'shop', zone: 'KR-CA', capacity: 1},
    {
      id: 'db-2',
      account: 'shop',
      zone: 'KR-CA',
      capacity: 1,
      role: 'standby',
      hooks: {failover: ['./promote-db.sh']},
    },
  ],
  loadBalancers: [
    {
      id: 'lb-ca',
      account: 'shop',
      zone: 'KR-CA',
      members: ['web-1'],
      hooks: {restore: ['./lb-back.sh', '--fast']},
    },
  ],
  gslbs: [{id: 'gslb', targets: [{ref: 'lb-ca'}], hooks: {failover: ['./gslb.sh', 'move']}}],
  hooks: {failover: ['./scripts/failover.sh'], restore: ['./scripts/restore.sh']},
});
const built = buildModel(topology);
if (!built.ok) throw new Error('bad topology');
const model = built.model;

describe('hookFor', () => {
  it('a component’s own hooks override the global ones, action by action', () => {
    expect(hookFor(model, 'gslb', 'failover')).toEqual({
      id: 'gslb',
      action: 'failover',
      argv: ['./gslb.sh', 'move'],
      from: 'component',
    });
    // The GSLB names no restore hook: the global one applies.
    expect(hookFor(model, 'gslb', 'restore')?.argv).toEqual(['./scripts/restore.sh']);
    expect(hookFor(model, 'lb-ca', 'restore')).toMatchObject({
      argv: ['./lb-back.sh', '--fast'],
      from: 'component',
    });
    expect(hookFor(model, 'lb-ca', 'failover')).toMatchObject({
      argv: ['./scripts/failover.sh'],
      from: 'global',
    });
    expect(hookFor(model, 'db-2', 'failover')).toMatchObject({
      argv: ['./promote-db.sh'],
      from: 'component',
    });
    expect(hookFor(model, 'KR-CA', 'failover')).toMatchObject({from: 'global'});
    expect(hookFor(model, 'nope', 'failover')).toBeUndefined();
  });

  it('without any hooks: none', () => {
    const bare = buildModel(
      topologySchema.parse({...topology, hooks: undefined, gslbs: [], loadBalancers: [], vms: []}),
    );
    expect(bare.ok && hookFor(bare.model, 'KR-CA', 'failover')).toBeUndefined();
  });

  it('shows the command with the id appended, quoted where a shell would need it', () => {
    expect(commandLine({argv: ['./failover.sh', '--zone'], id: 'KR-CA'})).toBe(
      './failover.sh --zone KR-CA',
    );
    expect(commandLine({argv: ['./f.sh'], id: '; touch pwned'})).toBe("./f.sh '; touch pwned'");
  });
});
