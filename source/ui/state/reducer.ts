import {
  cancelPending,
  confirmPending,
  failoverOn,
  failoverSelected,
  failSelected,
  restoreAll,
  restoreSelected,
  tick,
  undo,
} from './failures.js';
import {chronicled} from './chronicle.js';
import {confirmHook, hookEnded, hookStarted, offerHook, skipHook} from './hooks.js';
import {liveModel, liveObserved, liveSource, sourcesAt} from './live.js';
import {
  foldSelected,
  jumpTo,
  moveBy,
  placeCursor,
  rowsOf,
  settle,
  switchView,
} from './navigation.js';
import {
  applyFilter,
  cancelFilter,
  closeOverlay,
  editFilter,
  jumpToListItem,
  listLength,
  listMoveTo,
  focusNext,
  scrollHelp,
  nextMatch,
  previousMatch,
  scrollPanel,
  togglePanel,
} from './panels.js';
import {followState, jumpToCondition, setStateFilter} from './state-filter.js';
import {closeDetail, openDetail} from './detail.js';
import type {DashboardAction, DashboardState} from './types.js';

/** The dashboard's state by intent: every key and live event is one of these actions. */
export function reduce(state: DashboardState, action: DashboardAction): DashboardState {
  // A whole state put in place (the demo's replay) carries its own story.
  const next =
    action.type === 'load'
      ? action.state
      : chronicled(
          state,
          heard(state, followState(state, step(state, action)), action),
          timeOf(state, action),
        );
  // Another subject in the impact panel starts at its top.
  if (next.panelTop !== 0 && (next.selected !== state.selected || next.panel !== state.panel))
    return {...next, panelTop: 0};
  return next;
}

