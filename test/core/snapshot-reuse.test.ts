import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {evaluated, snapshot, snapshotAhead, type Snapshot} from '../../source/core/analyze.js';
import {withSimulated} from '../../source/core/state.js';
import {failable, modelWithState} from '../support/random-state.js';

/** Everything a snapshot says, with the order of each map (callers list them in that order). */
function shown(snap: Snapshot) {
  const ordered = (map: ReadonlyMap<string, unknown>) => [...map.entries()];
  return {
    down: ordered(snap.down),
    vm: ordered(snap.evaluation.vm),
    lb: ordered(snap.evaluation.lb),
    site: ordered(snap.evaluation.site),
    entry: ordered(snap.evaluation.entry),
    served: ordered(snap.evaluation.served),
    status: ordered(snap.status),
  };
}

describe('a snapshot of a state evaluated lately, asked for again', () => {
  it('says what an evaluation from nothing says, in the same order', () => {
    fc.assert(
      fc.property(
        modelWithState.chain(({model, state}) =>
          fc.record({
            model: fc.constant(model),
            state: fc.constant(state),
            // Already failed ones included: failing one again changes nothing.
            more: fc.subarray(failable(model), {maxLength: 3}),
          }),
        ),
        ({model, state, more}) => {
          snapshot(model, state);
          let next = state;
          for (const id of more) {
            next = withSimulated(next, [id]);
            const answer = snapshot(model, next);
            expect(answer.state).toBe(next);
            expect(shown(answer)).toEqual(shown(evaluated(model, next)));
          }
          // The same content under a new object: the same answer, carrying the new object.
          const copy = {...next, simulated: new Set(next.simulated)};
          const again = snapshot(model, copy);
          expect(again.state).toBe(copy);
          expect(shown(again)).toEqual(shown(evaluated(model, next)));
        },
      ),
      {numRuns: 300},
    );
  });

  it('is the same when it was worked out ahead, whichever state is asked for next', () => {
    fc.assert(
      fc.property(
        modelWithState.chain(({model, state}) =>
          fc.record({
            model: fc.constant(model),
            state: fc.constant(state),
            guess: fc.subarray(failable(model), {maxLength: 2}),
            asked: fc.subarray(failable(model), {maxLength: 2}),
          }),
        ),
        ({model, state, guess, asked}) => {
          snapshotAhead(model, withSimulated(state, guess));
          // The guess may be right or wrong: either way the answer is the evaluation's.
          const next = withSimulated(state, asked);
          const answer = snapshot(model, next);
          expect(answer.state).toBe(next);
          expect(shown(answer)).toEqual(shown(evaluated(model, next)));
          // A right guess is used once and then kept among the recent snapshots.
          expect(shown(snapshot(model, {...next}))).toEqual(shown(evaluated(model, next)));
        },
      ),
      {numRuns: 300},
    );
  });
});
