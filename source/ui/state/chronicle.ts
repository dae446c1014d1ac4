import {failoverWindows} from '../../core/timing.js';
import {
  actionRecord,
  analysisRecord,
  type JournalRecord,
  type ObservedRecord,
} from '../../core/journal.js';
import {analyze} from '../analysis/analysis.js';
import type {DashboardState, TimelinePoint} from './types.js';

/** The timeline keeps this many moments; older ones are dropped first. */
export const timelineLimit = 240;

/**
 * After every step: what the journal writes for it and the timeline's next point, both from
 * the analysis of the new state, which the screen is about to draw anyway (it is cached). An
 * action is journaled as simulated; observed changes and their announcement arrive from the
 * live path (state/live.ts); each is followed by the analysis of the state they led to.
 */
export function chronicled(
  before: DashboardState,
  next: DashboardState,
  at: number,
): DashboardState {
  const acted = next.journal.seq !== before.journal.seq && next.journal.last !== undefined;
  const observed =
    (next.journal.records !== before.journal.records ? next.journal.records : undefined) ?? [];
  const changed = next.failure !== before.failure || next.model !== before.model;
  if (!acted && observed.length === 0 && !changed) return next;
  const records: JournalRecord[] = [
    ...(acted ? [actionRecord(next.journal.last!, true)] : []),
    ...observed,
  ];
  if (!changed) return records.length === 0 ? next : {...next, journal: {...next.journal, records}};
  const analysis = analyze(next.model, next.failure, next.includeGslb).snapshot;
  const served = new Map(
    next.model.services.map((s) => [s.id, analysis.evaluation.served.get(s.id) ?? 0]),
  );
  // A poll that brought nothing new is no moment: the history is kept for what happened.
  const points =
    before.timeline.points.length > 0 ? [...before.timeline.points] : [startPoint(before)];
  if (records.length === 0 && sameServed(points.at(-1)!.served, served)) return next;
  points.push({at, served, mark: acted ? 'action' : 'change'});
  const timeline = {points: points.slice(-timelineLimit)};
  if (records.length === 0) return {...next, timeline};
  const ids = acted
    ? next.journal.last!.ids
    : records
        .filter((r): r is ObservedRecord => 'event' in r && r.event === 'observed')
        .map((r) => r.id);
  // The moves this change started: its two states' GSLB shares compared (core/timing.ts), both
  // analyses at hand; a forced target skips detection.
  const was = analyze(before.model, before.failure, before.includeGslb).snapshot;
  const manual = next.failure.forced !== before.failure.forced;
  const opened =
    next.model === before.model ? failoverWindows(next.model, was, analysis, manual) : [];
  records.push(analysisRecord(next.model, analysis, ids, opened));
  return {...next, timeline, journal: {...next.journal, records}};
}

/** The state the session started from, as the screen drew it (its analysis is cached). */
function startPoint(state: DashboardState): TimelinePoint {
  const snap = analyze(state.model, state.failure, state.includeGslb).snapshot;
  const served = new Map(
    state.model.services.map((s) => [s.id, snap.evaluation.served.get(s.id) ?? 0]),
  );
  return {at: state.tickedAt, served, mark: 'start'};
}

function sameServed(last: ReadonlyMap<string, number>, served: ReadonlyMap<string, number>) {
  if (last.size !== served.size) return false;
  for (const [id, amount] of served) if (last.get(id) !== amount) return false;
  return true;
}
