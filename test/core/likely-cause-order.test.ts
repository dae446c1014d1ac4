import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {likelyCause, type Observation} from '../../source/core/likely-cause.js';
import {parseTopology} from '../../source/core/load.js';
import {propagate} from '../../source/core/propagate.js';

const text = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'demo.yaml'), 'utf8');
const loaded = parseTopology(text, 'demo.yaml');
if (!loaded.ok) throw new Error(loaded.errors[0]?.message);
const model = loaded.model;

/** Every component observed: down inside the failures' blast radius, up elsewhere. */
function observed(failed: string[], order: (ids: string[]) => string[]) {
  const down = propagate(model, failed);
  const seen = new Map<string, Observation>();
  const ids = [...model.components.keys()].filter(
    (id) => model.components.get(id)!.kind !== 'service',
  );
  for (const id of order(ids)) seen.set(id, down.has(id) ? 'down' : 'up');
  return seen;
}

describe('the likely cause does not depend on the order of the observations', () => {
  // The model's order is the quick path (each id guessed before it is hashed); any other order
  // must give the same answer.
  const orders: Record<string, (ids: string[]) => string[]> = {
    reversed: (ids) => [...ids].reverse(),
    'odd ones first': (ids) => [...ids.filter((_, i) => i % 2), ...ids.filter((_, i) => !(i % 2))],
    'one id moved to the end': (ids) => [...ids.slice(1), ids[0]!],
  };
  for (const failed of [['KR-CA'], ['web-1', 'db-1'], ['shop-main/KR-CB'], ['KR-M2', 'web-2']])
    for (const [name, order] of Object.entries(orders))
      it(`${failed.join(' + ')}, ${name}`, () => {
        const inModelOrder = likelyCause(
          model,
          observed(failed, (ids) => ids),
        );
        const reordered = likelyCause(model, observed(failed, order));
        expect(inModelOrder.observedDown).toBeGreaterThan(0);
        expect(reordered).toEqual(inModelOrder);
      });
});
