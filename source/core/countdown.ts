import {knownSnapshot, snapshot, type Snapshot} from './analyze.js';
import {
  failoversOf,
  gslbTargets,
  lbCapacity,
  targetStateIn,
  vmCapacity,
  type TargetState,
} from './capacity.js';
import {containmentOf} from './containment.js';
import type {Model, Vm} from './model.js';
import {rtoBeside} from './rto.js';
import {eventKeys, withoutEvent, type EventKey, type FailureState} from './state.js';
import {failoverWindows, servicesBehind, windowsBetween, type FailoverWindow} from './timing.js';

/** A GSLB window in force: opened by the latest event that changed the GSLB's traffic. */
export interface OpenWindow extends FailoverWindow {
  /** When the event that opened it began (ms). */
  startedAt: number;
  /** When traffic has moved (ms). */
  endsAt: number;
  cause: EventKey;
}

const cache = new WeakMap<FailureState, {model: Model; windows: OpenWindow[]}>();

/**
 * The failover windows of a state, derived from its events and their start times (docs/semantics.md):
 * for each GSLB, the latest event without which its traffic shares would differ opens the
 * window. An event that ends takes its window with it; no list of timers outlives its cause.
 * A manual GSLB failover skips detection; every other event waits for it.
 */
export function windowsOf(model: Model, state: FailureState): OpenWindow[] {
  const hit = cache.get(state);
  if (hit?.model === model) return hit.windows;
  const since = state.since ?? new Map<string, number>();
  const events = eventKeys(state)
    .filter((key) => since.has(key))
    .sort((a, b) => since.get(b)! - since.get(a)!);
  const windows: OpenWindow[] = [];
  if (events.length > 0) {
    const now = snapshot(model, state);
    const settled = new Set<string>();
    const allHealthy = everyTargetHealthy(model, now);
    for (const key of events) {
      // Without a failure every target is as healthy or more; if all are healthy now, they were
      // before it too and no share moved: a flood of VM events costs no snapshot each.
      if (allHealthy && (key.startsWith('live:') || key.startsWith('sim:'))) continue;
      for (const window of windowsOfEvent(model, state, now, key, settled, key === events[0])) {
        const slot = `${window.gslb}\u0000${window.service}`;
        if (settled.has(slot)) continue;
        settled.add(slot);
        const startedAt = since.get(key)!;
        windows.push({...window, startedAt, endsAt: startedAt + window.totalS * 1000, cause: key});
      }
    }
  }
  cache.set(state, {model, windows});
  return windows;
}

/** The windows one event opened: `now` beside the state without that event. */
function windowsOfEvent(
  model: Model,
  state: FailureState,
  now: Snapshot,
  key: EventKey,
  settled: ReadonlySet<string>,
  latest: boolean,
): FailoverWindow[] {
  const at = key.indexOf(':');
  const kind = key.slice(0, at);
  // The state before the latest event is often the one the screen evaluated just before (a
  // copy of the state per event would cost the square of a flood of events).
  const known = latest ? knownSnapshot(model, withoutEvent(state, key)) : undefined;
  if (known) return failoverWindows(model, known, now, kind === 'forced');
  if (kind === 'live' || kind === 'sim')
    return windowsWithout(model, state, now, key.slice(at + 1), settled);
  const before = snapshot(model, withoutEvent(state, key));
  return failoverWindows(model, before, now, kind === 'forced');
}

/**
 * The windows a failure of `id` opened, without a snapshot of the state before it: only the
 * GSLBs whose targets it reaches (a target in its blast radius, or a load balancer with a member
 * there) can have other shares without it, and only their targets are evaluated again. A
 * component is down before the failure when it is down now and some other failure still reaches
 * it: it failed itself, or a component that takes it down (its containment parents) is down.
 * GSLBs whose every service already has its window are skipped. With 25k VMs observed down,
 * a snapshot per event took seconds.
 */
