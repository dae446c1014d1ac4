import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {availability, availabilityBruteForce} from '../../source/core/availability.js';
import {parseTopology} from '../../source/core/load.js';
import type {Model} from '../../source/core/model.js';

const demo = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'demo.yaml'), 'utf8');

/**
 * The demo's components under a chain of `n` services, s0 needing s1 and so on. Service i is
 * served by one of `entries` in turn, and asks for 100, 200 or 300 of it, so along the chain
 * some services are cut short by what their dependency serves and some are not.
 */
function chain(
  n: number,
  entries: readonly string[],
  demand = (i: number) => `demand: ${100 * (1 + (i % 3))}, minimum: 50`,
): Model {
  const head = demo.slice(0, demo.indexOf('services:'));
  const services = Array.from(
    {length: n},
    (_, i) =>
      `  - {id: s${i}, ${demand(i)}, entry: ${entries[i % entries.length]}${i + 1 < n ? `, dependsOn: [s${i + 1}]` : ''}}`,
  );
  const loaded = parseTopology(`${head}services:\n${services.join('\n')}\n`, 'chain.yaml');
  if (!loaded.ok) throw new Error(loaded.errors[0]?.message);
  return loaded.model;
}

describe('availability along a dependsOn chain', () => {
  it('each service of a 40-long chain over three entries equals brute force', () => {
    // 40 services: the first 8 are 32 or more deep and take their figure from the run at the
    // top of the chain; the rest run alone. Both must equal every state evaluated in full.
    const model = chain(40, ['web-1', 'web-3', 'lb-ca']);
    for (let i = 0; i < 40; i++) {
      const id = `s${i}`;
      const fast = availability(model, id);
      const brute = availabilityBruteForce(model, id);
      expect(fast.exact, id).toBe(true);
      expect(fast.ok, id).toBeCloseTo(brute.ok, 12);
      expect(fast.up, id).toBeCloseTo(brute.up, 12);
    }
  });

  it('with a component made perfect, deep services still equal brute force', () => {
    const model = chain(36, ['web-1', 'web-3']);
    const perfect = new Set(['KR-CA']);
    for (const id of ['s0', 's3', 's4', 's35']) {
      const fast = availability(model, id, {perfect});
      const brute = availabilityBruteForce(model, id, {perfect});
      expect(fast.up, id).toBeCloseTo(brute.up, 12);
      expect(fast.ok, id).toBeCloseTo(brute.ok, 12);
    }
  });

  it('asked from the bottom up, the figures are the same as from the top down', () => {
    const down = chain(50, ['web-1', 'admin-1']);
    const up = chain(50, ['web-1', 'admin-1']);
    const topDown = Array.from({length: 50}, (_, i) => availability(down, `s${i}`));
    const bottomUp = Array.from({length: 50}, (_, i) => availability(up, `s${49 - i}`)).reverse();
    expect(bottomUp).toEqual(topDown);
  });

  it('a chain of 20,000 services: every one is served by admin-1 alone, so all are equal', () => {
    // admin-1 serves 50, each service asks for 10: s_i is OK exactly when admin-1, its router,
    // account and zone are up (the chain adds no component), whatever its depth:
    // 0.999 × 0.9995 × 0.9999 × 0.9999.
    const model = chain(20_000, ['admin-1'], () => 'demand: 10');
    const expected = 0.999 * 0.9995 * 0.9999 * 0.9999;
    // Every one of them, as check and the dashboard ask: one run per service would walk the
    // chain below each, 2·10^8 steps in all.
    for (let i = 0; i < 20_000; i++) {
      const estimate = availability(model, `s${i}`);
      if (Math.abs(estimate.ok - expected) > 1e-12 || !estimate.exact)
        expect({id: `s${i}`, ...estimate}).toEqual({id: `s${i}`, ok: expected, exact: true});
    }
    expect(availability(model, 's0').up).toBeCloseTo(expected, 12);
  });
});
