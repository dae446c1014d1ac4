import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {impactOf, snapshot} from '../../source/core/analyze.js';
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
          for (const target of gslb.targets) {
            const forced = new Map(state.forced).set(gslb.id, target.ref);
            const other = snapshot(model, {...state, forced});
            if (other.down.has(target.ref)) continue;
            expect(total(other)).toBeLessThanOrEqual(chosen + 1e-6);
          }
        }
      }),
      {numRuns: runs},
    );
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

  it('o on shop-gslb with db-2 promoted keeps lb-cb: the best healthy target already serves', () => {
    const promoted = {...failed, promoted: new Set(['db-2'])};
    const result = whatIf(model, promoted, {type: 'failover', id: 'shop-gslb'});
    expect(result).toEqual({
      ok: false,
      refusal: {id: 'failover.alreadyBest', params: {gslb: 'shop-gslb', target: 'lb-cb'}},
    });
  });

  it('counts what fails with KR-CA apart from KR-CA itself', () => {
    const answer = ok(whatIf(model, emptyState, {type: 'fail', ids: ['KR-CA']}));
    // KR-CA: routers shop-main/KR-CA and shop-sub/KR-CA, VMs web-1, db-1, web-2, LB lb-ca.
    expect(answer.fellWith).toEqual({router: 2, vm: 3, lb: 1});
    expect(answer.lowers).toBe(true);
  });
});
