import {movesCompleted} from '../../core/countdown.js';
import {describeFailover} from '../../core/failover.js';
import {groupById, groupStanding} from '../../core/failure-groups.js';
import {isFailable} from '../../core/propagate.js';
import {emptyState, howDown, stamped, withSimulated, type FailureState} from '../../core/state.js';
import {whatIf} from '../../core/what-if.js';
import {analyze} from '../analysis/analysis.js';
import type {MessageId} from '../../i18n/i18n.js';
import {amount} from '../text.js';
import type {AuditAction} from '../../shared/types.js';
import {selectedNode} from './navigation.js';
import type {DashboardState, Notice} from './types.js';

const notice = (id: MessageId, params?: Notice['params'], tone: Notice['tone'] = 'warn') =>
  ({id, tone, ...(params ? {params} : {})}) as Notice;

/**
 * Applies a new failure state: records undo and the audit entry, and stamps the start time of
 * each new event (failover windows are derived from those times, see core/countdown.ts).
 */
function commit(
  state: DashboardState,
  failure: FailureState,
  action: AuditAction,
  at: number,
  message: Notice,
  options: {undoable?: boolean} = {},
): DashboardState {
  return {
    ...state,
    failure: stamped(state.failure, failure, at),
    pending: undefined,
    undo:
      options.undoable === false ? state.undo : [...state.undo, {failure: state.failure, action}],
    notice: state.live ? {...message, cloudUnchanged: true} : message,
    journal: {seq: state.journal.seq + 1, last: action},
  };
}

export function failSelected(state: DashboardState, at: number): DashboardState {
  const node = selectedNode(state);
  if (!node) return {...state, notice: notice('msg.noSelection')};
  if (node.role === 'group') return {...state, notice: notice('msg.notFailable.group')};
  if (node.role === 'failureGroup') return failGroup(state, node.id, at);
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
  const analysis = analyze(state.model, state.failure, state.includeGslb);
  if (state.failure.simulated.has(component.id) || analysis.snapshot.down.has(component.id))
    return {...state, notice: notice('msg.alreadyFailed', {id: component.id})};
  // What went down with it, counted from the analysis of the new state the screen draws next
  // (the one memo per state): no what-if just for the message.
  const failure = withSimulated(state.failure, [component.id]);
  const after = analyze(state.model, failure, state.includeGslb).snapshot;
  // A failure added only adds to what is down (the union of the failures' blast radii).
  const count = after.down.size - analysis.snapshot.down.size;
  const action: AuditAction = {action: 'fail', ids: [component.id]};
  const message = notice('msg.failed', {kind: component.kind, id: component.id, n: count}, 'info');
  return commit(state, failure, action, at, message);
}

/** `x` on a failure group: its members fail at once, one action (one undo, one audit line). */
function failGroup(state: DashboardState, id: string, at: number): DashboardState {
  const group = groupById(state.model, id);
  if (!group) return state;
  const now = analyze(state.model, state.failure, state.includeGslb).snapshot;
  const members = group.members.filter((m) => !state.failure.simulated.has(m) && !now.down.has(m));
  if (members.length === 0) return {...state, notice: notice('msg.alreadyFailed', {id})};
  const result = whatIf(state.model, state.failure, {type: 'fail', ids: members}, {now});
  const count = result.ok ? result.whatIf.down.length : 0;
  const action: AuditAction = {action: 'fail', ids: members, description: `fail group ${id}`};
  const message = notice('msg.failed', {kind: 'group', id, n: count}, 'info');
  return commit(state, withSimulated(state.failure, members), action, at, message);
}

/** `r` on a failure group: the simulated failures that took its members down, restored at once. */
function restoreGroup(state: DashboardState, id: string, at: number): DashboardState {
  const group = groupById(state.model, id);
  if (!group) return state;
  const now = analyze(state.model, state.failure, state.includeGslb).snapshot;
  const {roots} = groupStanding(group, now);
  const simulatedRoots = [...new Set(roots)].filter((root) => state.failure.simulated.has(root));
  if (simulatedRoots.length === 0) {
    const observed = roots.length > 0;
    return {...state, notice: notice(observed ? 'msg.observed' : 'msg.notSimulated', {id})};
  }
  const simulated = new Set(state.failure.simulated);
  for (const root of simulatedRoots) simulated.delete(root);
  const action: AuditAction = {
    action: 'restore',
    ids: simulatedRoots,
    description: `restore group ${id}`,
  };
  const message = notice('msg.restored', {kind: 'group', id}, 'info');
  return commit(state, {...state.failure, simulated}, action, at, message);
}

