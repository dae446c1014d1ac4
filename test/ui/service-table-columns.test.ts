import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {columnWidths} from '../../source/ui/components/service-table-cells.js';

// service, demand, before, would be, status: the widths of the headings and of their widest value.
const headings = [7, 6, 6, 8, 6];

describe('the service table columns', () => {
  it('are as wide as their headings and values when the panel has room', () => {
    expect(columnWidths(headings, [10, 4, 4, 4, 4], 60)).toEqual([11, 7, 7, 9, 7]);
  });

  it('cut the heading with most to spare before a service id (80×24: "shop-admin" stays whole)', () => {
    expect(columnWidths(headings, [10, 4, 4, 4, 4], 40)).toEqual([11, 7, 7, 8, 7]);
  });

  it('cut ids last, never below six cells, and show every number and status whole', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({min: 1, max: 14}), {minLength: 5, maxLength: 5}),
        fc.array(fc.integer({min: 1, max: 30}), {minLength: 5, maxLength: 5}),
        fc.integer({min: 10, max: 120}),
        (titles, values, width) => {
          const widths = columnWidths(titles, values, width);
          for (let column = 1; column < 5; column++) {
            expect(widths[column]).toBeGreaterThanOrEqual(values[column]! + 1);
            expect(widths[column]).toBeLessThanOrEqual(
              Math.max(titles[column]!, values[column]!) + 1,
            );
          }
          expect(widths[0]).toBeGreaterThanOrEqual(
            Math.min(6, Math.max(titles[0]!, values[0]!) + 1),
          );
          const least = titles.map((t, c) => Math.max(Math.min(t, 4), values[c]!) + 1);
          const fits = 6 + least.slice(1).reduce((a, b) => a + b, 0) <= width;
          if (fits) expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(width);
          // An id is cut only once no heading has anything left to give.
          if (widths[0]! < Math.max(titles[0]!, values[0]!) + 1)
            for (let column = 1; column < 5; column++) expect(widths[column]).toBe(least[column]);
        },
      ),
      {numRuns: 500},
    );
  });
});