function windowsWithout(
  model: Model,
  state: FailureState,
  now: Snapshot,
  id: string,
  settled: ReadonlySet<string>,
): FailoverWindow[] {
  const failedBefore = (ref: string) =>
    ref === id
      ? state.observed.has(ref) && state.simulated.has(ref)
      : state.observed.has(ref) || state.simulated.has(ref);
  // Failed both ways, it stays failed without one of them: nothing changed.
  if (failedBefore(id)) return [];
  const containment = containmentOf(model);
  const lost = new Set(containment.radius(id));
  const gslbs = new Set<string>();
  const touch = (ref: string) => {
    for (const gslb of model.gslbsOfTarget.get(ref) ?? []) gslbs.add(gslb);
  };
  for (const ref of lost) {
    touch(ref);
    for (const lb of model.lbsOfVm.get(ref) ?? []) touch(lb);
  }
  for (const gslb of gslbs)
    if (servicesBehind(model, [gslb]).every((s) => settled.has(`${gslb}\u0000${s.id}`)))
      gslbs.delete(gslb);
  if (gslbs.size === 0) return [];
  // Only these targets can stand otherwise without the failure; the rest read as now.
  const reached = new Set(lost);
  for (const ref of lost) for (const lb of model.lbsOfVm.get(ref) ?? []) reached.add(lb);
  const {index, ids, parentStart, parentList} = containment;
  const downMemo = new Map<string, boolean>();
  const downBefore = (ref: string): boolean => {
    if (!now.down.has(ref)) return false;
    if (!lost.has(ref)) return true;
    let down = downMemo.get(ref);
    if (down !== undefined) return down;
    down = failedBefore(ref);
    const i = index.get(ref);
    // Containment is a few levels deep (zone or account, router, VM or LB): shallow recursion.
    if (!down && i !== undefined)
      for (let k = parentStart[i]!; k < parentStart[i + 1]! && !down; k++)
        down = downBefore(ids[parentList[k]!]!);
    downMemo.set(ref, down);
    return down;
  };
  const failovers = failoversOf(state);
  const nowTargets = targetStateIn(now);
  const vmBefore = (ref: string) =>
    vmCapacity(model.components.get(ref) as Vm, downBefore(ref), failovers);
  const before = (ref: string): TargetState => {
    const component = reached.has(ref) ? model.components.get(ref) : undefined;
    if (!component) return nowTargets(ref);
    const down = downBefore(ref);
    // As `evaluate` has them: a VM's own capacity, an LB's members summed in order, a site's.
    if (component.kind === 'vm') return {capacity: vmBefore(ref), up: !down};
    if (component.kind === 'lb') {
      let sum = 0;
      for (const member of component.members) sum += vmBefore(member);
      return {capacity: lbCapacity(component, sum, down), up: !down};
    }
    if (component.kind === 'site') return {capacity: down ? 0 : component.capacity, up: !down};
    return nowTargets(ref);
  };
  return windowsBetween(
    model,
    gslbs,
    {targets: before, forced: state.forced},
    {targets: nowTargets, forced: now.state.forced, isDown: (ref) => now.down.has(ref)},
    false,
  );
}

/** Whether every GSLB target passes its health check in `now`. */
function everyTargetHealthy(model: Model, now: Snapshot): boolean {
  const targetState = targetStateIn(now);
  return model.gslbs.every((gslb) => gslbTargets(model, gslb, targetState).healthy.every(Boolean));
}

export type Phase = 'detecting' | 'following' | 'noTarget';

export interface Countdown {
  gslb: string;
  service: string;
  phase: Phase;
  /** Whole seconds left until traffic has moved. */
  seconds: number;
  during: number;
  after: number;
  /** The service's recovery-time target against this failover's whole time, when it sets one. */
  rto?: {targetS: number; met: boolean};
}

/** Where each open window stands at `now`; a window whose traffic has moved is gone. */
export function countdownsAt(model: Model, state: FailureState, now: number): Countdown[] {
  const lines: Countdown[] = [];
  for (const window of windowsOf(model, state)) {
    const rto = window.moves ? rtoBeside(model, window.service, window.totalS) : undefined;
    const base = {gslb: window.gslb, service: window.service, ...(rto ? {rto} : {})};
    if (!window.moves) {
      lines.push({...base, phase: 'noTarget', seconds: 0, during: 0, after: 0});
      continue;
    }
    if (now >= window.endsAt) continue;
    const elapsedS = Math.max(0, (now - window.startedAt) / 1000);
    lines.push({
      ...base,
      phase: elapsedS < window.detectS ? 'detecting' : 'following',
      seconds: Math.max(1, Math.ceil((window.endsAt - now) / 1000)),
      during: window.servedDuring,
      after: window.servedAfter,
    });
  }
  return lines;
}

/** Windows whose traffic finished moving in (from, to]: each is announced exactly once. */
export function movesCompleted(
  model: Model,
  state: FailureState,
  from: number,
  to: number,
): OpenWindow[] {
  return windowsOf(model, state).filter((w) => w.moves && w.endsAt > from && w.endsAt <= to);
}
