import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {likelyCause, type Observation} from '../../source/core/likely-cause.js';
import type {Model} from '../../source/core/model.js';
import {referenceExplain, referenceRadius} from '../support/explain-reference.js';
import {randomModel} from '../support/random-topology.js';
import {failable, some} from '../support/random-state.js';

const runs = Number(process.env.PROPERTY_RUNS ?? 300);

/** A random failure's closure as live sources would see it: down inside, up outside, some unknown. */
const observedOutage = randomModel({maxFailable: 14}).chain((model) => {
  const observable = [...model.components.values()]
    .filter((c) => c.kind !== 'service')
    .map((c) => c.id);
  return fc
    .record({
      failed: some(failable(model), 3).filter((ids) => ids.length > 0),
      unknown: some(observable, 4),
      unwatched: some(observable, 3),
      includeGslb: fc.boolean(),
    })
    .map(({failed, unknown, unwatched, includeGslb}) => {
      const closure = new Set(failed.flatMap((id) => [...referenceRadius(model, id)]));
      const seen = new Map<string, Observation>();
      for (const id of observable) seen.set(id, closure.has(id) ? 'down' : 'up');
      for (const id of unknown) seen.set(id, 'unknown');
      for (const id of unwatched) seen.delete(id);
      return {model, seen, failed, includeGslb};
    });
});

function odds(model: Model, ids: readonly string[]): number {
  return ids.reduce((p, id) => {
    const kind = model.components.get(id)!.kind;
    return kind === 'service' ? 0 : p * (1 - model.availability[kind]);
  }, 1);
}

describe('likelyCause against a brute-force search', () => {
  it('every answer explains all it can, contradicts nothing, and none smaller exists; ranked as stated', () => {
    fc.assert(
      fc.property(observedOutage, ({model, seen, includeGslb}) => {
        const answer = likelyCause(model, seen, {includeGslb, limit: 10_000});
        const reference = referenceExplain(model, seen, includeGslb);
        const down = [...seen].filter(([, s]) => s === 'down').map(([id]) => id);
        const up = new Set([...seen].filter(([, s]) => s === 'up').map(([id]) => id));
        expect(answer.observedDown).toBe(down.length);
        expect(new Set(answer.unexplainable)).toEqual(
          new Set(down.filter((id) => !reference.explainable.has(id))),
        );
        // At most three failures made the outage: well inside the exact search.
        expect(answer.exact).toBe(true);
        const key = (ids: readonly string[]) => [...ids].sort().join(' ');
        expect(new Set(answer.explanations.map((e) => key(e.failed)))).toEqual(
          new Set(reference.minimum.map(key)),
        );
        for (const explanation of answer.explanations) {
          const covered = new Set(
            explanation.failed.flatMap((id) => [...referenceRadius(model, id)]),
          );
          expect([...covered].filter((id) => up.has(id))).toEqual([]);
          for (const id of reference.explainable) expect(covered.has(id)).toBe(true);
          expect(explanation.explains).toBe(reference.explainable.size);
          expect(new Set(explanation.unexplained)).toEqual(new Set(answer.unexplainable));
          expect(explanation.probability).toBeCloseTo(odds(model, explanation.failed), 12);
        }
        // Fewest first (all the same size here), then likeliest, then by id.
        for (let i = 1; i < answer.explanations.length; i++) {
          const [a, b] = [answer.explanations[i - 1]!, answer.explanations[i]!];
          expect(a.failed.length).toBeLessThanOrEqual(b.failed.length);
          const pa = odds(model, a.failed);
          const pb = odds(model, b.failed);
          if (Math.abs(pa - pb) > 1e-12 * Math.max(pa, pb)) expect(pa).toBeGreaterThan(pb);
          else expect(a.failed.join(' ') < b.failed.join(' ')).toBe(true);
        }
        // Several failures needed: the partial leads are single failures, the best first.
        const smallest = reference.minimum[0]?.length ?? 0;
        if (smallest > 1) {
          expect(answer.partial.length).toBeGreaterThan(0);
          const explains = (id: string) =>
            down.filter((d) => referenceRadius(model, id).has(d)).length;
          const most = Math.max(
            ...failable(model, includeGslb)
              .filter((id) => ![...referenceRadius(model, id)].some((r) => up.has(r)))
              .map(explains),
          );
          expect(answer.partial[0]!.explains).toBe(most);
          for (const lead of answer.partial) {
            expect(lead.failed).toHaveLength(1);
            expect(lead.explains).toBe(explains(lead.failed[0]!));
          }
        } else expect(answer.partial).toEqual([]);
      }),
      {numRuns: runs},
    );
  });
});
