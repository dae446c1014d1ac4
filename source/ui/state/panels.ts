import {printable} from '../../core/printable.js';
import {helpScopes, keyContext} from '../keys/key-actions.js';
import {helpEntries} from '../keymap.js';
import {analyze} from '../analysis/analysis.js';
import {causeOf} from '../analysis/cause.js';
import {diffOf} from '../analysis/diff-items.js';
import {planOf} from '../analysis/plan.js';
import {sweepItems} from '../analysis/sweep-items.js';
import {cancelPending, failoverOn} from './failures.js';
import {cursorOf, jumpTo, placeCursor, rowsOf, scrollFor, settle} from './navigation.js';
import {closeDetail, openDetail} from './detail.js';
import type {DashboardState, Panel} from './types.js';

/** Opening a list panel gives it the keys; closing it gives them back to the tree. */
export function togglePanel(state: DashboardState, panel: Panel): DashboardState {
  const next: Panel = state.panel === panel ? 'impact' : panel;
  const focus = next === 'impact' ? 'tree' : 'panel';
  return {...state, panel: next, focus, help: false, list: {index: 0, top: 0}, detail: false};
}

/** Tab: the keys go to the other side; the right panel's border shows it has them. */
export function focusNext(state: DashboardState): DashboardState {
  return {...state, focus: state.focus === 'tree' ? 'panel' : 'tree', help: false};
}

/**
 * The impact panel (or the entry read whole) scrolls inside its `length` lines as drawn: it
 * can pass all but the last screenful. A panel that got shorter since is drawn from where it
 * now ends, so the move starts there.
 */
export function scrollPanel(
  state: DashboardState,
  length: number,
  to: (top: number, room: number) => number,
): DashboardState {
  const room = Math.max(0, length - state.treeRows);
  const panelTop = Math.max(0, Math.min(to(Math.min(state.panelTop, room), room), room));
  return panelTop === state.panelTop ? state : {...state, panelTop};
}

/** The help moves by whole entries, from the first to the last (which may then stand alone). */
export function scrollHelp(state: DashboardState, by: number): DashboardState {
  const total = helpEntries(helpScopes(state), keyContext(state), 'en', false).length;
  const helpTop = Math.max(0, Math.min(state.helpTop + by, total - 1));
  return helpTop === state.helpTop ? state : {...state, helpTop};
}

export function listLength(state: DashboardState): number {
  if (state.panel === 'sweep')
    return sweepItems(analyze(state.model, state.failure, state.includeGslb)).length;
  if (state.panel === 'availability') return state.model.services.length;
  if (state.panel === 'events') return state.sources.history.length;
  if (state.panel === 'sources') return state.sources.sources.size;
  if (state.panel === 'hooks') return state.hooks.runs.length;
  if (state.panel === 'timeline') return state.model.services.length;
  if (state.panel === 'plan') return planOf(state).length;
  if (state.panel === 'diff') return diffOf(state)?.findings.length ?? 0;
  if (state.panel === 'cause') return causeOf(state).items.length;
  return 0;
}

export function listMoveTo(state: DashboardState, index: number): DashboardState {
  const length = listLength(state);
  if (length === 0) return state;
  const at = Math.max(0, Math.min(index, length - 1));
  return {...state, list: {index: at, top: scrollFor(state.list.top, at, state.listRows, length)}};
}

/** Enter on a sweep, diff or event line: show that component in the tree, with its impact. */
export function jumpToListItem(state: DashboardState, at: number): DashboardState {
  if (state.panel === 'events') return jumpToEvent(state);
  // A hook run names no component of the tree: Enter reads it whole.
  if (state.panel === 'hooks') return state.detail ? state : openDetail(state, listLength(state));
  if (state.panel === 'plan') {
    const entry = planOf(state)[state.list.index];
    return entry ? failoverOn(state, entry.id, at) : state;
  }
  if (state.panel === 'diff') return jumpToFinding(state);
  if (state.panel === 'cause') {
    // A set of failures shows its widest one, which the tree then opens to.
    const first = causeOf(state).items[state.list.index]?.failed[0];
    return first ? {...jumpTo(state, first), panel: 'impact', focus: 'tree'} : state;
  }
  if (state.panel !== 'sweep') return state;
  const item = sweepItems(analyze(state.model, state.failure, state.includeGslb))[state.list.index];
  if (!item) return state;
  return {...jumpTo(state, item.id), panel: 'impact', focus: 'tree', detail: false};
}

