import type {Key} from 'ink';
import type {KeyAction, KeyContext, Scope} from '../keymap.js';
import type {DashboardAction, DashboardState} from '../state/types.js';

export function keyContext(state: DashboardState): KeyContext {
  const {simulated, promoted, forced} = state.failure;
  return {
    readOnly: state.readOnly,
    demo: state.demo,
    demoPaused: state.story?.paused ?? false,
    canUndo: state.undo.length > 0,
    hasSimulated: simulated.size + promoted.size + forced.size > 0,
    filterActive: state.filter.text !== '',
    hasFailure: simulated.size + state.failure.observed.size > 0,
    observedDown: state.failure.observed.size > 0,
    planOpen: state.panel === 'plan',
    hasCompare: state.compare !== undefined,
  };
}

/** Which part of the screen has the keys: help, the focused right panel, or the tree. */
export function scopesOf(state: DashboardState): Scope[] {
  const demo: Scope[] = state.demo ? ['demo'] : [];
  if (state.hooks.pending) return ['hook'];
  if (state.pending) return ['confirm'];
  if (state.help) return ['help'];
  if (state.focus === 'panel')
    return [...demo, state.panel === 'impact' ? 'panel' : state.detail ? 'detail' : 'list'];
  return [...demo, 'tree'];
}

/** The keys the help lists: the tree's and the lists', and the demo's in the demo. */
export function helpScopes(state: DashboardState): Scope[] {
  return state.demo ? ['demo', 'tree', 'list'] : ['tree', 'list'];
}

/** The reducer action for a key action; undefined for those the screen handles itself. */
export function dashboardAction(
  action: KeyAction,
  state: DashboardState,
  at: number,
): DashboardAction | undefined {
  // The impact panel scrolls its lines; the sweep and availability lists move a cursor.
  const scrolls = state.panel === 'impact' || state.detail;
  // The help moves by entries, some two lines long: a page is half its rows.
  const page = state.help
    ? Math.max(1, Math.floor(state.treeRows / 2))
    : Math.max(1, (scrolls ? state.treeRows : state.listRows) - 1);
  const by = (lines: number): DashboardAction =>
    state.help
      ? {type: 'scrollHelp', by: lines}
      : scrolls
        ? {type: 'scrollPanel', by: lines}
        : {type: 'listMove', by: lines};
  const edge = (to: 'first' | 'last'): DashboardAction =>
    state.help
      ? {type: 'scrollHelp', by: to === 'first' ? -Infinity : Infinity}
      : scrolls
        ? {type: 'scrollPanelTo', to}
        : {type: 'listEdge', to};
  switch (action) {
    case 'moveUp':
    case 'moveDown':
    case 'pageUp':
    case 'pageDown':
    case 'first':
    case 'last':
    case 'fold':
    case 'unfold':
    case 'toggleFold':
    case 'nextMatch':
    case 'previousMatch':
    case 'focusNext':
    case 'focusPrevious':
      return {type: action};
    case 'listUp':
      return by(-1);
    case 'listDown':
      return by(1);
    case 'listPageUp':
      return by(-page);
    case 'listPageDown':
      return by(page);
    case 'listFirst':
      return edge('first');
    case 'listLast':
      return edge('last');
    case 'jump':
      return {type: 'jumpToListItem', at};
    case 'fail':
      return {type: 'failSelected', at};
    case 'restore':
      return {type: 'restoreSelected', at};
    case 'restoreAll':
      return {type: 'restoreAll', at};
    case 'undo':
      return {type: 'undo', at};
    case 'failover':
      return {type: 'failover', at};
    case 'confirm':
      return {type: 'confirmPending', at};
    case 'cancel':
      return {type: 'cancelPending'};
    case 'plan':
      return {type: 'togglePlan'};
    case 'nextView':
      return {type: 'switchView'};
    case 'viewZone':
      return {type: 'switchView', view: 'zone'};
    case 'viewAccount':
      return {type: 'switchView', view: 'account'};
    case 'viewService':
      return {type: 'switchView', view: 'service'};
    case 'filter':
      return {type: 'startFilter'};
    case 'sweep':
      return {type: 'toggleSweep'};
    case 'availability':
      return {type: 'toggleAvailability'};
    case 'diff':
      return {type: 'toggleDiff'};
    case 'sources':
      return {type: 'toggleSources'};
    case 'help':
      return {type: 'toggleHelp'};
    case 'close':
      return {type: 'closeOverlay'};
    case 'events':
      return {type: 'toggleEvents'};
    case 'timeline':
      return {type: 'toggleTimeline'};
    case 'hooks':
      return {type: 'toggleHooks'};
    case 'cause':
      return {type: 'toggleCause'};
    case 'skipHook':
      return {type: 'skipHook'};
    case 'stateFilter':
      return {type: 'setStateFilter'};
    case 'nextDown':
      return {type: 'nextDown'};
    case 'previousDown':
      return {type: 'previousDown'};
    case 'detail':
      return {type: 'openDetail'};
    case 'closeDetail':
      return {type: 'closeDetail'};
    default:
      return undefined;
  }
}

/** Typing into the filter line: text goes in, Enter keeps it, Esc clears it. */
export function filterAction(
  state: DashboardState,
  input: string,
  key: Key,
): DashboardAction | undefined {
  if (key.return) return {type: 'applyFilter'};
  if (key.escape) return {type: 'cancelFilter'};
  if (key.backspace || key.delete)
    return {type: 'editFilter', text: Array.from(state.filter.text).slice(0, -1).join('')};
  // eslint-disable-next-line no-control-regex
  if (key.ctrl || key.meta || input === '' || /[\u0000-\u001f]/.test(input)) return undefined;
  return {type: 'editFilter', text: state.filter.text + input};
}
