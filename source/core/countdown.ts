import {snapshot, type Snapshot} from './analyze.js';
import {gslbTargets, targetStateIn} from './capacity.js';
import type {Model} from './model.js';
import {eventKeys, withoutEvent, type EventKey, type FailureState} from './state.js';
import {failoverWindows, type FailoverWindow} from './timing.js';

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
      const before = snapshot(model, withoutEvent(state, key));
      const manual = key.startsWith('forced:');
      for (const window of failoverWindows(model, before, now, manual)) {
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
}

/** Where each open window stands at `now`; a window whose traffic has moved is gone. */
export function countdownsAt(model: Model, state: FailureState, now: number): Countdown[] {
  const lines: Countdown[] = [];
  for (const window of windowsOf(model, state)) {
    const base = {gslb: window.gslb, service: window.service};
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
