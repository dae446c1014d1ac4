import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {impactOf, snapshot} from '../../source/core/analyze.js';
import {incrementalOf} from '../../source/core/incremental.js';
import {emptyState, type FailureState} from '../../source/core/state.js';
import {failable, modelWithState} from '../support/random-state.js';

describe('incremental engines of one model', () => {
  it('answer as each would alone when their calls interleave over the shared scratch lists', () => {
    fc.assert(
      fc.property(modelWithState, ({model, state}) => {
        const states: FailureState[] = [state, emptyState];
        const bases = states.map((s) => snapshot(model, s));
        const engines = bases.map((base) => incrementalOf(model, base));
        for (const id of failable(model)) {
          // Alternating engines: each call's marks must never be read as another call's.
          engines.forEach((engine, k) => {
            const change = engine.changeOf(id);
            const impact = impactOf(model, states[k]!, [id], bases[k]!);
            expect(change.radius).toBe(impact.down.length);
            for (const service of impact.services)
              expect(change.after.get(service.id) ?? service.before).toBeCloseTo(service.after, 9);
          });
        }
      }),
      {numRuns: Number(process.env.PROPERTY_RUNS ?? 200)},
    );
  });
});
