import type {FailoverWindow} from '../../core/timing.js';

/** The failover windows opened by one operator action, stamped with its time. */
export interface Timer {
  at: number;
  windows: FailoverWindow[];
}

export type Phase = 'detecting' | 'following' | 'done' | 'noTarget';

export interface CountdownLine {
  gslb: string;
  phase: Phase;
  /** Seconds left until traffic has moved (0 once done). */
  seconds: number;
  during: number;
  after: number;
}

/** Where each GSLB stands at `now`: still detecting, waiting out the TTL, or done. */
export function countdown(timers: readonly Timer[], now: number): CountdownLine[] {
  const lines: CountdownLine[] = [];
  for (const timer of timers) {
    const elapsedS = Math.max(0, (now - timer.at) / 1000);
    for (const window of timer.windows) {
      const base = {gslb: window.gslb, during: window.servedDuring, after: window.servedAfter};
      if (window.servedAfter === 0 && window.servedDuring === 0) {
        lines.push({...base, phase: 'noTarget', seconds: 0});
        continue;
      }
      const left = Math.max(0, Math.ceil(window.totalS - elapsedS));
      const phase: Phase =
        left === 0 ? 'done' : elapsedS < window.detectS ? 'detecting' : 'following';
      lines.push({...base, phase, seconds: left});
    }
  }
  return lines;
}

/** A new action's windows replace those of the same GSLBs; others keep counting. */
export function mergeTimers(timers: readonly Timer[], next: Timer): Timer[] {
  const moved = new Set(next.windows.map((window) => window.gslb));
  const kept = timers
    .map((timer) => ({...timer, windows: timer.windows.filter((w) => !moved.has(w.gslb))}))
    .filter((timer) => timer.windows.length > 0);
  return next.windows.length > 0 ? [...kept, next] : kept;
}
