import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {kindsUsed} from '../../source/core/kinds-used.js';
import {parseTopology} from '../../source/core/load.js';

const demo = () => {
  const parsed = parseTopology(readFileSync('fixtures/demo.yaml', 'utf8'), 'fixtures/demo.yaml');
  if (!parsed.ok) throw new Error('the demo topology does not load');
  return parsed.model;
};

describe('the kinds each service stands on', () => {
  it('reads the entry, its targets, members and places, and what the dependencies stand on', () => {
    const used = kindsUsed(demo());
    const sorted = (id: string) => [...used.get(id)!].sort();
    // A GSLB over load balancers in zones and a site; VMs behind routers nobody made redundant.
    expect(sorted('shop-db')).toEqual(['account', 'gslb', 'router', 'vm', 'zone']);
    // Its own GSLB, LBs and site, and the database's kinds through dependsOn.
    expect(sorted('shop-web')).toEqual(['account', 'gslb', 'lb', 'router', 'site', 'vm', 'zone']);
    expect(sorted('shop-admin')).toEqual(['account', 'router', 'vm', 'zone']);
  });

  it('is worked out once per model: every state of the model sweeps with the same answer', () => {
    const model = demo();
    expect(kindsUsed(model)).toBe(kindsUsed(model));
    // Another model of the same file has an answer of its own.
    expect(kindsUsed(demo())).not.toBe(kindsUsed(model));
  });
});
