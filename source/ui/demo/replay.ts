import {emptyState} from '../../core/state.js';
import {reduce} from '../state/reducer.js';
import type {DashboardState} from '../state/types.js';
import type {DemoStep} from './script.js';

/**
 * The dashboard as it stands at step `index`: the script replayed from a clean simulation
 * onto the current screen (size, view and folds stay). Stepping back is replaying less.
 */
export function stateAtStep(
  current: DashboardState,
  steps: readonly DemoStep[],
  index: number,
  epoch: number,
  paused = false,
): DashboardState {
  let state: DashboardState = {
    ...current,
    failure: {...emptyState, observed: current.failure.observed},
    undo: [],
    pending: undefined,
    panel: 'impact',
    help: false,
  };
  for (const step of steps.slice(0, index + 1))
    for (const action of step.actions(epoch + step.atS * 1000)) state = reduce(state, action);
  const scene = steps[index]!;
  const story = {
    step: index,
    count: steps.length,
    atS: scene.atS,
    narration: scene.narration,
    paused,
  };
  return {...state, demo: true, notice: undefined, story};
}
