import {describe, expect, it} from 'vitest';
import {fittedExponent} from '../../bench/growth.js';

describe('the fitted exponent of time ∝ n^b', () => {
  it('finds b of exact power laws', () => {
    // time = 3 n^1 and time = 0.5 n^2: log time = log c + b log n, a straight line of slope b.
    expect(fittedExponent([1e3, 1e4, 1e5].map((n) => ({n, time: 3 * n})))).toBeCloseTo(1, 10);
    expect(fittedExponent([1e3, 1e4, 1e5].map((n) => ({n, time: 0.5 * n * n})))).toBeCloseTo(2, 10);
  });

  it('is the slope between two points: 10× the size at 8× the time is log10(8)', () => {
    expect(
      fittedExponent([
        {n: 1e5, time: 1},
        {n: 1e6, time: 8},
      ]),
    ).toBeCloseTo(Math.log10(8), 10);
  });
});
