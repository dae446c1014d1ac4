import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {DistSum} from '../../source/core/dist-sum.js';

/** What the estimate did before: add into a map. */
function mapSum(terms: ReadonlyArray<readonly [number, number]>): Map<number, number> {
  const map = new Map<number, number>();
  for (const [value, p] of terms) if (p > 0) map.set(value, (map.get(value) ?? 0) + p);
  return map;
}

// Few distinct values, so that most terms land on one already met; 0, -0 and NaN among them.
const value = fc.oneof(
  fc.integer({min: -3, max: 40}).map((n) => n * 25),
  fc.constantFrom(0, -0, Number.NaN, 0.1 + 0.2, 0.3, 1e-300, -1),
  fc.double({noDefaultInfinity: true}),
);
const probability = fc.oneof(fc.double({min: 0, max: 1, noNaN: true}), fc.constantFrom(0, -0.5));
const terms = fc.array(fc.tuple(value, probability), {maxLength: 300});

describe('a distribution summed without a map', () => {
  it('holds what adding into a map holds: the same values in the same order, bit for bit', () => {
    fc.assert(
      fc.property(fc.array(terms, {minLength: 1, maxLength: 3}), (rounds) => {
        // One sum reused across rounds, as the estimate reuses it from one healthy set to the next.
        const sum = new DistSum();
        for (const round of rounds) {
          sum.clear();
          for (const [v, p] of round) sum.add(v, p);
          const expected = [...mapSum(round)];
          expect(sum.size).toBe(expected.length);
          expect([...sum.toMap()]).toEqual(expected);
          expected.forEach(([v, p], place) => {
            expect(Object.is(sum.value(place), v)).toBe(true);
            expect(Object.is(sum.probability(place), p)).toBe(true);
          });
        }
      }),
      {numRuns: Number(process.env.PROPERTY_RUNS ?? 300)},
    );
  });

  it('takes a map in, in its order', () => {
    const sum = new DistSum();
    sum.add(7, 0.5);
    sum.fromMap(
      new Map([
        [3, 0.25],
        [1, 0.75],
      ]),
    );
    expect([...sum.toMap()]).toEqual([
      [3, 0.25],
      [1, 0.75],
    ]);
  });
});
