import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {LineCounter, parseDocument} from 'yaml';
import type {FilePath} from '../../source/core/model.js';
import {jsonOffsets, linesAndColumns} from '../../source/core/load/json-place.js';
import {offsetOf} from '../../source/core/load/located.js';
import {jsonObject} from '../support/json-values.js';

/** Every path to a value in the data. */
function pathsIn(data: unknown, path: Array<string | number> = []): FilePath[] {
  if (typeof data !== 'object' || data === null) return [path];
  const entries = Array.isArray(data)
    ? data.map((item, index) => [index, item] as const)
    : Object.entries(data);
  return [path, ...entries.flatMap(([key, item]) => pathsIn(item, [...path, key]))];
}

describe('places in JSON text', () => {
  it('are where the YAML parser places the same values', () => {
    fc.assert(
      fc.property(jsonObject, fc.constantFrom(0, 2, '\t'), (data, space) => {
        const text = JSON.stringify(data, null, space);
        const paths = pathsIn(data);
        const document = parseDocument(text);
        const offsets = jsonOffsets(text, paths);
        expect(offsets).toEqual(paths.map((path) => offsetOf(document.contents, path)));
      }),
      {numRuns: 300},
    );
  });

  it('are undefined for a path the text does not hold', () => {
    const text = '{"a": [1, {"b": 2}], "c": "x"}';
    expect(jsonOffsets(text, [['a', 1, 'b'], ['a', 2], ['d'], ['c', 'e']])).toEqual([
      16,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('as lines and columns, agree with the YAML line counter', () => {
    fc.assert(
      fc.property(jsonObject, (data) => {
        const text = JSON.stringify(data, null, 2);
        const lines = new LineCounter();
        parseDocument(text, {lineCounter: lines});
        const offsets = jsonOffsets(text, pathsIn(data)) as number[];
        const expected = offsets.map((offset) => {
          const {line, col} = lines.linePos(offset);
          return {line, column: col};
        });
        expect(linesAndColumns(text, offsets)).toEqual(expected);
      }),
      {numRuns: 200},
    );
  });
});
