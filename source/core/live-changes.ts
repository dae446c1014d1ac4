import type {ComponentChange} from './announce.js';
import type {LiveSources, SourceStatus} from './live.js';
import type {Model} from './model.js';
import {compareIds} from './order.js';

/**
 * What changed in the merged observation between two moments: each component that went down
 * (or its reasons changed), came back up, or went out of sight. Components the model does not
 * know are left out (an event for a removed VM). Costs a pass over what is down or unknown.
 */
export function observedChanges(
  before: LiveSources,
  after: LiveSources,
  model: Model,
): ComponentChange[] {
  if (before.observed === after.observed && before.unknown === after.unknown) return [];
  const changes: ComponentChange[] = [];
  const add = (id: string, state: ComponentChange['state'], sources: string[], reason?: string) => {
    const kind = model.components.get(id)?.kind;
    if (kind === undefined) return;
    changes.push({id, kind, state, sources, ...(reason === undefined ? {} : {reason})});
  };
  const saying = (statuses: LiveSources, id: string, set: 'observed' | 'unknown') =>
    [...statuses.sources.values()].filter((s: SourceStatus) => s[set].has(id)).map((s) => s.name);
  for (const [id, reason] of after.observed)
    if (before.observed.get(id) !== reason) add(id, 'down', saying(after, id, 'observed'), reason);
  for (const id of after.unknown)
    if (!before.unknown.has(id) && !after.observed.has(id))
      add(id, 'unknown', saying(after, id, 'unknown'));
  for (const id of before.observed.keys())
    if (!after.observed.has(id) && !after.unknown.has(id))
      add(id, 'up', saying(before, id, 'observed'));
  // Out of sight, then seen again and not down: it is up.
  for (const id of before.unknown)
    if (!after.unknown.has(id) && !after.observed.has(id) && !before.observed.has(id))
      add(id, 'up', saying(before, id, 'unknown'));
  return changes.sort((a, b) => compareIds(a.id, b.id));
}
