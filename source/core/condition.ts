import type {Snapshot} from './analyze.js';

/**
 * What one component is in a state, as the state filter and the down-row jumps ask it:
 * down (failed, observed or simulated, or down with what it is in; a service that serves
 * nothing), degraded (a service serving part of its demand, or a load balancer carrying less
 * than it does with everything up), unknown (a live source cannot see it and none says it is
 * down), else up.
 */
export type Condition = 'down' | 'degraded' | 'unknown' | 'up';

export function conditionOf(
  snapshot: Snapshot,
  unknown: ReadonlySet<string>,
  id: string,
  /** The state with everything up, for what a load balancer carries in full. */
  nominal?: Snapshot,
): Condition {
  if (snapshot.down.has(id)) return 'down';
  const status = snapshot.status.get(id);
  if (status === 'DOWN') return 'down';
  if (status === 'DEGRADED') return 'degraded';
  if (unknown.has(id)) return 'unknown';
  const carried = snapshot.evaluation.lb.get(id);
  const full = nominal?.evaluation.lb.get(id);
  return carried !== undefined && full !== undefined && carried < full ? 'degraded' : 'up';
}

/** What the state filter shows: what is down, or what cannot be trusted to be up. */
export type ConditionFilter = 'down' | 'unsure';

export function conditionIn(condition: Condition, filter: ConditionFilter): boolean {
  return filter === 'down'
    ? condition === 'down'
    : condition === 'degraded' || condition === 'unknown';
}

/**
 * The components in `filter`'s conditions at once, the same answer as `conditionOf` for each
 * id (a test holds them together), gathered from the state's own lists so that asking it of
 * 100k rows costs one or two lookups each.
 */
export function componentsIn(
  snapshot: Snapshot,
  unknown: ReadonlySet<string>,
  filter: ConditionFilter,
  nominal?: Snapshot,
): {has(id: string): boolean} {
  const services = new Set<string>();
  const wanted = filter === 'down' ? 'DOWN' : 'DEGRADED';
  for (const [id, status] of snapshot.status) if (status === wanted) services.add(id);
  if (filter === 'down') return {has: (id) => snapshot.down.has(id) || services.has(id)};
  const isDown = (id: string) => snapshot.down.has(id) || snapshot.status.get(id) === 'DOWN';
  const ids = services;
  for (const id of unknown) if (!isDown(id)) ids.add(id);
  if (nominal)
    for (const [id, carried] of snapshot.evaluation.lb) {
      const full = nominal.evaluation.lb.get(id);
      if (full !== undefined && carried < full && !isDown(id)) ids.add(id);
    }
  return ids;
}
