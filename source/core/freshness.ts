import type {Snapshot} from './analyze.js';
import type {LiveSources, SourceStatus} from './live.js';
import type {Model} from './model.js';
import {isFailable} from './propagate.js';

/**
 * A polling source's data is stale once this many of its intervals have passed without a good
 * answer: one late answer is noise, three missed ones mean the picture is no longer current.
 */
export const staleIntervals = 3;

/**
 * How far a source's data can be trusted now: `fresh` (a good answer within `staleIntervals`
 * intervals), `failed` (its last poll failed), `stale` (no answer for too long) or `never`
 * (no good answer yet).
 */
export type Freshness = 'fresh' | 'failed' | 'stale' | 'never';

export function freshnessOf(source: SourceStatus, now: number): Freshness {
  if (source.lastGood === undefined) return 'never';
  if (source.error) return 'failed';
  if (source.intervalMs !== undefined && now - source.lastGood > staleIntervals * source.intervalMs)
    return 'stale';
  return 'fresh';
}

const nowOf = (live: LiveSources) => live.now ?? 0;

/** The sources whose data cannot be trusted now, in the order they first spoke. */
export function untrustedSources(
  live: LiveSources,
): {source: SourceStatus; freshness: Exclude<Freshness, 'fresh'>}[] {
  const now = nowOf(live);
  const untrusted: {source: SourceStatus; freshness: Exclude<Freshness, 'fresh'>}[] = [];
  for (const source of live.sources.values()) {
    const freshness = freshnessOf(source, now);
    if (freshness !== 'fresh') untrusted.push({source, freshness});
  }
  return untrusted;
}

const unknowns = new WeakMap<LiveSources, ReadonlySet<string>>();

/**
 * The components no source can vouch for now: those a source reports unknown, and those only
 * untrusted sources watch (a source that failed, went stale or never answered cannot say they
 * are up). A component some source observes down stays down: a failed poll clears nothing.
 */
export function unknownNow(live: LiveSources): ReadonlySet<string> {
  const hit = unknowns.get(live);
  if (hit) return hit;
  const now = nowOf(live);
  const vouched = new Set<string>();
  const doubted = new Set<string>(live.unknown);
  for (const source of live.sources.values()) {
    const freshness = freshnessOf(source, now);
    if (freshness === 'fresh') {
      for (const id of source.watched ?? []) if (!source.unknown.has(id)) vouched.add(id);
      continue;
    }
    for (const id of source.watched ?? []) doubted.add(id);
    if (freshness === 'never') for (const id of source.expected ?? []) doubted.add(id);
  }
  const unknown = new Set<string>();
  for (const id of doubted) if (!vouched.has(id) && !live.observed.has(id)) unknown.add(id);
  // Reported unknown by a source stays unknown even when another vouches less precisely.
  for (const id of live.unknown) unknown.add(id);
  const result = unknown.size === live.unknown.size ? live.unknown : unknown;
  unknowns.set(live, result);
  return result;
}

/** Every component some source has spoken of. */
function watchedByAny(live: LiveSources): Set<string> {
  const watched = new Set<string>(live.observed.keys());
  for (const id of live.unknown) watched.add(id);
  for (const source of live.sources.values()) {
    for (const id of source.watched ?? []) watched.add(id);
    if (source.lastGood === undefined) for (const id of source.expected ?? []) watched.add(id);
  }
  return watched;
}

export interface LiveCounts {
  up: number;
  down: number;
  unknown: number;
}

/**
 * What the header's live counts count: the failable components a live source watches, and
 * those down because of what a source observed (a zone's VMs with the zone). Each is in
 * exactly one of down (in the snapshot, from an observed cause), unknown (`unknownNow`) or up
 * (seen up by a source that is fresh), so the three add up to them all. Simulated failures
 * are not counted: they are not news from the sources.
 */
export function liveCounts(model: Model, snap: Snapshot, live: LiveSources): LiveCounts {
  const unknown = unknownNow(live);
  const counted = watchedByAny(live);
  for (const [id, cause] of snap.down) if (!snap.state.simulated.has(cause.root)) counted.add(id);
  const counts: LiveCounts = {up: 0, down: 0, unknown: 0};
  for (const id of counted) {
    const component = model.components.get(id);
    if (!component || !isFailable(component)) continue;
    const cause = snap.down.get(id);
    if (cause && !snap.state.simulated.has(cause.root)) counts.down++;
    else if (unknown.has(id)) counts.unknown++;
    else counts.up++;
  }
  return counts;
}

/**
 * The next moment, after `live.now`, at which the sources' freshness or the whole minutes of
 * an untrusted source's age change: when the dashboard's clock must look again, though no
 * source has said anything.
 */
export function nextFreshnessChange(live: LiveSources): number | undefined {
  const now = nowOf(live);
  let next: number | undefined;
  const consider = (at: number) => {
    if (at > now && (next === undefined || at < next)) next = at;
  };
  for (const source of live.sources.values()) {
    if (source.lastGood === undefined) continue;
    const freshness = freshnessOf(source, now);
    if (freshness === 'fresh' && source.intervalMs !== undefined)
      consider(source.lastGood + staleIntervals * source.intervalMs + 1);
    if (freshness !== 'fresh') {
      const age = now - source.lastGood;
      consider(source.lastGood + (Math.floor(age / minute) + 1) * minute);
    }
  }
  return next;
}

const minute = 60_000;

/** An age as the header says it: `<1m`, `12m`, `3h`, `2d`. */
export function ageText(ms: number): string {
  if (ms < minute) return '<1m';
  const minutes = Math.floor(ms / minute);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours}h` : `${Math.floor(hours / 24)}d`;
}
