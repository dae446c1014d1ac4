import {failover} from '../../core/failover.js';
import {blastRadius, isFailable} from '../../core/propagate.js';
import {emptyState, withSimulated, type FailureState} from '../../core/state.js';
import {failoverWindows} from '../../core/timing.js';
import {analyze} from '../analysis/analysis.js';
import {mergeTimers} from '../analysis/countdown.js';
import type {MessageId} from '../i18n.js';
import type {AuditAction} from '../types.js';
import {selectedNode} from './navigation.js';
import type {DashboardState, Notice} from './types.js';

const notice = (id: MessageId, params?: Notice['params'], tone: Notice['tone'] = 'warn') =>
  ({id, tone, ...(params ? {params} : {})}) as Notice;

/** Applies a new failure state: records undo, the audit entry and the GSLB windows it opens. */
function commit(
  state: DashboardState,
  failure: FailureState,
  action: AuditAction,
  at: number,
  message: Notice,
  options: {manual?: boolean; undoable?: boolean} = {},
): DashboardState {
  const before = analyze(state.model, state.failure, state.includeGslb).snapshot;
  const after = analyze(state.model, failure, state.includeGslb).snapshot;
  const windows = failoverWindows(state.model, before, after, options.manual ?? false);
  return {
    ...state,
    failure,
    undo:
      options.undoable === false ? state.undo : [...state.undo, {failure: state.failure, action}],
    timers: mergeTimers(state.timers, {at, windows}),
    notice: message,
    journal: {seq: state.journal.seq + 1, last: action},
  };
}

export function failSelected(state: DashboardState, at: number): DashboardState {
  const node = selectedNode(state);
  if (!node) return {...state, notice: notice('msg.noSelection')};
  if (node.role === 'group') return {...state, notice: notice('msg.notFailable.group')};
  const component = state.model.components.get(node.id);
  if (!component) return state;
  if (!isFailable(component, state.includeGslb)) {
    const id: MessageId =
      component.kind === 'service'
        ? 'msg.notFailable.service'
        : component.kind === 'gslb'
          ? 'msg.notFailable.gslb'
          : 'msg.notFailable.router';
    return {...state, notice: notice(id)};
  }
  const down = analyze(state.model, state.failure, state.includeGslb).snapshot.down;
  if (state.failure.simulated.has(component.id) || down.has(component.id))
    return {...state, notice: notice('msg.alreadyFailed', {id: component.id})};
  let count = 0;
  for (const id of blastRadius(state.model, component.id)) if (!down.has(id)) count++;
  const action: AuditAction = {action: 'fail', ids: [component.id]};
  const message = notice('msg.failed', {kind: component.kind, id: component.id, n: count}, 'info');
  return commit(state, withSimulated(state.failure, [component.id]), action, at, message);
}

export function restoreSelected(state: DashboardState, at: number): DashboardState {
  const node = selectedNode(state);
  if (!node) return {...state, notice: notice('msg.noSelection')};
  const cause = analyze(state.model, state.failure, state.includeGslb).snapshot.down.get(node.id);
  if (!cause) return {...state, notice: notice('msg.notSimulated', {id: node.id})};
  if (!state.failure.simulated.has(cause.root))
    return {...state, notice: notice('msg.observed', {id: node.id})};
  const simulated = new Set(state.failure.simulated);
  simulated.delete(cause.root);
  const params = {kind: cause.rootKind, id: cause.root, of: node.id};
  const message = notice(
    cause.root === node.id ? 'msg.restored' : 'msg.restoredCause',
    params,
    'info',
  );
  const action: AuditAction = {action: 'restore', ids: [cause.root]};
  return commit(state, {...state.failure, simulated}, action, at, message);
}

export function restoreAll(state: DashboardState, at: number): DashboardState {
  const {simulated, promoted, forced} = state.failure;
  if (simulated.size + promoted.size + forced.size === 0)
    return {...state, notice: notice('msg.nothingSimulated')};
  const action: AuditAction = {action: 'restore-all', ids: [...simulated]};
  const failure = {...emptyState, observed: state.failure.observed};
  return commit(state, failure, action, at, notice('msg.restoredAll', undefined, 'info'));
}

export function undo(state: DashboardState, at: number): DashboardState {
  const last = state.undo.at(-1);
  if (!last) return {...state, notice: notice('msg.nothingToUndo')};
  const failure = {...last.failure, observed: state.failure.observed};
  const what = [last.action.action, ...last.action.ids].join(' ');
  const action: AuditAction = {action: 'undo', ids: last.action.ids, description: `undo ${what}`};
  const next = commit(state, failure, action, at, notice('msg.undone', {what}, 'info'), {
    undoable: false,
  });
  return {...next, undo: state.undo.slice(0, -1)};
}

export function failoverSelected(state: DashboardState, at: number): DashboardState {
  const node = selectedNode(state);
  if (!node) return {...state, notice: notice('msg.noSelection')};
  const snap = analyze(state.model, state.failure, state.includeGslb).snapshot;
  const result = failover(state.model, snap, node.id);
  if (!result.ok) return {...state, notice: notice('msg.failoverRefused', {reason: result.reason})};
  const failure = {...result.state, observed: state.failure.observed};
  const action: AuditAction = {action: 'failover', ids: [node.id], description: result.description};
  const message =
    result.kind === 'gslb'
      ? notice('msg.failoverGslb', {gslb: result.gslb, target: result.target}, 'info')
      : notice('msg.failoverPromote', {list: result.promoted.join(', ')}, 'info');
  return commit(state, failure, action, at, message, {manual: result.kind === 'gslb'});
}

/** Ids of a failure state that a reloaded topology no longer has are dropped. */
export function pruneFailure(failure: FailureState, has: (id: string) => boolean): FailureState {
  const forced = [...failure.forced].filter(([gslb, ref]) => has(gslb) && has(ref));
  return {
    observed: failure.observed,
    simulated: new Set([...failure.simulated].filter(has)),
    promoted: new Set([...failure.promoted].filter(has)),
    forced: new Map(forced),
  };
}
