import type {Model} from '../../core/model.js';
import {stamped} from '../../core/state.js';
import {treeOf} from '../tree/trees.js';
import {pruneFailure} from './failures.js';
import {cursorOf, reveal, rowFor, selectedNode, settle} from './navigation.js';
import type {DashboardState} from './types.js';

/**
 * A reloaded topology replaces the model; the selection (by row, else by component), folds,
 * filter and simulated failures of components that still exist are kept.
 */
export function liveModel(state: DashboardState, model: Model): DashboardState {
  const before = selectedNode(state);
  const index = cursorOf(state);
  const has = (id: string) => model.components.has(id);
  const next: DashboardState = {
    ...state,
    model,
    failure: pruneFailure(state.failure, has),
    undo: state.undo.map((entry) => ({...entry, failure: pruneFailure(entry.failure, has)})),
    notice: {id: 'msg.reloaded', tone: 'info', params: {components: model.components.size}},
  };
  if (state.selected !== undefined && treeOf(model, state.view).byKey.has(state.selected))
    return settle(next, index);
  const same = before ? rowFor(next, state.view, before.id) : undefined;
  if (same) return reveal(next, same);
  return settle({...next, selected: undefined}, index);
}

export function liveObserved(
  state: DashboardState,
  observed: ReadonlyMap<string, string>,
  at: number,
): DashboardState {
  return {...state, failure: stamped(state.failure, {...state.failure, observed}, at)};
}
