import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {snapshot} from '../../source/core/analyze.js';
import {windowsOf, type OpenWindow} from '../../source/core/countdown.js';
import type {Model} from '../../source/core/model.js';
import {eventKeys, withoutEvent, type FailureState} from '../../source/core/state.js';
import {failoverWindows} from '../../source/core/timing.js';
import {modelWithState} from '../support/random-state.js';

/** windowsOf the plain way: a snapshot without each event, every event, no shortcut. */
function reference(model: Model, state: FailureState): OpenWindow[] {
  const since = state.since!;
  const events = eventKeys(state)
    .filter((key) => since.has(key))
    .sort((a, b) => since.get(b)! - since.get(a)!);
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

describe('failover windows of a state', () => {
  it('are those of a snapshot without each event, though failures leaving every target healthy are skipped', () => {
    fc.assert(
      fc.property(
        modelWithState.chain(({model, state}) =>
          fc
            .array(fc.nat({max: 100_000}), {
              minLength: eventKeys(state).length,
              maxLength: eventKeys(state).length,
            })
            .map((times) => ({
              model,
              state: {
                ...state,
                since: new Map(eventKeys(state).map((key, index) => [key, times[index]!])),
              },
            })),
        ),
        ({model, state}) => {
          expect(windowsOf(model, state)).toEqual(reference(model, state));
        },
      ),
      {numRuns: 300},
    );
  });
});
