import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {snapshot} from '../../source/core/analyze.js';
import {windowsOf, type OpenWindow} from '../../source/core/countdown.js';
import type {Model} from '../../source/core/model.js';
import {eventKeys, withoutEvent, type FailureState} from '../../source/core/state.js';
import {failoverWindows} from '../../source/core/timing.js';
import {failable, modelWithState, some} from '../support/random-state.js';

/** windowsOf the plain way: a snapshot without each event, every event, no shortcut. */
function reference(model: Model, state: FailureState): OpenWindow[] {
  const since = state.since!;
  const events = eventKeys(state).sort((a, b) => since.get(b)! - since.get(a)!);
  const now = snapshot(model, state);
  const settled = new Set<string>();
  const windows: OpenWindow[] = [];
  for (const key of events) {
    const before = snapshot(model, withoutEvent(state, key));
    for (const window of failoverWindows(model, before, now, key.startsWith('forced:'))) {
      const slot = `${window.gslb}\u0000${window.service}`;
      if (settled.has(slot)) continue;
      settled.add(slot);
      const startedAt = since.get(key)!;
      windows.push({...window, startedAt, endsAt: startedAt + window.totalS * 1000, cause: key});
    }
  }
  return windows;
}

describe('failover windows when failures are observed and simulated at once', () => {
  it('are those of a snapshot without each event, a component failed both ways included', () => {
    fc.assert(
      fc.property(
        modelWithState.chain(({model, state}) =>
          fc.record({
            model: fc.constant(model),
            state: fc.constant(state),
            // More observed failures, some of them simulated too, and a fresh time for each.
            observed: some(failable(model), 4),
            twice: fc.boolean(),
            seed: fc.nat({max: 1000}),
          }),
        ),
        ({model, state, observed, twice, seed}) => {
          const all: FailureState = {
            ...state,
            observed: new Map([...state.observed, ...observed.map((id) => [id, 'probe'] as const)]),
            simulated: new Set([...state.simulated, ...(twice ? observed.slice(0, 2) : [])]),
          };
          const since = new Map(eventKeys(all).map((key, index) => [key, (seed + index * 7) % 97]));
          const timed = {...all, since};
          expect(windowsOf(model, timed)).toEqual(reference(model, timed));
        },
      ),
      {numRuns: 300},
    );
  });
});
