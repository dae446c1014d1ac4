import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {snapshot} from '../../source/core/analyze.js';
import {
  availability,
  availabilityBruteForce,
  relevantComponents,
} from '../../source/core/availability.js';
import {improvementPotential} from '../../source/core/improvement.js';
import {emptyState} from '../../source/core/state.js';
import {sweep} from '../../source/core/sweep.js';
import {randomModel} from '../support/random-topology.js';

describe('improvement potential', () => {
  it('is the availability recomputed with the component made perfect, minus the availability now', () => {
    let compared = 0;
    fc.assert(
      fc.property(randomModel({maxFailable: 12}), (model) => {
        const result = sweep(model, snapshot(model, emptyState));
        for (const service of model.services) {
          const now = availability(model, service.id);
          if (!now.exact) continue;
          const points = result.services.get(service.id)!;
          const ranked = improvementPotential(
            model,
            service.id,
            [...points.spof, ...points.weak],
            now,
            availability,
          );
          // Best first.
          for (let i = 1; i < ranked.length; i++)
            expect(ranked[i]!.gain).toBeLessThanOrEqual(ranked[i - 1]!.gain);
          const listed = new Set(ranked.map((r) => r.id));
          const bruteNow = availabilityBruteForce(model, service.id).up;
          for (const id of new Set([...points.spof, ...points.weak])) {
            // By enumeration of every state, the component never failing.
            const perfect = availabilityBruteForce(model, service.id, {perfect: new Set([id])}).up;
            const entry = ranked.find((r) => r.id === id);
            if (perfect - bruteNow > 1e-9) {
              expect(entry, id).toBeDefined();
              expect(entry!.upIfPerfect).toBeCloseTo(perfect, 9);
              expect(entry!.gain).toBeCloseTo(perfect - bruteNow, 9);
              compared++;
            } else expect(listed.has(id)).toBe(perfect - bruteNow > 1e-11);
          }
          // Only components that bear on the service are ranked.
          const relevant = new Set(relevantComponents(model, service.id));
          for (const r of ranked) expect(relevant.has(r.id)).toBe(true);
        }
      }),
      {numRuns: Number(process.env.PROPERTY_RUNS ?? 150)},
    );
    expect(compared).toBeGreaterThan(20);
  });
});
