import {describe, expect, it} from 'vitest';
import {snapshot} from '../../source/core/analyze.js';
import {componentsIn, conditionIn, conditionOf} from '../../source/core/condition.js';
import {emptyState} from '../../source/core/state.js';
import {readFileSync} from 'node:fs';
import {parseTopology} from '../../source/core/load.js';

describe('the condition of a component, as the state filter asks it', () => {
  const parsed = parseTopology(readFileSync('fixtures/demo.yaml', 'utf8'), 'fixtures/demo.yaml');
  if (!parsed.ok) throw new Error('the demo topology does not load');
  const model = parsed.model;
  const nominal = snapshot(model, emptyState);
  const state = snapshot(model, {...emptyState, simulated: new Set(['web-1', 'KR-M2'])});
  const unknown = new Set(['web-3']);
  const of = (id: string) => conditionOf(state, unknown, id, nominal);

  it('down, degraded, unknown or up', () => {
    expect(of('web-1')).toBe('down');
    // Down with its zone, though not failed itself.
    expect(of('db-2')).toBe('down');
    // lb-ca's members are web-1 and web-2, 250 each: 250 of its 500 left.
    expect(of('lb-ca')).toBe('degraded');
    expect(of('lb-cb')).toBe('up');
    expect(of('web-3')).toBe('unknown');
    // Down wins over unknown.
    expect(conditionOf(state, new Set(['web-1']), 'web-1', nominal)).toBe('down');
    // Without the nominal state, a load balancer is only down or up.
    expect(conditionOf(state, unknown, 'lb-ca')).toBe('up');
  });

  it('the two filters: down, and unknown or degraded', () => {
    expect(conditionIn('down', 'down')).toBe(true);
    expect(conditionIn('degraded', 'down')).toBe(false);
    expect(conditionIn('degraded', 'unsure')).toBe(true);
    expect(conditionIn('unknown', 'unsure')).toBe(true);
    expect(conditionIn('up', 'unsure')).toBe(false);
    expect(conditionIn('down', 'unsure')).toBe(false);
  });

  it('componentsIn gives the same answer as conditionOf for every component', () => {
    for (const filter of ['down', 'unsure'] as const) {
      const set = componentsIn(state, unknown, filter, nominal);
      for (const id of model.components.keys())
        expect([id, set.has(id)]).toEqual([id, conditionIn(of(id), filter)]);
    }
  });
});
