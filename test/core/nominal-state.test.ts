import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {snapshot} from '../../source/core/analyze.js';
import {
  emptyState,
  eventKeys,
  nothingHappened,
  withoutEvent,
  type FailureState,
} from '../../source/core/state.js';
import {analyze, nominalOf} from '../../source/ui/analysis/analysis.js';
import {modelWithState} from '../support/random-state.js';

describe('a state where nothing has happened', () => {
  it('is what is left once every event of any state is undone, and its snapshot is the nominal one', () => {
    fc.assert(
      fc.property(modelWithState, fc.integer({min: 0, max: 1e12}), ({model, state}, at) => {
        let undone: FailureState = {
          ...state,
          since: new Map(eventKeys(state).map((key) => [key, at])),
        };
        expect(nothingHappened(undone)).toBe(eventKeys(state).length === 0);
        for (const key of eventKeys(state)) undone = withoutEvent(undone, key);
        expect(nothingHappened(undone)).toBe(true);
        // The same snapshot but for the state it carries, which is as empty (`since` aside).
        const {state: carried, ...answer} = snapshot(model, undone);
        const {state: _nominalState, ...nominal} = snapshot(model, emptyState);
        expect(answer).toEqual(nominal);
        expect(nothingHappened(carried)).toBe(true);
      }),
      {numRuns: Number(process.env.PROPERTY_RUNS ?? 200)},
    );
  });

  it('is analysed with the nominal snapshot itself, not a copy', () => {
    fc.assert(
      fc.property(modelWithState, ({model, state}) => {
        const back = {...emptyState, observed: new Map(), since: new Map()};
        expect(analyze(model, back).snapshot).toBe(nominalOf(model));
        if (!nothingHappened(state))
          expect(analyze(model, state).snapshot).not.toBe(nominalOf(model));
      }),
      {numRuns: 50},
    );
  });
});
