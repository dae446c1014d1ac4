import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {plainJson} from '../../source/core/json-fast.js';
import {jsonObject, jsonValue} from '../support/json-values.js';

const indent = fc.constantFrom(0, 1, 2, '\t');

describe('plain JSON', () => {
  it('reads what JSON.parse reads when no key repeats', () => {
    fc.assert(
      fc.property(jsonObject, indent, (data, space) => {
        const text = JSON.stringify(data, null, space);
        expect(plainJson(text, 64)).toEqual(JSON.parse(text));
      }),
      {numRuns: 500},
    );
  });

  it('gives up on a key written twice, at any depth, whatever the strings hold', () => {
    fc.assert(
      fc.property(jsonObject, jsonValue, fc.nat(), fc.nat({max: 3}), (data, other, pick, depth) => {
        const keys = Object.keys(data);
        const key = keys[pick % keys.length]!;
        // The same key again, first, with another value: JSON.parse keeps the last silently.
        let text = `{${JSON.stringify(key)}: ${JSON.stringify(other)}, ${JSON.stringify(data).slice(1)}`;
        for (let level = 0; level < depth; level++) text = `{"level": [${text}], "b": ":"}`;
        expect(plainJson(text, 64)).toBeUndefined();
      }),
      {numRuns: 500},
    );
  });

  it('gives up on nesting deeper than the limit, and on text that is not one JSON object', () => {
    expect(plainJson('{"a": '.repeat(70) + '1' + '}'.repeat(70), 64)).toBeUndefined();
    expect(plainJson('{"a": '.repeat(10) + '1' + '}'.repeat(10), 64)).toEqual(
      JSON.parse('{"a": '.repeat(10) + '1' + '}'.repeat(10)),
    );
    for (const text of ['[1]', '"x"', '{"a": 1', 'a: 1', '\u00a0{"a": 1}', ''])
      expect(plainJson(text, 64)).toBeUndefined();
  });
});
