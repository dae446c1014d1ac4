import type {Status} from './capacity.js';
import {kindRank, type Kind} from './kinds.js';
import {compareIds} from './order.js';

/** One component whose observed state changed between two live snapshots. */
export interface ComponentChange {
  id: string;
  kind: Kind;
  state: 'down' | 'up' | 'unknown';
  /** The sources that say so: for `down` and `unknown` those that see it so now; for `up`, those that had it down. */
  sources: string[];
  /** Every source's reason, for a `down`. */
  reason?: string;
}

export interface HealthChange {
  service: string;
  before: Status;
  after: Status;
}

/**
 * What the message line says when live data changes a service's health: the widest component
 * that changed the way the health went, how many others changed with it, and every service whose
 * status moved. `outage` when some service got worse, else `recovery`.
 */
export interface Announcement {
  tone: 'outage' | 'recovery';
  lead: ComponentChange;
  /** The other changes in the lead's direction (25,000 VMs under a zone are "and 25,000 more"). */
  more: number;
  services: HealthChange[];
}

const worse: Record<Status, number> = {OK: 0, DEGRADED: 1, DOWN: 2};

/**
 * The announcement for one live change, or undefined when no service changed status (a VM of
 * four behind an LB going down is news for the events pane, not for the message line). Services
 * are listed in the order of `after`, the model's.
 */
export function announcement(
  before: ReadonlyMap<string, Status>,
  after: ReadonlyMap<string, Status>,
  changes: readonly ComponentChange[],
): Announcement | undefined {
  if (changes.length === 0) return undefined;
  const services: HealthChange[] = [];
  for (const [service, now] of after) {
    const was = before.get(service);
    if (was !== undefined && was !== now) services.push({service, before: was, after: now});
  }
  if (services.length === 0) return undefined;
  const tone = services.some((s) => worse[s.after] > worse[s.before]) ? 'outage' : 'recovery';
  // An outage is led by what went down (or out of sight), a recovery by what came back; a
  // change against the grain (one VM up while its zone goes down) is not the headline.
  const along = changes.filter((c) => (tone === 'outage' ? c.state !== 'up' : c.state === 'up'));
  const candidates = along.length > 0 ? along : changes;
  const lead = candidates.reduce((best, c) =>
    (kindRank[c.kind] - kindRank[best.kind] || compareIds(c.id, best.id)) < 0 ? c : best,
  );
  return {tone, lead, more: candidates.length - 1, services};
}