/** The event's component, selected in the tree, which takes the keys; the events list stays open. */
function jumpToEvent(state: DashboardState): DashboardState {
  const entry = state.sources.history[state.list.index];
  if (!entry) return state;
  const shown = jumpTo(state, entry.id);
  if (shown === state)
    return {
      ...state,
      notice: {id: 'msg.notInTree', tone: 'warn', params: {id: printable(entry.id)}},
    };
  return {...shown, focus: 'tree', detail: false};
}

/** A finding names a component of NEW, or one only OLD had: that one cannot be shown. */
function jumpToFinding(state: DashboardState): DashboardState {
  const finding = diffOf(state)?.findings[state.list.index];
  if (!finding) return state;
  if (!state.model.components.has(finding.component))
    return {...state, notice: {id: 'msg.onlyInOld', tone: 'warn', params: {id: finding.component}}};
  return {...jumpTo(state, finding.component), panel: 'impact', detail: false};
}

export function closeOverlay(state: DashboardState): DashboardState {
  if (state.pending) return cancelPending(state);
  // What was said while the help was open was about the help: it goes with it.
  if (state.help) return {...state, help: false, notice: undefined};
  if (state.detail && state.focus === 'panel') return closeDetail(state);
  if (state.panel !== 'impact') return {...state, panel: 'impact', focus: 'tree', detail: false};
  if (state.focus === 'panel') return {...state, focus: 'tree'};
  if (state.filter.text !== '') return cancelFilter(state);
  return {...state, notice: undefined};
}

export function editFilter(state: DashboardState, text: string): DashboardState {
  const next = {...state, filter: {text, editing: true}};
  const rows = rowsOf(next);
  const at = state.selected === undefined ? undefined : rows.indexOf(state.selected);
  // Stay on the selection while it matches; otherwise show the first match as it is typed.
  if (at !== undefined && (rows.matches.includes(at) || rows.matches.length === 0))
    return settle(next);
  return placeCursor(next, rows.matches[0] ?? 0);
}

export function applyFilter(state: DashboardState): DashboardState {
  const next = {...state, filter: {text: state.filter.text.trim(), editing: false}};
  if (next.filter.text === '') return cancelFilter(next);
  const {matches} = rowsOf(next);
  if (matches.length === 0)
    return {
      ...cancelFilter(next),
      notice: {id: 'msg.noMatch', tone: 'warn', params: {text: next.filter.text}},
    };
  return settle(next, matches[0]);
}

/** The filter goes, and with it the "match 1 of 4" it was counting. */
export function cancelFilter(state: DashboardState): DashboardState {
  const notice = state.notice?.id === 'msg.match' ? undefined : state.notice;
  return settle({...state, notice, filter: {text: '', editing: false}});
}

/** n and N: the next or previous row that matches the filter, wrapping around. */
export function nextMatch(state: DashboardState, direction: 1 | -1 = 1): DashboardState {
  const {matches} = rowsOf(state);
  if (state.filter.text === '') return {...state, notice: {id: 'msg.noFilter', tone: 'warn'}};
  if (matches.length === 0)
    return {...state, notice: {id: 'msg.noMatch', tone: 'warn', params: {text: state.filter.text}}};
  const cursor = cursorOf(state);
  let at: number;
  if (direction === 1) {
    const position = matches.findIndex((index) => index > cursor);
    at = position === -1 ? 0 : position;
  } else {
    const position = matches.filter((index) => index < cursor).length - 1;
    at = position === -1 ? matches.length - 1 : position;
  }
  const moved = placeCursor(state, matches[at]!);
  const params = {i: at + 1, n: matches.length, text: state.filter.text};
  return {...moved, notice: {id: 'msg.match', tone: 'info', params}};
}

export function previousMatch(state: DashboardState): DashboardState {
  return nextMatch(state, -1);
}