function step(state: DashboardState, action: DashboardAction): DashboardState {
  switch (action.type) {
    case 'moveUp':
      return moveBy(quiet(state), -1);
    case 'moveDown':
      return moveBy(quiet(state), 1);
    case 'pageUp':
      return moveBy(quiet(state), -Math.max(1, state.treeRows - 1));
    case 'pageDown':
      return moveBy(quiet(state), Math.max(1, state.treeRows - 1));
    case 'first':
      return placeCursor(quiet(state), 0);
    case 'last':
      return placeCursor(quiet(state), rowsOf(state).length - 1);
    case 'fold':
      return foldSelected(quiet(state), 'fold');
    case 'unfold':
      return foldSelected(quiet(state), 'unfold');
    case 'toggleFold':
      return foldSelected(quiet(state), 'toggle');
    case 'select':
      return jumpTo(state, action.id);
    case 'failSelected':
      return failSelected(state, action.at);
    case 'restoreSelected':
      return restoreSelected(state, action.at);
    case 'restoreAll':
      return restoreAll(state, action.at);
    case 'undo':
      return undo(state, action.at);
    case 'failover':
      return offerHook(state, failoverSelected(state, action.at));
    case 'failoverOn':
      return offerHook(state, failoverOn(state, action.id, action.at));
    case 'confirmPending':
      return offerHook(state, confirmPending(state, action.at));
    case 'cancelPending':
      return cancelPending(state);
    case 'tick':
      return sourcesAt(tick(state, action.at), action.at);
    case 'togglePlan':
      return togglePanel(state, 'plan');
    case 'switchView':
      return switchView(quiet(state), action.view);
    case 'startFilter':
      return {...state, help: false, filter: {text: state.filter.text, editing: true}};
    case 'editFilter':
      return editFilter(state, action.text);
    case 'applyFilter':
      return applyFilter(state);
    case 'cancelFilter':
      return cancelFilter(state);
    case 'nextMatch':
      return nextMatch(state, 1);
    case 'previousMatch':
      return previousMatch(state);
    case 'focusNext':
    case 'focusPrevious':
      // Two panels: the next one and the previous one are the same.
      return focusNext(quiet(state));
    case 'setStateFilter':
      return setStateFilter(quiet(state), action.filter);
    case 'nextDown':
      return jumpToCondition(state, 1);
    case 'previousDown':
      return jumpToCondition(state, -1);
    case 'openDetail':
      return openDetail(state, listLength(state));
    case 'closeDetail':
      return closeDetail(state);
    case 'scrollPanel':
      return scrollPanel(quiet(state), action.length ?? 0, (top) => top + action.by);
    case 'scrollPanelTo':
      return scrollPanel(quiet(state), action.length ?? 0, (top, room) =>
        action.to === 'first' ? 0 : room,
      );
    case 'toggleSources':
      return togglePanel(state, 'sources');
    case 'toggleSweep':
      return togglePanel(state, 'sweep');
    case 'toggleAvailability':
      return togglePanel(state, 'availability');
    case 'toggleDiff':
      return state.compare
        ? togglePanel(state, 'diff')
        : {...state, notice: {id: 'reason.noCompare', tone: 'warn'}};
    case 'toggleHelp':
      // What was said while the help was open was about the help: it goes with it.
      return state.help ? {...quiet(state), help: false} : {...state, help: true, helpTop: 0};
    case 'scrollHelp':
      return scrollHelp(quiet(state), action.by);
    case 'closeOverlay':
      return closeOverlay(state);
    case 'listMove':
      return listMoveTo(state, state.list.index + action.by);
    case 'listEdge':
      return listMoveTo(state, action.to === 'first' ? 0 : listLength(state) - 1);
    case 'jumpToListItem':
      return jumpToListItem(state, action.at ?? state.tickedAt);
    case 'resize':
      return settle(
        listMoveTo(
          {...state, treeRows: action.treeRows, listRows: action.listRows},
          state.list.index,
        ),
      );
    case 'liveModel':
      return liveModel(state, action.model);
    case 'liveObserved':
      return liveObserved(state, action.observed, action.at ?? state.tickedAt);
    case 'toggleEvents':
      return togglePanel(state, 'events');
    case 'toggleHooks':
      return togglePanel(state, 'hooks');
    case 'toggleCause':
      return togglePanel(state, 'cause');
    case 'toggleTimeline':
      return togglePanel(state, 'timeline');
    case 'confirmHook':
      return confirmHook(state);
    case 'skipHook':
      return skipHook(state);
    case 'hookStarted':
      return hookStarted(state, action.hook, action.at);
    case 'hookEnded':
      return hookEnded(state, action.hook, action.outcome);
    case 'liveSource':
      return liveSource(state, action.update, action.at ?? action.update.at);
    case 'liveError':
      return {
        ...state,
        notice: {id: 'msg.liveError', tone: 'error', params: {message: action.message}},
      };
    case 'notice':
      return {...state, notice: action.notice};
    case 'load':
      return action.state;
  }
}

/** What is not a key: live news, the clock, hooks ending, the screen's own reports. */
const unasked = new Set<DashboardAction['type']>([
  'tick',
  'resize',
  'liveModel',
  'liveObserved',
  'liveError',
  'liveSource',
  'hookStarted',
  'hookEnded',
  'notice',
  'load',
]);

/** An announced change of health stays on the message line until the next change or a key. */
function heard(before: DashboardState, next: DashboardState, action: DashboardAction) {
  if (!before.notice?.announcement || next.notice !== before.notice || unasked.has(action.type))
    return next;
  return {...next, notice: undefined};
}

function timeOf(state: DashboardState, action: DashboardAction): number {
  if ('at' in action && action.at !== undefined) return action.at;
  if (action.type === 'liveSource') return action.update.at;
  return Math.max(state.tickedAt, state.timeline.points.at(-1)?.at ?? 0);
}

/** Moving around clears the last message, so what is on screen is about what is selected. */
function quiet(state: DashboardState): DashboardState {
  return state.notice === undefined ? state : {...state, notice: undefined};
}
