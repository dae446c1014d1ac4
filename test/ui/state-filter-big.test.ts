import {describe, expect, it} from 'vitest';
import {snapshot} from '../../source/core/analyze.js';
import {emptyState, type FailureState} from '../../source/core/state.js';
import {initialState} from '../../source/ui/state/init.js';
import {rowsOf, selectedNode} from '../../source/ui/state/navigation.js';
import {reduce} from '../../source/ui/state/reducer.js';
import type {DashboardState} from '../../source/ui/state/types.js';
import type {TreeNode} from '../../source/ui/tree/nodes.js';
import {treeOf} from '../../source/ui/tree/trees.js';
import type {View} from '../../source/shared/types.js';
import {bigModel} from './big-model.js';

/**
 * The rows a state filter must show, found the slow way: every node of the whole tree (every
 * leaf made), kept when its component is down or when something below it is, in tree order.
 */
function expectedRows(
  state: DashboardState,
  isDown: (id: string) => boolean,
): {keys: string[]; down: number} {
  const keys: string[] = [];
  let down = 0;
  const visit = (node: TreeNode): boolean => {
    const at = keys.length;
    keys.push(node.key);
    const itself = node.role !== 'group' && isDown(node.id);
    let kept = itself;
    for (const child of node.children) kept = visit(child) || kept;
    if (!kept) keys.length = at;
    else if (itself) down++;
    return kept;
  };
  for (const root of treeOf(state.model, state.view).roots) visit(root);
  return {keys, down};
}

describe('the state filter at 100k VMs', () => {
  const model = bigModel(100_000);
  // A router observed down (its VMs with it), a zone's LB simulated down, and one VM.
  const router = model.routers[7]!;
  const lb = model.loadBalancers[40]!;
  const vm = model.vms[99_000]!;
  const failure: FailureState = {
    ...emptyState,
    observed: new Map([[router.id, 'probe: no route']]),
    simulated: new Set([lb.id, vm.id]),
  };
  const snap = snapshot(model, failure);
  const isDown = (id: string) => snap.down.has(id) || snap.status.get(id) === 'DOWN';

  for (const view of ['zone', 'account', 'service'] as View[])
    it(`shows exactly the down rows and their ancestors, by ${view}`, () => {
      const state = reduce(initialState({model, view, failure}), {
        type: 'setStateFilter',
        filter: 'down',
      });
      const rows = rowsOf(state);
      const shown = rows.slice(0, rows.length).map((node) => node.key);
      const expected = expectedRows(state, isDown);
      expect(shown.length).toBe(expected.keys.length);
      expect(shown).toEqual(expected.keys);
      // The count in the title: the rows that are down themselves, not their ancestors.
      const matched = rows.matches.map((index) => rows.at(index)!);
      expect(matched.every((node) => isDown(node.id))).toBe(true);
      expect(matched.length).toBe(expected.down);
      // The router's VMs are all down with it: each shows in the zone view.
      if (view === 'zone') {
        expect(matched.filter((node) => node.parent?.id === router.id)).toHaveLength(
          router.vms.length,
        );
        // ] from the top goes to the first down row, [ from there wraps to the last.
        const top = reduce({...state, stateFilter: 'all'}, {type: 'first'});
        const next = reduce(top, {type: 'nextDown'});
        expect(selectedNode(next)?.key).toBe(matched[0]!.key);
        const last = reduce(next, {type: 'previousDown'});
        expect(selectedNode(last)?.key).toBe(matched.at(-1)!.key);
        expect(last.notice).toMatchObject({
          id: 'msg.downRowWrapped',
          params: {i: matched.length, n: matched.length},
        });
      }
    });
});
