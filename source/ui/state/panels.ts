import {analyze} from '../analysis/analysis.js';
import {diffOf} from '../analysis/diff-items.js';
import {planOf} from '../analysis/plan.js';
import {sweepItems} from '../analysis/sweep-items.js';
import {cancelPending, failoverOn} from './failures.js';
import {cursorOf, jumpTo, placeCursor, rowsOf, scrollFor, settle} from './navigation.js';
import type {DashboardState, Panel} from './types.js';

export function togglePanel(state: DashboardState, panel: Panel): DashboardState {
  const next: Panel = state.panel === panel ? 'impact' : panel;
  return {...state, panel: next, help: false, list: {index: 0, top: 0}};
}

export function listLength(state: DashboardState): number {
  if (state.panel === 'sweep')
    return sweepItems(analyze(state.model, state.failure, state.includeGslb)).length;
  if (state.panel === 'availability') return state.model.services.length;
  if (state.panel === 'plan') return planOf(state).length;
  if (state.panel === 'diff') return diffOf(state)?.findings.length ?? 0;
  return 0;
}

export function listMoveTo(state: DashboardState, index: number): DashboardState {
  const length = listLength(state);
  if (length === 0) return state;
  const at = Math.max(0, Math.min(index, length - 1));
  return {...state, list: {index: at, top: scrollFor(state.list.top, at, state.listRows, length)}};
}

/** Enter on a sweep or diff line: show that component in the tree, with its impact. */
export function jumpToListItem(state: DashboardState, at: number): DashboardState {
  if (state.panel === 'plan') {
    const entry = planOf(state)[state.list.index];
    return entry ? failoverOn(state, entry.id, at) : state;
  }
  if (state.panel === 'diff') return jumpToFinding(state);
  if (state.panel !== 'sweep') return state;
  const item = sweepItems(analyze(state.model, state.failure, state.includeGslb))[state.list.index];
  if (!item) return state;
  return {...jumpTo(state, item.id), panel: 'impact'};
}

/** A finding names a component of NEW, or one only OLD had: that one cannot be shown. */
function jumpToFinding(state: DashboardState): DashboardState {
  const finding = diffOf(state)?.findings[state.list.index];
  if (!finding) return state;
  if (!state.model.components.has(finding.component))
    return {...state, notice: {id: 'msg.onlyInOld', tone: 'warn', params: {id: finding.component}}};
  return {...jumpTo(state, finding.component), panel: 'impact'};
}

export function closeOverlay(state: DashboardState): DashboardState {
  if (state.pending) return cancelPending(state);
  if (state.help) return {...state, help: false};
  if (state.panel !== 'impact') return {...state, panel: 'impact'};
  if (state.filter.text !== '') return cancelFilter(state);
  return {...state, notice: undefined};
}

export function editFilter(state: DashboardState, text: string): DashboardState {
  const next = {...state, filter: {text, editing: true}};
  const rows = rowsOf(next);
  const at = state.selected === undefined ? undefined : rows.indexOf.get(state.selected);
  // Stay on the selection while it matches; otherwise show the first match as it is typed.
  if (at !== undefined && (rows.matches.includes(at) || rows.matches.length === 0))
    return settle(next);
  return placeCursor(next, rows.matches[0] ?? 0);
}

export function applyFilter(state: DashboardState): DashboardState {
  const next = {...state, filter: {text: state.filter.text.trim(), editing: false}};
  if (next.filter.text === '') return settle(next);
  const {matches} = rowsOf(next);
  if (matches.length === 0)
    return {
      ...cancelFilter(next),
      notice: {id: 'msg.noMatch', tone: 'warn', params: {text: next.filter.text}},
    };
  return settle(next, matches[0]);
}

export function cancelFilter(state: DashboardState): DashboardState {
  return settle({...state, filter: {text: '', editing: false}});
}

export function nextMatch(state: DashboardState): DashboardState {
  const {matches} = rowsOf(state);
  if (state.filter.text === '' || matches.length === 0)
    return {...state, notice: {id: 'msg.noMatch', tone: 'warn', params: {text: state.filter.text}}};
  const cursor = cursorOf(state);
  const position = matches.findIndex((index) => index > cursor);
  const at = position === -1 ? 0 : position;
  const moved = placeCursor(state, matches[at]!);
  const params = {i: at + 1, n: matches.length, text: state.filter.text};
  return {...moved, notice: {id: 'msg.match', tone: 'info', params}};
}
