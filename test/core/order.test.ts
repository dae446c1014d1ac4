import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {compareIds} from '../../source/core/order.js';

describe('the order of ids', () => {
  it("is Array.prototype.sort's order of strings, whatever the characters", () => {
    fc.assert(
      fc.property(fc.array(fc.string({unit: 'grapheme'}), {maxLength: 30}), (ids) => {
        expect([...ids].sort(compareIds)).toEqual([...ids].sort());
      }),
    );
  });

  it('says equal only of equal ids', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(compareIds(a, b) === 0).toBe(a === b);
        expect(Math.sign(compareIds(a, b)) + Math.sign(compareIds(b, a))).toBe(0);
      }),
    );
  });
});
