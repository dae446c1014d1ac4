import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {impactOf, snapshot} from '../../source/core/analyze.js';
import {statusOf} from '../../source/core/capacity.js';
import {buildModel} from '../../source/core/build-model.js';
import {blastRadius, propagate} from '../../source/core/propagate.js';
import {topologySchema} from '../../source/core/schema.js';
import {emptyState} from '../../source/core/state.js';
import {sweep, toleranceKinds} from '../../source/core/sweep.js';
import {randomModel} from '../support/random-topology.js';
import {failable, modelWithState, some} from '../support/random-state.js';

describe('the N-1 sweep', () => {
  it('equals the impact of each component failed on its own, from any current state', () => {
    fc.assert(
      fc.property(modelWithState, ({model, state}) => {
        const base = snapshot(model, state);
        const result = sweep(model, base, {includeGslb: true});
        expect(result.effects.map((e) => e.id).sort()).toEqual(failable(model).sort());
        for (const effect of result.effects) {
          const impact = impactOf(model, state, [effect.id], base);
          expect(effect.radius).toBe(impact.down.length);
          for (const service of impact.services) {
            const after = effect.after.get(service.id) ?? service.before;
            expect(after).toBeCloseTo(service.after, 9);
          }
          for (const service of model.services) {
            const change = impact.services.find((s) => s.id === service.id)!;
            const lowered = change.after < change.before;
            const spof = lowered && change.status === 'DOWN' && change.statusBefore !== 'DOWN';
            const weak = lowered && change.status !== 'DOWN';
            expect(result.services.get(service.id)!.spof.includes(effect.id)).toBe(spof);
            expect(result.services.get(service.id)!.weak.includes(effect.id)).toBe(weak);
          }
        }
      }),
      {numRuns: Number(process.env.PROPERTY_RUNS ?? 300)},
    );
  });

  it('tolerance agrees with the sweep: survives exactly when no component of the kind is a SPOF', () => {
    fc.assert(
      fc.property(randomModel({maxFailable: 16}), (model) => {
        const base = snapshot(model, emptyState);
        const result = sweep(model, base);
        for (const service of model.services) {
          const summary = result.services.get(service.id)!;
          const before = base.evaluation.served.get(service.id)!;
          const present = new Set(result.effects.map((e) => e.kind));
          const listed = new Set(Object.keys(summary.tolerance));
          for (const kind of toleranceKinds) {
            if (!present.has(kind)) expect(listed.has(kind)).toBe(false);
            // A kind left out is one the service does not stand on: no failure of it changes it.
            else if (!listed.has(kind))
              for (const effect of result.effects.filter((e) => e.kind === kind))
                expect(effect.after.get(service.id) ?? before).toBe(before);
          }
          for (const [kind, tolerance] of Object.entries(summary.tolerance)) {
            const ofKind = result.effects.filter((e) => e.kind === kind);
            const afters = ofKind.map((e) => e.after.get(service.id) ?? before);
            // Only the kinds the topology has are listed.
            expect(ofKind.length).toBeGreaterThan(0);
            expect(tolerance.full).toBe(afters.every((a) => a >= before));
            // A service DOWN now survives nothing, even a failure that would raise it.
            expect(tolerance.survives).toBe(
              statusOf(service, before) !== 'DOWN' &&
                afters.every((a) => statusOf(service, a) !== 'DOWN'),
            );
            const worst = Math.min(...afters);
            const expected =
              service.demand > 0 ? Math.floor((100 * worst) / service.demand + 1e-9) : 100;
            expect(tolerance.worstPercent).toBe(expected);
          }
        }
      }),
      {numRuns: Number(process.env.PROPERTY_RUNS ?? 300)},
    );
  });
});

