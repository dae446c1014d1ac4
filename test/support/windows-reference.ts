import {snapshot} from '../../source/core/analyze.js';
import type {OpenWindow} from '../../source/core/countdown.js';
import type {Model} from '../../source/core/model.js';
import {eventKeys, withoutEvent, type FailureState} from '../../source/core/state.js';
import {failoverWindows} from '../../source/core/timing.js';

/** windowsOf the plain way: a snapshot without each event, every event, no shortcut. */
export function windowsReference(model: Model, state: FailureState): OpenWindow[] {
  const since = state.since!;
  const events = eventKeys(state)
    .filter((key) => since.has(key))
    .sort((a, b) => since.get(b)! - since.get(a)!);
  const now = snapshot(model, state);
  const settled = new Set<string>();
  const windows: OpenWindow[] = [];
  for (const key of events) {
    const before = snapshot(model, withoutEvent(state, key));
    for (const window of failoverWindows(model, before, now, key.startsWith('forced:'))) {
      const slot = `${window.gslb}\u0000${window.service}`;
      if (settled.has(slot)) continue;
      settled.add(slot);
      const startedAt = since.get(key)!;
      windows.push({...window, startedAt, endsAt: startedAt + window.totalS * 1000, cause: key});
    }
  }
  return windows;
}
