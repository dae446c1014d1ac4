import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {countByKind, impactOf, snapshot} from '../../source/core/analyze.js';
import {gslbTargets, targetStateIn} from '../../source/core/capacity.js';
import {parseTopology} from '../../source/core/load.js';
import {slowIn} from '../../source/core/latency.js';
import {failoverPlan} from '../../source/core/plan.js';
import {emptyState, withSimulated} from '../../source/core/state.js';
import {failoverWindows} from '../../source/core/timing.js';
import {whatIf, type WhatIf} from '../../source/core/what-if.js';
import {failable, modelWithState} from '../support/random-state.js';
import {loadFixture} from '../ui/reducer-helpers.js';

const runs = Number(process.env.PROPERTY_RUNS ?? 150);

function ok(result: ReturnType<typeof whatIf>): WhatIf {
  if (!result.ok) throw new Error(`refused: ${result.refusal.id}`);
  return result.whatIf;
}

describe('whatIf: one component failed', () => {
  it('answers as a full re-analysis does, with before the current state', () => {
    fc.assert(
      fc.property(modelWithState, ({model, state}) => {
        const now = snapshot(model, state);
        for (const id of failable(model)) {
          if (now.down.has(id)) continue;
          const answer = ok(whatIf(model, state, {type: 'fail', ids: [id]}, {now}));
          const full = impactOf(model, state, [id], now);
          expect(answer.services).toEqual(full.services);
          for (const s of answer.services) expect(s.before).toBe(now.evaluation.served.get(s.id));
          expect(new Set(answer.down.map((d) => d.id))).toEqual(
            new Set(full.down.map((d) => d.id)),
          );
          const after = snapshot(model, withSimulated(state, [id]));
          const windows = (w: {gslb: string; service: string}[]) =>
            [...w].sort((a, b) => `${a.gslb}/${a.service}`.localeCompare(`${b.gslb}/${b.service}`));
          expect(windows(answer.windows)).toEqual(windows(failoverWindows(model, now, after)));
        }
      }),
      {numRuns: runs},
    );
  });
});

describe('whatIf: restore and failover', () => {
  it('a restore compares the state now with the state without the failure, and opens no window', () => {
    fc.assert(
      fc.property(modelWithState, ({model, state}) => {
        for (const id of state.simulated) {
          const answer = ok(whatIf(model, state, {type: 'restore', ids: [id]}));
          const without = {
            ...state,
            simulated: new Set([...state.simulated].filter((x) => x !== id)),
          };
          const back = snapshot(model, without);
          const now = snapshot(model, state);
          for (const s of answer.services) {
            expect(s.before).toBe(now.evaluation.served.get(s.id));
            expect(s.after).toBe(back.evaluation.served.get(s.id));
          }
          expect(answer.windows).toEqual([]);
        }
      }),
      {numRuns: runs},
    );
  });

  it('a GSLB failover never picks a target that serves less than another healthy one', () => {
    fc.assert(
      fc.property(modelWithState, ({model, state}) => {
        const now = snapshot(model, state);
        const total = (s: ReturnType<typeof snapshot>) =>
          [...s.evaluation.served.values()].reduce((a, b) => a + b, 0);
        for (const gslb of model.gslbs) {
          const result = whatIf(model, state, {type: 'failover', id: gslb.id}, {now});
          if (!result.ok) continue;
          const chosen = total(snapshot(model, result.whatIf.state));
          expect(chosen).toBeGreaterThan(total(now));
          // Only healthy targets can be moved to: forcing an unhealthy one is ignored (the
          // GSLB keeps its policy), so it is no target to compare with.
          const {healthy} = gslbTargets(model, gslb, targetStateIn(now));
          gslb.targets.forEach((target, index) => {
            if (!healthy[index]) return;
            const forced = new Map(state.forced).set(gslb.id, target.ref);
            const other = snapshot(model, {...state, forced});
            expect(total(other)).toBeLessThanOrEqual(chosen + 1e-6);
          });
        }
      }),
      {numRuns: runs},
    );
  });
});

describe('a GSLB failover away from a forced target (seed 1468803572)', () => {
  // Round-robin over site0 (no capacity: unhealthy), vm2 (100) and vm0 (300, weight 0), forced
  // to vm2. Forcing site0 is ignored (it is unhealthy), so it is not a target to move to.
  const topology = `
version: 1
zones: [{id: z0}, {id: z2}]
sites: [{id: site0, capacity: 0}]
accounts: [{id: a0, redundantRouter: true}, {id: a1}]
vms:
  - {id: vm0, account: a1, zone: z2, capacity: 300}
  - {id: vm2, account: a0, zone: z0, capacity: 100}
gslbs:
  - id: gslb0
    policy: round-robin
    targets:
      - {ref: site0, priority: 2, weight: 1}
      - {ref: vm2, priority: 1, weight: 3}
      - {ref: vm0, priority: 2, weight: 0}
services:
  - {id: svc0, demand: 500, entry: gslb0, minimum: 0}
`;
  const parsed = parseTopology(topology, 'gslb-weight-0.yaml');
  if (!parsed.ok) throw new Error(parsed.errors.map((error) => error.message).join('\n'));
  const model = parsed.model;
  const forcedVm2 = {...emptyState, forced: new Map([['gslb0', 'vm2']])};

  it('moves all traffic to vm0, the healthy target that serves most', () => {
    const answer = ok(whatIf(model, forcedVm2, {type: 'failover', id: 'gslb0'}));
    expect(answer.failover).toMatchObject({kind: 'gslb', gslb: 'gslb0', target: 'vm0'});
    expect(answer.services).toMatchObject([{id: 'svc0', before: 100, after: 300}]);
  });

  it('gives the weight-0 target no share while vm2 is healthy, even under round-robin', () => {
    const unforced = snapshot(model, emptyState);
    expect(unforced.evaluation.served.get('svc0')).toBe(100);
  });
});

