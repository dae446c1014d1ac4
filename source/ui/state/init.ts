import {noLiveSources} from '../../core/live.js';
import type {Model} from '../../core/model.js';
import {emptyState, type FailureState} from '../../core/state.js';
import {analyze} from '../analysis/analysis.js';
import {treeOf} from '../tree/trees.js';
import type {Compare, View} from '../../shared/types.js';
import type {DashboardState} from './types.js';

export interface InitOptions {
  model: Model;
  readOnly?: boolean;
  includeGslb?: boolean;
  compare?: Compare;
  demo?: boolean;
  view?: View;
  failure?: FailureState;
  live?: boolean;
  /** The clock when the screen opens (ms). */
  at?: number;
  treeRows?: number;
  listRows?: number;
  allowHooks?: boolean;
}

export function initialState(options: InitOptions): DashboardState {
  const view = options.view ?? 'zone';
  const first = treeOf(options.model, view).roots[0];
  return {
    model: options.model,
    readOnly: options.readOnly ?? false,
    includeGslb: options.includeGslb ?? false,
    compare: options.compare,
    demo: options.demo ?? false,
    story: undefined,
    failure: options.failure ?? emptyState,
    sources: noLiveSources,
    hooks: {allowed: options.allowHooks ?? false, pending: undefined, runs: []},
    undo: [],
    view,
    folded: new Set(),
    selected: first?.key,
    lastSelected: {},
    scrollTop: 0,
    treeRows: Math.max(1, options.treeRows ?? 18),
    panel: 'impact',
    list: {index: 0, top: 0},
    listRows: Math.max(1, options.listRows ?? 16),
    focus: 'tree',
    panelTop: 0,
    help: false,
    helpTop: 0,
    filter: {text: '', editing: false},
    stateFilter: 'all',
    detail: false,
    notice: undefined,
    pending: undefined,
    live: options.live ?? false,
    tickedAt: options.at ?? 0,
    journal: {seq: 0, last: undefined},
    timeline: {points: []},
  };
}

/**
 * What the dashboard's first frame computes for a model, as steps that a loader can run apart,
 * with keys and frames between them, before the dashboard is drawn. Each is cached by model, so
 * the first frame finds it done and is the same frame it would have been.
 */
export function warmUp(model: Model, includeGslb: boolean, view: View = 'zone'): (() => void)[] {
  return [
    () => treeOf(model, view),
    () => analyze(model, emptyState, includeGslb),
    () => analyze(model, emptyState, includeGslb).capacities(),
  ];
}
