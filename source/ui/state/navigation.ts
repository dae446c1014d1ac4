import type {ConditionFilter} from '../../core/condition.js';
import {analyze, nominalOf} from '../analysis/analysis.js';
import type {TreeNode} from '../tree/nodes.js';
import {stateMatch} from '../tree/state-match.js';
import {treeOf} from '../tree/trees.js';
import {visibleRows, type StateMatch, type VisibleRows} from '../tree/visible.js';
import {views, type View} from '../../shared/types.js';
import type {DashboardState} from './types.js';

/** Which components are down (or unknown and degraded) now, as the core evaluates the state. */
export function stateMatchOf(state: DashboardState, filter: ConditionFilter): StateMatch {
  const {snapshot} = analyze(state.model, state.failure, state.includeGslb);
  return stateMatch(snapshot, state.sources.unknown, filter, nominalOf(state.model));
}

export function rowsOf(state: DashboardState): VisibleRows {
  const match = state.stateFilter === 'all' ? undefined : stateMatchOf(state, state.stateFilter);
  return visibleRows(treeOf(state.model, state.view), state.folded, state.filter.text, match);
}

export function cursorOf(state: DashboardState): number {
  return state.selected === undefined ? 0 : (rowsOf(state).indexOf(state.selected) ?? 0);
}

export function selectedNode(state: DashboardState): TreeNode | undefined {
  const rows = rowsOf(state);
  const index = state.selected === undefined ? undefined : rows.indexOf(state.selected);
  return rows.at(index ?? 0);
}

/** The smallest scroll that shows row `index` in a viewport of `height` rows. */
export function scrollFor(top: number, index: number, height: number, length: number): number {
  let next = top;
  if (index < next) next = index;
  if (index >= next + height) next = index - height + 1;
  return Math.max(0, Math.min(next, Math.max(0, length - height)));
}

export function placeCursor(state: DashboardState, index: number): DashboardState {
  const rows = rowsOf(state);
  if (rows.length === 0) return {...state, selected: undefined, scrollTop: 0};
  const at = Math.max(0, Math.min(index, rows.length - 1));
  return {
    ...state,
    selected: rows.at(at)!.key,
    scrollTop: scrollFor(state.scrollTop, at, state.treeRows, rows.length),
  };
}

/** Keeps the selection on screen after the rows changed (fold, filter, reload, resize). */
export function settle(state: DashboardState, fallbackIndex = cursorOf(state)): DashboardState {
  const rows = rowsOf(state);
  const index = state.selected === undefined ? undefined : rows.indexOf(state.selected);
  return placeCursor(state, index ?? fallbackIndex);
}

export function moveBy(state: DashboardState, delta: number): DashboardState {
  return placeCursor(state, cursorOf(state) + delta);
}

export function foldSelected(state: DashboardState, want: 'fold' | 'unfold' | 'toggle') {
  const node = selectedNode(state);
  if (!node) return state;
  const folded = state.folded.has(node.key);
  if (node.childCount === 0 || (want === 'fold' && folded)) {
    if (want !== 'fold' || !node.parent) return state;
    return placeCursor(state, rowsOf(state).indexOf(node.parent.key) ?? cursorOf(state));
  }
  if (want === 'unfold' && !folded) return moveBy(state, 1);
  const next = new Set(state.folded);
  if (folded) next.delete(node.key);
  else next.add(node.key);
  return settle({...state, folded: next});
}

/** Unfolds the ancestors of `node` so it is on screen, then selects it. */
export function reveal(state: DashboardState, node: TreeNode): DashboardState {
  let folded: Set<string> | undefined;
  for (let up = node.parent; up; up = up.parent) {
    if (!state.folded.has(up.key)) continue;
    folded ??= new Set(state.folded);
    folded.delete(up.key);
  }
  const next = {...state, folded: folded ?? state.folded, selected: node.key};
  return settle(next);
}

/** The first row showing component `id` in `view`, if the view has it. */
export function rowFor(state: DashboardState, view: View, id: string): TreeNode | undefined {
  return treeOf(state.model, view)
    .nodesOf(id)
    .find((node) => node.role !== 'dependency');
}

export function switchView(state: DashboardState, view?: View): DashboardState {
  const target = view ?? views[(views.indexOf(state.view) + 1) % views.length]!;
  const current = selectedNode(state);
  const remembered = {...state.lastSelected, [state.view]: state.selected};
  const base: DashboardState = {...state, view: target, lastSelected: remembered, scrollTop: 0};
  const same = current ? rowFor(base, target, current.id) : undefined;
  if (same && rowsOf(base).indexOf(same.key) !== undefined) return reveal(base, same);
  if (same && state.filter.text === '' && state.stateFilter === 'all') return reveal(base, same);
  return settle({...base, selected: remembered[target]}, 0);
}

/**
 * Selects component `id` wherever it shows, switching view and clearing the text filter, and
 * the state filter when it hides the component.
 */
export function jumpTo(state: DashboardState, id: string): DashboardState {
  const order = [state.view, ...views.filter((v) => v !== state.view)];
  for (const view of order) {
    const node = rowFor(state, view, id);
    if (!node) continue;
    const base = {...state, view, filter: {text: '', editing: false}};
    const shown = reveal(view === state.view ? base : {...base, scrollTop: 0}, node);
    if (rowsOf(shown).indexOf(node.key) !== undefined) return shown;
    return reveal({...shown, stateFilter: 'all'}, node);
  }
  return state;
}
