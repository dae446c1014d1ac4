import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {countByKind, snapshot} from '../../source/core/analyze.js';
import {describeCause} from '../../source/core/propagate.js';
import {whatIf} from '../../source/core/what-if.js';
import {modelWithState, some} from '../support/random-state.js';

describe('what a restore says its roots took down', () => {
  it('counts and lists, from the tallies, exactly the down components whose cause is a root', () => {
    fc.assert(
      fc.property(
        modelWithState.chain(({model, state}) => {
          const now = snapshot(model, state);
          // Roots as the screens pass them: failed ones, components down under them, anything.
          const candidates = [
            ...state.simulated,
            ...state.observed.keys(),
            ...now.down.keys(),
            ...[...model.components.keys()].slice(0, 3),
          ];
          return fc.record({
            model: fc.constant(model),
            state: fc.constant(state),
            roots: some([...new Set(candidates)], 4),
            limit: fc.nat(8),
          });
        }),
        ({model, state, roots, limit}) => {
          const now = snapshot(model, state);
          const result = whatIf(model, state, {type: 'restore', ids: roots}, {now});
          if (!result.ok) throw new Error('a restore is never refused');
          const gone = new Set(roots);
          // The reference: every component down now, in order, whose cause is one of the roots.
          const expected = [...now.down]
            .filter(([id, cause]) => gone.has(cause.root) && !gone.has(id))
            .map(([id, cause]) => ({
              id,
              kind: model.components.get(id)!.kind,
              cause: describeCause(cause),
            }));
          const list = result.whatIf.tookDown;
          expect(list.size).toBe(expected.length);
          expect(list.byKind).toEqual(countByKind(expected));
          expect(list.first(Infinity)).toEqual(expected);
          expect(list.first(limit)).toEqual(expected.slice(0, limit));
        },
      ),
      {numRuns: Number(process.env.PROPERTY_RUNS ?? 300)},
    );
  });
});
