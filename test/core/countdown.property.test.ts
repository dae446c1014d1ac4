import fc from 'fast-check';
import {windowsReference} from '../support/windows-reference.js';
import {describe, expect, it} from 'vitest';
import {windowsOf} from '../../source/core/countdown.js';
import {eventKeys} from '../../source/core/state.js';
import {modelWithState} from '../support/random-state.js';

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
          expect(windowsOf(model, state)).toEqual(windowsReference(model, state));
        },
      ),
      {numRuns: 300},
    );
  });
});
