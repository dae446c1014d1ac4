import type {Observation} from './likely-cause.js';
import type {LiveSources} from './live.js';

/**
 * What the live sources say of each component, as the likely cause reads it: down when any
 * source observes it down; unknown when one cannot see it; up when a source whose last poll
 * worked watches it and none says otherwise. A failed source's last snapshot is kept for what
 * it saw down, but is no evidence that anything is up: stale data never looks current.
 */
export function liveObservations(live: LiveSources): Map<string, Observation> {
  const seen = new Map<string, Observation>();
  for (const source of live.sources.values()) {
    if (source.error) continue;
    for (const id of source.watched ?? []) seen.set(id, 'up');
  }
  for (const id of live.unknown) seen.set(id, 'unknown');
  for (const id of live.observed.keys()) seen.set(id, 'down');
  return seen;
}