export function restoreSelected(state: DashboardState, at: number): DashboardState {
  const node = selectedNode(state);
  if (!node) return {...state, notice: notice('msg.noSelection')};
  if (node.role === 'failureGroup') return restoreGroup(state, node.id, at);
  const cause = analyze(state.model, state.failure, state.includeGslb).snapshot.down.get(node.id);
  if (!cause) return {...state, notice: notice('msg.notSimulated', {id: node.id})};
  if (howDown(state.failure, cause.root) === 'live')
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

/** `o` on the selection: `failoverOn` for the selected component. */
export function failoverSelected(state: DashboardState, at: number): DashboardState {
  const node = selectedNode(state);
  if (!node) return {...state, notice: notice('msg.noSelection')};
  return failoverOn(state, node.id, at);
}

/**
 * A failover on `id` (from `o` or the plan): done at once when no service would serve less;
 * otherwise held as a preview until the operator confirms it.
 */
export function failoverOn(state: DashboardState, id: string, at: number): DashboardState {
  const now = analyze(state.model, state.failure, state.includeGslb).snapshot;
  const result = whatIf(state.model, state.failure, {type: 'failover', id}, {now});
  if (!result.ok)
    return {...state, notice: {id: 'msg.failoverRefused', tone: 'warn', core: result.refusal}};
  if (result.whatIf.lowers)
    return {
      ...state,
      pending: {id, whatIf: result.whatIf},
      notice: notice('msg.confirmFailover', {key: 'y'}),
    };
  return applyFailover(state, id, result.whatIf.state, at);
}

/** `y` on a held failover preview: do it. Any other change drops the preview. */
export function confirmPending(state: DashboardState, at: number): DashboardState {
  const pending = state.pending;
  if (!pending) return state;
  // The state may have moved since the preview: re-ask the core from the state now.
  const result = whatIf(state.model, state.failure, {type: 'failover', id: pending.id});
  if (!result.ok)
    return {
      ...state,
      pending: undefined,
      notice: {id: 'msg.failoverRefused', tone: 'warn', core: result.refusal},
    };
  return applyFailover(state, pending.id, result.whatIf.state, at);
}

export function cancelPending(state: DashboardState): DashboardState {
  if (!state.pending) return state;
  return {...state, pending: undefined, notice: notice('msg.failoverCancelled', undefined, 'info')};
}

function applyFailover(
  state: DashboardState,
  id: string,
  next: FailureState,
  at: number,
): DashboardState {
  const now = analyze(state.model, state.failure, state.includeGslb).snapshot;
  const result = whatIf(state.model, state.failure, {type: 'failover', id}, {now});
  if (!result.ok || !result.whatIf.failover) return state;
  const done = result.whatIf.failover;
  const action: AuditAction = {action: 'failover', ids: [id], description: describeFailover(done)};
  const changes = result.whatIf.services
    .filter((s) => s.after !== s.before)
    .map((s) => ({service: s.id, after: s.after}));
  const message: Notice =
    changes.length === 0
      ? {id: 'msg.failoverNoChange', tone: 'info', core: done.message}
      : {
          id: 'msg.failoverDone',
          tone: 'info',
          core: done.message,
          params: {changes: changes.map((c) => `${c.service} ${amount(c.after)}`).join(', ')},
        };
  return commit(state, {...next, observed: state.failure.observed}, action, at, message);
}

/**
 * The clock moved to `at`: each GSLB whose traffic finished moving since the last announcement is
 * said once, as a notice and an audit line. Nothing is kept but the time of that announcement.
 */
export function tick(state: DashboardState, at: number): DashboardState {
  if (at <= state.tickedAt || state.demo) return state;
  const done = movesCompleted(state.model, state.failure, state.tickedAt, at);
  // Nothing to say: the same state, so a tick on every frame draws nothing new.
  if (done.length === 0) return state;
  const gslbs = [...new Set(done.map((w) => w.gslb))];
  const first = done[0]!;
  const action: AuditAction = {
    action: 'moved',
    ids: gslbs,
    description: done
      .map((w) => `${w.gslb} moved ${w.service}: ${w.servedAfter} served`)
      .join('; '),
  };
  return {
    ...state,
    tickedAt: at,
    notice: notice('msg.moved', {gslb: gslbs.join(', '), after: amount(first.servedAfter)}, 'info'),
    journal: {seq: state.journal.seq + 1, last: action},
  };
}

/** Ids of a failure state that a reloaded topology no longer has are dropped. */
export function pruneFailure(failure: FailureState, has: (id: string) => boolean): FailureState {
  const forced = [...failure.forced].filter(([gslb, ref]) => has(gslb) && has(ref));
  const pruned = {
    observed: failure.observed,
    simulated: new Set([...failure.simulated].filter(has)),
    promoted: new Set([...failure.promoted].filter(has)),
    forced: new Map(forced),
  };
  // No event is new here, so the time given to new ones is never used.
  return stamped(failure, pruned, 0);
}