describe('on the demo topology', () => {
  const model = loadFixture();
  const failed = withSimulated(emptyState, ['KR-CA']);

  it('ranks promoting db-2 first after KR-CA fails: shop-db 1000, shop-web 500', () => {
    const plan = failoverPlan(model, snapshot(model, failed));
    expect(plan[0]?.id).toBe('db-2');
    expect(plan[0]?.done.message).toEqual({id: 'failover.promote', params: {list: 'db-2'}});
    expect(plan[0]?.changes).toEqual([
      {service: 'shop-web', before: 0, after: 500},
      {service: 'shop-db', before: 0, after: 1000},
    ]);
  });

  it('names no service it would make SLOW: the demo gives no latency', () => {
    const plan = failoverPlan(model, snapshot(model, failed));
    expect(plan.length).toBeGreaterThan(0);
    for (const entry of plan) expect(entry.slows).toEqual([]);
  });

  it('o on shop-gslb with db-2 promoted keeps lb-cb: the best healthy target already serves', () => {
    const promoted = {...failed, promoted: new Set(['db-2'])};
    const result = whatIf(model, promoted, {type: 'failover', id: 'shop-gslb'});
    expect(result).toEqual({
      ok: false,
      refusal: {id: 'failover.alreadyBest', params: {gslb: 'shop-gslb', target: 'lb-cb'}},
    });
  });

  it('lists what fails with KR-CA, each with its cause', () => {
    const answer = ok(whatIf(model, emptyState, {type: 'fail', ids: ['KR-CA']}));
    // KR-CA: routers shop-main/KR-CA and shop-sub/KR-CA, VMs web-1, db-1, web-2, LB lb-ca.
    const others = answer.down.filter((entry) => entry.id !== 'KR-CA');
    expect(countByKind(others)).toEqual({router: 2, vm: 3, lb: 1});
    expect(new Set(others.map((entry) => entry.cause))).toEqual(new Set(['zone KR-CA failed']));
    expect(answer.lowers).toBe(true);
  });

  it('counts a long list by kind the same each time, whatever a caller does with a count', () => {
    const kinds = ['vm', 'router', 'lb'] as const;
    const long = Array.from({length: 3000}, (_, i) => ({
      id: `c${i}`,
      kind: kinds[i % 3]!,
      cause: 'zone z failed',
    }));
    const first = countByKind(long);
    expect(first).toEqual({vm: 1000, router: 1000, lb: 1000});
    first.vm = 0;
    expect(countByKind(long)).toEqual({vm: 1000, router: 1000, lb: 1000});
  });

  it('a restore lists what its root took down, also what stays down for another cause', () => {
    // KR-CA and its router shop-main/KR-CA both failed: KR-CA is the cause of all six (the
    // widest failure), though web-1 and db-1 (behind shop-main/KR-CA) stay down if it is back.
    const state = withSimulated(emptyState, ['KR-CA', 'shop-main/KR-CA']);
    const answer = ok(whatIf(model, state, {type: 'restore', ids: ['KR-CA']}));
    expect(
      answer.tookDown
        .first(Infinity)
        .map((entry) => entry.id)
        .sort(),
    ).toEqual(['db-1', 'lb-ca', 'shop-main/KR-CA', 'shop-sub/KR-CA', 'web-1', 'web-2'].sort());
    expect(answer.tookDown.byKind).toEqual({router: 2, vm: 3, lb: 1});
    expect(answer.tookDown.size).toBe(6);
    // What comes back is fewer: shop-sub/KR-CA, web-2, lb-ca and KR-CA itself.
    expect([...answer.up].sort()).toEqual(['KR-CA', 'lb-ca', 'shop-sub/KR-CA', 'web-2']);
  });
});

describe('a failover plan and latency budgets', () => {
  const model = loadFixture('fixtures/compound-failover.yaml');

  it('says which services a failover would put over a latency budget, as doing it would', () => {
    // KR-CA down: promoting db-2 in KR-CB brings shop-db back, and shop-web (now in the IDC)
    // calls it 5 ms away, over its 3 ms budget. With db-1 alone down, shop-web stays in KR-CA:
    // 4 ms away, still over.
    for (const down of ['KR-CA', 'db-1']) {
      const now = snapshot(model, withSimulated(emptyState, [down]));
      const plan = failoverPlan(model, now);
      expect(plan.map((entry) => [entry.id, entry.slows])).toEqual([['db-2', ['shop-web']]]);
      // The same answer as the state the failover leads to, less what is SLOW already.
      for (const entry of plan) {
        const after = slowIn(model, snapshot(model, entry.done.state));
        const before = slowIn(model, now);
        expect(entry.slows).toEqual([...after].filter((id) => !before.has(id)));
      }
    }
  });
});
