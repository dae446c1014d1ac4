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
