import type {DashboardState, Focus} from './types.js';

/**
 * The side drawn as having the keys. The right panel shows it whenever it has them; the tree
 * only while another panel is open beside it, since with the impact panel it has them by default.
 */
export function focusShown(state: DashboardState): Focus | undefined {
  if (state.focus === 'panel') return 'panel';
  return state.panel === 'impact' ? undefined : 'tree';
}
