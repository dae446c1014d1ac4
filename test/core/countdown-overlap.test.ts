import fc from 'fast-check';
import {windowsReference} from '../support/windows-reference.js';
import {describe, expect, it} from 'vitest';
import {windowsOf} from '../../source/core/countdown.js';
import {eventKeys, type FailureState} from '../../source/core/state.js';
import {failable, modelWithState, some} from '../support/random-state.js';

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
          expect(windowsOf(model, timed)).toEqual(windowsReference(model, timed));
        },
      ),
      {numRuns: 300},
    );
  });
});
