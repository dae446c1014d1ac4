import type {DashboardState, Panel} from './types.js';

/** The list panels whose entries can be read whole: every one that cuts a line to fit. */
const readable: ReadonlySet<Panel> = new Set(['events', 'hooks', 'plan', 'diff', 'sweep']);

/**
 * → on a list entry: the entry whole, wrapped, with every source's reason or the hook's whole
 * output. It scrolls as the impact panel does (the same top and length), which is not on
 * screen meanwhile.
 */
export function openDetail(state: DashboardState, entries: number): DashboardState {
  if (!readable.has(state.panel) || entries === 0) return state;
  return {...state, detail: true, focus: 'panel', panelTop: 0};
}

/** ← or Esc: back to the list, on the same entry. */
export function closeDetail(state: DashboardState): DashboardState {
  return state.detail ? {...state, detail: false, panelTop: 0} : state;
}
