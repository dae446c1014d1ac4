import {snapshot, type Snapshot} from './analyze.js';
import {gslbShares, gslbTargets, targetStateIn} from './capacity.js';
import {message, type CoreMessage} from './messages.js';
import {reachedVms, type Gslb, type Model} from './model.js';
import type {FailureState} from './state.js';

export type FailoverDone =
  | {
      ok: true;
      kind: 'gslb';
      state: FailureState;
      message: CoreMessage;
      gslb: string;
      target: string;
    }
  | {ok: true; kind: 'promote'; state: FailureState; message: CoreMessage; promoted: string[]};

export type FailoverResult = FailoverDone | {ok: false; reason: CoreMessage};

/** The audit journal's words for a failover (the journal is read by tools, in English). */
export function describeFailover(done: FailoverDone): string {
  return done.kind === 'gslb'
    ? `${done.gslb} now sends all traffic to ${done.target}`
    : `promoted ${done.promoted.join(', ')}`;
}

/**
 * The operator's failover (docs/semantics.md, Failover): on a GSLB, send all traffic to the healthy target
 * that serves most; on a load balancer, a service or a standby VM, promote the standby VMs it
 * reaches (a service without one fails over its GSLB).
 */
export function failover(model: Model, snap: Snapshot, id: string): FailoverResult {
  const component = model.components.get(id);
  if (!component) return {ok: false, reason: message('failover.unknown', {id})};
  if (component.kind === 'gslb') {
    const moved = moveGslb(model, snap, component);
    if (moved.ok || moved.reason.id !== 'failover.noHealthy') return moved;
    // With no healthy target to move to, the standbys behind its targets are what can serve:
    // promoted when that serves more, as a move would have to.
    const promoted = promoteStandbys(model, snap, id);
    const gains =
      promoted && totalServed(snapshot(model, promoted.state)) > totalServed(snap) + 1e-6;
    return gains ? promoted : moved;
  }
  if (component.kind === 'lb' || component.kind === 'service' || component.kind === 'vm') {
    const promoted = promoteStandbys(model, snap, id);
    if (promoted) return promoted;
    if (component.kind === 'service') {
      const entry = model.components.get(component.entry);
      if (entry?.kind === 'gslb') return moveGslb(model, snap, entry);
    }
    return {ok: false, reason: message('failover.noStandby', {id})};
  }
  return {ok: false, reason: message('failover.notKind', {kind: component.kind})};
}

/** Promotes every standby VM reached from `id` that is up and not yet promoted, if any. */
function promoteStandbys(model: Model, snap: Snapshot, id: string): FailoverDone | undefined {
  const standbys = [...reachedVms(model, id)].filter(
    (vm) => vm.role === 'standby' && !snap.state.promoted.has(vm.id) && !snap.down.has(vm.id),
  );
  if (standbys.length === 0) return undefined;
  const promoted = new Set(snap.state.promoted);
  for (const vm of standbys) promoted.add(vm.id);
  const list = standbys.map((vm) => vm.id);
  return {
    ok: true,
    kind: 'promote',
    state: {...snap.state, promoted},
    message: message('failover.promote', {list: list.join(', ')}),
    promoted: list,
  };
}

/** Total served over every service: what a failover is judged by. */
function totalServed(snap: Snapshot): number {
  let total = 0;
  for (const served of snap.evaluation.served.values()) total += served;
  return total;
}

/**
 * The healthy target that serves most once all traffic goes to it, counting every service (a
 * GSLB may feed others through dependencies). Ties go to the better priority, then file order.
 * Only a move that serves more than now: never a worse target while a better one is healthy.
 */
function moveGslb(model: Model, snap: Snapshot, gslb: Gslb): FailoverResult {
  const {states, healthy} = gslbTargets(model, gslb, targetStateIn(snap));
  const shares = gslbShares(gslb, 1, states, healthy, snap.state.forced.get(gslb.id));
  const active = gslb.targets.filter((_, i) => shares[i]! > 0).map((t) => t.ref);
  const now = totalServed(snap);
  let best: {ref: string; state: FailureState; served: number; priority: number} | undefined;
  gslb.targets.forEach((target, i) => {
    if (!healthy[i] || (active.length === 1 && active[0] === target.ref)) return;
    const forced = new Map(snap.state.forced);
    forced.set(gslb.id, target.ref);
    const state = {...snap.state, forced};
    const served = totalServed(snapshot(model, state));
    if (
      !best ||
      served > best.served + 1e-6 ||
      (Math.abs(served - best.served) <= 1e-6 && target.priority < best.priority)
    )
      best = {ref: target.ref, state, served, priority: target.priority};
  });
  if (!best) {
    if (active.length === 1)
      return {
        ok: false,
        reason: message('failover.alreadyBest', {gslb: gslb.id, target: active[0]!}),
      };
    return {ok: false, reason: message('failover.noHealthy', {gslb: gslb.id})};
  }
  // Moving to a target that serves no more than now only churns DNS: say where traffic is.
  if (best.served <= now + 1e-6)
    return {
      ok: false,
      reason: message('failover.alreadyBest', {gslb: gslb.id, target: active.join(', ')}),
    };
  return {
    ok: true,
    kind: 'gslb',
    state: best.state,
    message: message('failover.gslb', {gslb: gslb.id, target: best.ref}),
    gslb: gslb.id,
    target: best.ref,
  };
}
