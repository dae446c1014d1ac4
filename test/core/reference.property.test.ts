// The analyzer held to an independent model of its documented semantics
// (test/support/reference/semantics.ts), on random topologies with failure groups.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {snapshot} from '../../source/core/analyze.js';
import {availability} from '../../source/core/availability.js';
import {checkReport} from '../../source/core/check.js';
import type {Model} from '../../source/core/model.js';
import type {FailureState} from '../../source/core/state.js';
import {toleranceKinds} from '../../source/core/sweep.js';
import {modelAndReference} from '../support/reference/random.js';
import {nothingFailed, type Reference, type RefState} from '../support/reference/semantics.js';

const runs = (n: number) => ({numRuns: Number(process.env.PROPERTY_RUNS ?? n)});

/** A random state of a model: some units failed (groups too), standbys promoted, GSLBs forced. */
const withState = modelAndReference().chain(({topology, model, reference}) => {
  const units = reference.units({includeGslb: true}).map((u) => u.id);
  const standbys = topology.vms.filter((v) => v.role === 'standby').map((v) => v.id);
  const forced = topology.gslbs.map((g) =>
    fc.option(fc.constantFrom(...g.targets.map((t) => t.ref)), {nil: undefined}),
  );
  return fc
    .record({
      failed: fc.subarray(units, {maxLength: Math.min(3, units.length)}),
      promoted: fc.subarray(standbys),
      forced: fc.tuple(...forced),
    })
    .map(({failed, promoted, forced: chosen}) => {
      const forcedMap = new Map<string, string>();
      chosen.forEach((ref, i) => ref !== undefined && forcedMap.set(topology.gslbs[i]!.id, ref));
      const refState: RefState = {
        failed: new Set(failed),
        promoted: new Set(promoted),
        forced: forcedMap,
      };
      const shown = () =>
        `${JSON.stringify(topology)} failed ${[...failed].join(',')} promoted ${promoted.join(',')} forced ${[...forcedMap].join(';')}`;
      return {topology, model, reference, refState, [fc.toStringMethod]: shown};
    });
});

/** The same state for the core: a group's failure is its members' failures. */
function coreState(model: Model, state: RefState): FailureState {
  const members = (id: string) => model.failureGroups.find((g) => g.id === id)?.members ?? [id];
  return {
    observed: new Map(),
    simulated: new Set([...state.failed].flatMap((id) => [...members(id)])),
    promoted: new Set(state.promoted),
    forced: new Map(state.forced),
  };
}

function expectSameEvaluation(model: Model, reference: Reference, state: RefState) {
  const core = snapshot(model, coreState(model, state));
  const ref = reference.evaluate(state);
  expect([...core.down.keys()].sort()).toEqual([...ref.down].sort());
  for (const service of model.services) {
    expect(core.evaluation.served.get(service.id), service.id).toBeCloseTo(
      ref.served.get(service.id)!,
      5,
    );
    expect(core.status.get(service.id), service.id).toBe(ref.status.get(service.id));
  }
}

describe('the analyzer agrees with the reference', () => {
  it('on what is down, what each service serves and its status, in any state', () => {
    fc.assert(
      fc.property(withState, ({model, reference, refState}) =>
        expectSameEvaluation(model, reference, refState),
      ),
      runs(300),
    );
  });

  it('on single points of failure, weak points and tolerance (groups included)', () => {
    fc.assert(
      fc.property(modelAndReference({maxUnits: 16}), fc.boolean(), ({model, reference}, gslb) => {
        const report = checkReport(model, {includeGslb: gslb, availabilityOf: availability});
        const swept = reference.sweep(nothingFailed, {includeGslb: gslb});
        for (const service of report.services) {
          const expected = swept.get(service.id)!;
          expect(new Set(service.spof), `${service.id} spof`).toEqual(expected.spof);
          expect(new Set(service.weak), `${service.id} weak`).toEqual(expected.weak);
          const kinds = gslb ? [...toleranceKinds, 'gslb' as const] : toleranceKinds;
          for (const kind of kinds) {
            const got = service.tolerance[kind];
            const want = reference.tolerance(nothingFailed, swept, kind, service.id);
            // Told only for the kinds the service stands on, and then the same.
            expect(got, `${service.id} ${kind}`).toEqual(want);
          }
        }
      }),
      runs(120),
    );
  });

  it('on availability with failure groups, by enumeration, wherever the estimate says exact', () => {
    let exact = 0;
    let withGroups = 0;
    fc.assert(
      fc.property(modelAndReference({maxUnits: 10}), ({topology, model, reference}) => {
        const report = checkReport(model, {availabilityOf: availability});
        const enumerated = reference.availability();
        for (const service of report.services) {
          if (!service.availability.exact) continue;
          const want = enumerated.get(service.id)!;
          expect(service.availability.ok, `${service.id} ok`).toBeCloseTo(want.ok, 9);
          expect(service.availability.up, `${service.id} up`).toBeCloseTo(want.up, 9);
          exact++;
          const groups = new Set((topology.failureGroups ?? []).map((g) => g.id));
          if (service.spof.some((id) => groups.has(id))) withGroups++;
        }
      }),
      runs(80),
    );
    // The comparison happened, groups included.
    expect(exact).toBeGreaterThan(40);
    expect(withGroups).toBeGreaterThan(5);
  });

  it('on improvement potential: availability recomputed with the component never failing', () => {
    let compared = 0;
    fc.assert(
      fc.property(modelAndReference({maxUnits: 9}), ({model, reference}) => {
        const report = checkReport(model, {availabilityOf: availability});
        const now = reference.availability();
        for (const service of report.services) {
          if (!service.availability.exact) continue;
          const up = now.get(service.id)!.up;
          const gainOf = (id: string) =>
            reference.availability(new Set([id])).get(service.id)!.up - up;
          // Best first, each gain the enumerated one.
          for (const [i, entry] of service.improvement.entries()) {
            if (i > 0) expect(entry.gain).toBeLessThanOrEqual(service.improvement[i - 1]!.gain);
            expect(entry.upIfPerfect, `${service.id} ${entry.id}`).toBeCloseTo(
              reference.availability(new Set([entry.id])).get(service.id)!.up,
              9,
            );
            expect(entry.gain).toBeCloseTo(gainOf(entry.id), 9);
            compared++;
          }
          // Nothing left out gains more than the last listed (or anything, when fewer than 5).
          const listed = new Set(service.improvement.map((e) => e.id));
          const floor = service.improvement.length === 5 ? service.improvement[4]!.gain : 0;
          for (const id of [...service.spof, ...service.weak])
            if (!listed.has(id))
              expect(gainOf(id), `${service.id} ${id}`).toBeLessThanOrEqual(floor + 1e-9);
        }
      }),
      runs(40),
    );
    expect(compared).toBeGreaterThan(20);
  });
});
