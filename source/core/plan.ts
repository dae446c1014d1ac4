import {snapshot, type Snapshot} from './analyze.js';
import {failover, type FailoverDone} from './failover.js';
import {slowIn} from './latency.js';
import type {Model} from './model.js';
import {compareIds} from './order.js';

/** One failover available now and what it would change. */
export interface PlanEntry {
  /** The component the failover is done on (`o` on it does the same). */
  id: string;
  done: FailoverDone;
  /** Services it changes, current → after, in the topology's order. */
  changes: {service: string; before: number; after: number}[];
  /** Total served gained over every service. */
  restores: number;
  /** Some service would serve less. */
  lowers: boolean;
  /**
   * Services it would put over a latency budget (SLOW), in the topology's order: a standby
   * promoted in another zone serves, but its callers wait longer for it.
   */
  slows: string[];
}

/**
 * Every failover available now that restores something, the most restoring first (docs/dashboard.md, `p`):
 * promoting each standby VM on its own, and moving each GSLB to its best healthy target.
 */
export function failoverPlan(model: Model, now: Snapshot): PlanEntry[] {
  const candidates = [
    ...model.vms.filter((vm) => vm.role === 'standby').map((vm) => vm.id),
    ...model.gslbs.map((gslb) => gslb.id),
  ];
  const entries: PlanEntry[] = [];
  const slowNow = slowIn(model, now);
  for (const id of candidates) {
    const done = failover(model, now, id);
    // A GSLB with no healthy target promotes the standbys behind it: listed once, as each VM.
    if (!done.ok || (model.components.get(id)?.kind === 'gslb' && done.kind !== 'gslb')) continue;
    const after = snapshot(model, done.state);
    const changes = model.services
      .map((service) => ({
        service: service.id,
        before: now.evaluation.served.get(service.id)!,
        after: after.evaluation.served.get(service.id)!,
      }))
      .filter((change) => change.after !== change.before);
    const restores = changes.reduce((sum, c) => sum + c.after - c.before, 0);
    if (restores <= 1e-6) continue;
    const slowAfter = slowIn(model, after);
    const slows = model.services
      .filter((service) => slowAfter.has(service.id) && !slowNow.has(service.id))
      .map((service) => service.id);
    const lowers = changes.some((c) => c.after < c.before);
    entries.push({id, done, changes, restores, lowers, slows});
  }
  return entries.sort((a, b) => b.restores - a.restores || compareIds(a.id, b.id));
}
