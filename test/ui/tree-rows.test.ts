import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {generateModel} from '../../bench/generate.js';
import {initialState} from '../../source/ui/state/init.js';
import {rowsOf} from '../../source/ui/state/navigation.js';
import {reduce} from '../../source/ui/state/reducer.js';
import type {DashboardAction, DashboardState} from '../../source/ui/state/types.js';
import type {Tree, TreeNode} from '../../source/ui/tree/nodes.js';
import {treeOf} from '../../source/ui/tree/trees.js';
import {allRows, flatten, matchesFilter} from '../../source/ui/tree/visible.js';
import {views} from '../../source/shared/types.js';
import {loadFixture} from './reducer-helpers.js';

/** The rows on screen the plain way: walk everything, skip what is folded or filtered out. */
function reference(tree: Tree, folded: ReadonlySet<string>, needle: string) {
  const rows: TreeNode[] = [];
  const matches: number[] = [];
  const keeps = (node: TreeNode): boolean =>
    matchesFilter(node, needle) || node.children.some(keeps);
  const walk = (node: TreeNode) => {
    if (needle !== '' && !keeps(node)) return;
    if (needle !== '' && matchesFilter(node, needle)) matches.push(rows.length);
    rows.push(node);
    if (needle === '' && folded.has(node.key)) return;
    node.children.forEach(walk);
  };
  tree.roots.forEach(walk);
  return {rows, matches};
}

describe('visible rows read by index', () => {
  const models = [loadFixture(), generateModel({vms: 300, vmsPerLb: 5})];

  it('agree with walking the whole tree, for any folds and filter', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...models),
        fc.constantFrom(...views),
        fc.array(fc.nat(), {maxLength: 6}),
        fc.constantFrom('', 'vm1', 'web', 'KR', 'z1', '-2', 'nothing'),
        (model, view, picks, filter) => {
          const tree = treeOf(model, view);
          const inner = allRows(flatten(tree, new Set(), '')).filter((n) => n.childCount > 0);
          const folded = new Set(picks.map((pick) => inner[pick % inner.length]!.key));
          const expected = reference(tree, folded, filter.toLowerCase());
          const rows = flatten(tree, folded, filter);
          expect(rows.length).toBe(expected.rows.length);
          expect(allRows(rows)).toEqual(expected.rows);
          expect(rows.matches).toEqual(expected.matches);
          expected.rows.forEach((node, index) => {
            expect(rows.at(index)).toBe(node);
            expect(rows.indexOf(node.key)).toBe(index);
          });
          const middle = Math.floor(expected.rows.length / 2);
          expect(rows.slice(middle, middle + 7)).toEqual(expected.rows.slice(middle, middle + 7));
        },
      ),
      {numRuns: 60},
    );
  });

  it('a folded row hides its subtree from indexOf', () => {
    const tree = treeOf(loadFixture(), 'zone');
    const rows = flatten(tree, new Set(['zone,KR-CA']), '');
    expect(rows.indexOf('zone,KR-CA,shop-main/KR-CA,web-1')).toBeUndefined();
    expect(rows.indexOf('zone,KR-CA')).toBe(0);
  });
});

describe('a 100k-VM tree', () => {
  const model = generateModel({vms: 100_000});

  /** Leaf rows the screen needed so far: those of every parent whose leaves were shown. */
  function onScreen(state: DashboardState, parents: Set<TreeNode>) {
    const rows = rowsOf(state).slice(state.scrollTop, state.scrollTop + state.treeRows);
    for (const row of rows) if (row.parent?.leafIds) parents.add(row.parent);
    return rows;
  }

  it('makes VM rows only for the routers on screen, however it is folded and moved', () => {
    const tree = treeOf(model, 'zone');
    const shownParents = new Set<TreeNode>();
    let state = initialState({model, treeRows: 28});
    const step = (...actions: DashboardAction[]) => {
      for (const action of actions) {
        state = reduce(state, action);
        onScreen(state, shownParents);
      }
    };
    onScreen(state, shownParents);
    expect(rowsOf(state).length).toBeGreaterThan(100_000);
    step({type: 'toggleFold'}, {type: 'pageDown'}, {type: 'last'}, {type: 'toggleFold'});
    step({type: 'first'}, {type: 'toggleFold'}, {type: 'moveDown'}, {type: 'moveDown'});
    const needed = [...shownParents].reduce((sum, parent) => sum + parent.childCount, 0);
    expect(tree.leafRowsBuilt).toBe(needed);
    expect(needed).toBeLessThan(200);
  });

  it('a filter matching every VM makes rows only for the matches on screen', () => {
    const tree = treeOf(model, 'service');
    const before = tree.leafRowsBuilt;
    const rows = flatten(tree, new Set(), 'vm');
    expect(rows.matches.length).toBeGreaterThan(90_000);
    const parents = new Set(rows.slice(0, 28).map((row) => row.parent));
    const built = [...parents].reduce((sum, parent) => sum + (parent?.childCount ?? 0), 0);
    expect(tree.leafRowsBuilt - before).toBeLessThanOrEqual(built);
  });
});
