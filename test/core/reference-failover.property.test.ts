// `o` / `--failover`, the plan (`p`, `--plan`) and the `impact` scenario held to the
// independent reference (test/support/reference), on random topologies and states.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {snapshot} from '../../source/core/analyze.js';
import {failover} from '../../source/core/failover.js';
import type {Model} from '../../source/core/model.js';
import {failoverPlan} from '../../source/core/plan.js';
import {runScenario} from '../../source/core/scenario.js';
import type {FailureState} from '../../source/core/state.js';
import {referenceFailover, totalServed} from '../support/reference/failover.js';
import {modelAndReference} from '../support/reference/random.js';
import type {Reference, RefState} from '../support/reference/semantics.js';

const runs = (n: number) => ({numRuns: Number(process.env.PROPERTY_RUNS ?? n)});

/** A model with some components failed (no groups: the core's state holds components). */
const withFailures = modelAndReference({groups: false}).chain((drawn) => {
  const units = drawn.reference.units({includeGslb: true}).map((u) => u.id);
  return fc
    .subarray(units, {maxLength: Math.min(3, units.length)})
    .map((failed) =>
      Object.assign(
        {...drawn, failed},
        {[fc.toStringMethod]: () => `${JSON.stringify(drawn.topology)} failed ${failed.join(',')}`},
      ),
    );
});

function refStateOf(state: FailureState): RefState {
  return {
    failed: new Set([...state.observed.keys(), ...state.simulated]),
    promoted: new Set(state.promoted),
    forced: new Map(state.forced),
  };
}

function expectServedAsReference(model: Model, reference: Reference, state: FailureState) {
  const ref = reference.evaluate(refStateOf(state));
  const core = snapshot(model, state);
  for (const service of model.services) {
    expect(core.evaluation.served.get(service.id), service.id).toBeCloseTo(
      ref.served.get(service.id)!,
      5,
    );
    expect(core.status.get(service.id), service.id).toBe(ref.status.get(service.id));
  }
}

describe('failover agrees with the reference', () => {
  it('on every service, GSLB, load balancer and VM: done or refused, and what it does', () => {
    let done = 0;
    fc.assert(
      fc.property(withFailures, ({model, reference, failed}) => {
        const state: FailureState = {
          observed: new Map(),
          simulated: new Set(failed),
          promoted: new Set(),
          forced: new Map(),
        };
        const snap = snapshot(model, state);
        const ids = [
          ...model.services.map((s) => s.id),
          ...model.gslbs.map((g) => g.id),
          ...model.loadBalancers.map((l) => l.id),
          ...model.vms.map((v) => v.id),
        ];
        for (const id of ids) {
          const got = failover(model, snap, id);
          const want = referenceFailover(reference, refStateOf(state), id);
          expect(got.ok, `${id}`).toBe(want.ok);
          if (!got.ok || !want.ok) continue;
          done++;
          expect(got.kind, id).toBe(want.kind);
          if (got.kind === 'promote' && want.kind === 'promote')
            expect(new Set(got.promoted), id).toEqual(new Set(want.promoted));
          // Ties may go either way: the target chosen serves as much as the best one.
          expect(totalServed(reference, refStateOf(got.state)), id).toBeCloseTo(want.total, 5);
          expectServedAsReference(model, reference, got.state);
        }
      }),
      runs(150),
    );
    expect(done).toBeGreaterThan(30);
  });

  it('in the plan: every failover that restores something, most restoring first', () => {
    fc.assert(
      fc.property(withFailures, ({model, reference, failed}) => {
        const state: FailureState = {
          observed: new Map(),
          simulated: new Set(failed),
          promoted: new Set(),
          forced: new Map(),
        };
        const now = refStateOf(state);
        const before = reference.evaluate(now);
        const plan = failoverPlan(model, snapshot(model, state));
        for (const [i, entry] of plan.entries()) {
          const after = reference.evaluate(refStateOf(entry.done.state));
          let restores = 0;
          let lowers = false;
          for (const service of model.services) {
            const b = before.served.get(service.id)!;
            const a = after.served.get(service.id)!;
            restores += a - b;
            if (a < b - 1e-6) lowers = true;
            const change = entry.changes.find((c) => c.service === service.id);
            // Only services it changes are listed, with their numbers.
            if (Math.abs(a - b) > 1e-6) {
              expect(change, `${entry.id} ${service.id}`).toBeDefined();
              expect(change!.after).toBeCloseTo(a, 5);
              expect(change!.before).toBeCloseTo(b, 5);
            } else expect(change, `${entry.id} ${service.id}`).toBeUndefined();
          }
          expect(entry.restores, entry.id).toBeCloseTo(restores, 5);
          expect(entry.restores).toBeGreaterThan(0);
          expect(entry.lowers, entry.id).toBe(lowers);
          if (i > 0) expect(entry.restores).toBeLessThanOrEqual(plan[i - 1]!.restores + 1e-6);
          // Applying it is what `o` on its component does.
          const viaO = referenceFailover(reference, now, entry.id);
          if (entry.done.kind === 'gslb')
            expect(totalServed(reference, refStateOf(entry.done.state))).toBeCloseTo(
              viaO.ok ? viaO.total : NaN,
              5,
            );
        }
        // Every standby whose promotion alone restores something is in the plan.
        for (const vm of reference.topology.vms.filter((v) => v.role === 'standby')) {
          if (before.down.has(vm.id)) continue;
          const promoted = {...now, promoted: new Set([vm.id])};
          const gain = totalServed(reference, promoted) - totalServed(reference, now);
          if (gain > 1e-6)
            expect(
              plan.some((e) => e.id === vm.id),
              vm.id,
            ).toBe(true);
        }
      }),
      runs(150),
    );
  });

  it('in the impact scenario: failures, then failovers as `o` applies them', () => {
    fc.assert(
      fc.property(withFailures, fc.nat(), ({model, reference, failed}, pick) => {
        const candidates = [...model.gslbs, ...model.loadBalancers, ...model.services].map(
          (c) => c.id,
        );
        const chosen = candidates.length > 0 ? [candidates[pick % candidates.length]!] : [];
        const result = runScenario(model, failed, chosen);
        const start: RefState = {failed: new Set(failed), promoted: new Set(), forced: new Map()};
        const want = chosen.length > 0 ? referenceFailover(reference, start, chosen[0]!) : null;
        if (!result.ok) {
          expect(want?.ok, 'refused only what the reference refuses').toBe(false);
          return;
        }
        if (want) expect(want.ok).toBe(true);
        const end = want?.ok ? want.state : start;
        const before = reference.evaluate({
          failed: new Set(),
          promoted: new Set(),
          forced: new Map(),
        });
        const after = reference.evaluate(end);
        // "before" is the state with nothing failed; "after" the state the steps leave.
        for (const change of result.impact.services) {
          expect(change.before, change.id).toBeCloseTo(before.served.get(change.id)!, 5);
          if (want?.ok && want.kind === 'gslb') {
            // A tie may pick another target: the total is what must agree.
            continue;
          }
          expect(change.after, change.id).toBeCloseTo(after.served.get(change.id)!, 5);
          expect(change.status, change.id).toBe(after.status.get(change.id));
        }
        expect([...result.impact.down.map((d) => d.id)].sort()).toEqual(
          [...reference.down(failed)].sort(),
        );
      }),
      runs(150),
    );
  });
});