describe('propagation', () => {
  it('puts down exactly the union of the blast radii, each with a failed component as its cause', () => {
    fc.assert(
      fc.property(
        randomModel({maxFailable: 16}).chain((model) =>
          fc.tuple(fc.constant(model), some(failable(model), 4)),
        ),
        ([model, failed]) => {
          const down = propagate(model, failed);
          const union = new Set(failed.flatMap((id) => [...blastRadius(model, id)]));
          expect(new Set(down.keys())).toEqual(union);
          for (const [id, cause] of down) {
            expect(failed).toContain(cause.root);
            expect([...blastRadius(model, cause.root)]).toContain(id);
          }
        },
      ),
      {numRuns: Number(process.env.PROPERTY_RUNS ?? 300)},
    );
  });
});

describe('failing more never serves more', () => {
  // Behind a GSLB this does not hold, by design: a healthy but small target keeps its share of
  // the traffic and serves only its capacity, so failing it can raise what is served once the
  // GSLB moves its share elsewhere (see the explicit case below). Without GSLBs it must hold.
  const withoutGslb = randomModel({maxFailable: 16}).filter((model) => model.gslbs.length === 0);

  it('holds for every pair of nested failure sets when no GSLB splits traffic', () => {
    fc.assert(
      fc.property(
        withoutGslb.chain((model) =>
          fc.tuple(fc.constant(model), some(failable(model), 3), some(failable(model), 3)),
        ),
        ([model, some, more]) => {
          const smaller = snapshot(model, {...emptyState, simulated: new Set(some)});
          const larger = snapshot(model, {...emptyState, simulated: new Set([...some, ...more])});
          for (const service of model.services)
            expect(larger.evaluation.served.get(service.id)!).toBeLessThanOrEqual(
              smaller.evaluation.served.get(service.id)!,
            );
        },
      ),
      {numRuns: Number(process.env.PROPERTY_RUNS ?? 400)},
    );
  });

  it('holds behind a GSLB too when the failure leaves the GSLB the same healthy targets', () => {
    fc.assert(
      fc.property(
        randomModel({maxFailable: 16}).chain((model) =>
          fc.tuple(fc.constant(model), some(failable(model, false), 3)),
        ),
        ([model, failed]) => {
          const base = snapshot(model, emptyState);
          const after = snapshot(model, {...emptyState, simulated: new Set(failed)});
          const healthySet = (snap: typeof base, gslbId: string) => {
            const gslb = model.gslbs.find((g) => g.id === gslbId)!;
            return gslb.targets
              .filter((t) => {
                const capacity =
                  snap.evaluation.vm.get(t.ref) ??
                  snap.evaluation.lb.get(t.ref) ??
                  snap.evaluation.site.get(t.ref) ??
                  0;
                const up = !snap.down.has(t.ref);
                const lb = model.components.get(t.ref)?.kind === 'lb';
                return gslb.healthCheck.type === 'tcp' && lb ? up : up && capacity > 0;
              })
              .map((t) => t.ref)
              .join();
          };
          const unchanged = model.gslbs.every(
            (g) => healthySet(base, g.id) === healthySet(after, g.id),
          );
          fc.pre(unchanged);
          for (const service of model.services)
            expect(after.evaluation.served.get(service.id)!).toBeLessThanOrEqual(
              base.evaluation.served.get(service.id)!,
            );
        },
      ),
      {numRuns: Number(process.env.PROPERTY_RUNS ?? 300)},
    );
  });

  it('does not hold when a small healthy target is failed behind a round-robin GSLB', () => {
    const built = buildModel(
      topologySchema.parse({
        version: 1,
        zones: [{id: 'Z'}],
        accounts: [{id: 'a'}],
        vms: [
          {id: 'small', account: 'a', zone: 'Z', capacity: 100},
          {id: 'big', account: 'a', zone: 'Z', capacity: 1000},
        ],
        gslbs: [{id: 'g', policy: 'round-robin', targets: [{ref: 'small'}, {ref: 'big'}]}],
        services: [{id: 'web', demand: 1000, entry: 'g'}],
      }),
    );
    if (!built.ok) throw new Error(built.errors[0]!.message);
    const impact = impactOf(built.model, emptyState, ['small']);
    // 500 + 500 offered; the small one serves 100 of its 500 → 600. Without it: 1000.
    expect(impact.services[0]).toMatchObject({before: 600, after: 1000, status: 'OK'});
  });
});
