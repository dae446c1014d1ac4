import type {ConditionFilter} from '../../core/condition.js';
import type {TreeNode} from '../tree/nodes.js';
import {treeOf} from '../tree/trees.js';
import {visibleRows} from '../tree/visible.js';
import {cursorOf, reveal, rowsOf, selectedNode, settle, stateMatchOf} from './navigation.js';
import type {DashboardState, Notice, StateFilter} from './types.js';

const cycle: readonly StateFilter[] = ['all', 'down', 'unsure'];

/**
 * `f` (and the `:down` command): show every row, or only what is down, or only what is unknown
 * or degraded, with their ancestors. The selection stays when it is still shown, else the
 * nearest row is taken; folds are kept for when the filter goes.
 */
export function setStateFilter(state: DashboardState, filter?: StateFilter): DashboardState {
  const target = filter ?? cycle[(cycle.indexOf(state.stateFilter) + 1) % cycle.length]!;
  const next = settle({...state, stateFilter: target}, cursorOf(state));
  if (target === 'all') return {...next, notice: undefined};
  const count = rowsOf(next).matches.length;
  const down = target === 'down';
  const id: Notice['id'] =
    count > 0
      ? down
        ? 'msg.filterDown'
        : 'msg.filterUnsure'
      : down
        ? 'msg.noneDown'
        : 'msg.noneUnsure';
  return {...next, notice: {id, tone: count > 0 ? 'info' : 'warn', params: {n: count}}};
}

/** Position of each ancestor from the root: rows compare in tree order by these. */
function pathOf(node: TreeNode): number[] {
  const path: number[] = [];
  for (let at: TreeNode | undefined = node; at; at = at.parent) path.push(at.index);
  return path.reverse();
}

function treeOrder(a: TreeNode, b: TreeNode): number {
  const pa = pathOf(a);
  const pb = pathOf(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++)
    if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
  return pa.length - pb.length;
}

/**
 * `]` and `[`: the next or previous row of the current view whose component is down (or unknown
 * or degraded, under that filter), in tree order from the selection, wrapping, and saying so.
 * The row is unfolded into view; the text filter, when on, still applies.
 */
export function jumpToCondition(state: DashboardState, direction: 1 | -1): DashboardState {
  const kind: ConditionFilter = state.stateFilter === 'all' ? 'down' : state.stateFilter;
  const tree = treeOf(state.model, state.view);
  const rows = visibleRows(tree, state.folded, state.filter.text, stateMatchOf(state, kind));
  const {matches} = rows;
  if (matches.length === 0) {
    const id: Notice['id'] = kind === 'down' ? 'msg.noneDown' : 'msg.noneUnsure';
    return {...state, notice: {id, tone: 'warn', params: {n: 0}}};
  }
  const current = selectedNode(state);
  // How many matching rows come before the selection, and whether it is one of them.
  let before = 0;
  let on = false;
  if (current) {
    let low = 0;
    let high = matches.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (treeOrder(rows.at(matches[middle]!)!, current) < 0) low = middle + 1;
      else high = middle;
    }
    before = low;
    on = low < matches.length && rows.at(matches[low]!)!.key === current.key;
  }
  let at = direction === 1 ? (on ? before + 1 : before) : before - 1;
  const wrapped = at < 0 || at >= matches.length;
  at = (at + matches.length) % matches.length;
  const moved = reveal(state, rows.at(matches[at]!)!);
  const ids = {
    down: ['msg.downRow', 'msg.downRowWrapped'],
    unsure: ['msg.unsureRow', 'msg.unsureRowWrapped'],
  } as const;
  const id = ids[kind][wrapped ? 1 : 0];
  return {...moved, notice: {id, tone: 'info', params: {i: at + 1, n: matches.length}}};
}

/**
 * Under a state filter the rows follow the state: after a live update or a simulated action the
 * selection stays on its row while that row is shown, else on the row at its place.
 */
export function followState(before: DashboardState, after: DashboardState): DashboardState {
  if (after.stateFilter === 'all') return after;
  if (after.failure === before.failure && after.sources.unknown === before.sources.unknown)
    return after;
  const next = settle(after, cursorOf(before));
  // "Nothing is down" said before something went down is no longer true: it goes.
  const stale = next.notice?.id === 'msg.noneDown' || next.notice?.id === 'msg.noneUnsure';
  return stale && rowsOf(next).matches.length > 0 ? {...next, notice: undefined} : next;
}
