import {evaluate, failoversOf, statusOf, type Evaluation, type Status} from './capacity.js';
import type {Model} from './model.js';
import {describeCause, propagate, type Cause} from './propagate.js';
import {kindRank, type Kind} from './kinds.js';
import {failedIds, type FailureState} from './state.js';

/** One state, fully evaluated: what is down and why, and what every service serves. */
export interface Snapshot {
  state: FailureState;
  down: Map<string, Cause>;
  evaluation: Evaluation;
  status: Map<string, Status>;
}

/**
 * The last states evaluated, newest first: one memo per (model, state) for every caller, so the
 * screen, the failover windows and the what-ifs of one state share one analysis. A state is
 * matched by what decides its snapshot (what failed, what was promoted, where traffic was
 * forced), so the state before an action, rebuilt by a what-if or a window, is not analysed
 * again. A few only: at 100k VMs a snapshot weighs megabytes, and every undo entry holds a state.
 */
const recent: {model: Model; key: string; snap: Snapshot}[] = [];
const kept = 3;

/** What a snapshot depends on, as one string: equal for states that evaluate alike. */
function stateKey(state: FailureState): string {
  const sorted = (ids: Iterable<string>) => [...ids].sort().join('\u0000');
  const forced = [...state.forced].map(([gslb, ref]) => `${gslb}\u0002${ref}`);
  return [sorted(failedIds(state)), sorted(state.promoted), sorted(forced)].join('\u0001');
}

export function snapshot(model: Model, state: FailureState): Snapshot {
  const same = recent.find((entry) => entry.snap.state === state && entry.model === model);
  if (same) return same.snap;
  const key = stateKey(state);
  const at = recent.findIndex((entry) => entry.key === key && entry.model === model);
  // The same evaluation, under the state asked about (its reasons and start times are its own).
  if (at >= 0) return {...recent[at]!.snap, state};
  const snap = evaluated(model, state);
  recent.unshift({model, key, snap});
  recent.length = Math.min(recent.length, kept);
  return snap;
}

function evaluated(model: Model, state: FailureState): Snapshot {
  const down = propagate(model, failedIds(state));
  const evaluation = evaluate(model, down, failoversOf(state));
  const status = new Map<string, Status>();
  for (const service of model.services)
    status.set(service.id, statusOf(service, evaluation.served.get(service.id)!));
  return {state, down, evaluation, status};
}

export interface DownEntry {
  id: string;
  kind: Kind;
  cause: string;
}

export interface ServiceChange {
  id: string;
  demand: number;
  before: number;
  after: number;
  status: Status;
  statusBefore: Status;
}

export interface Impact {
  failed: string[];
  down: DownEntry[];
  services: ServiceChange[];
}

/** What failing `ids` on top of `state` does: the blast radius with causes and every service before → after. */
export function impactOf(
  model: Model,
  state: FailureState,
  ids: readonly string[],
  before?: Snapshot,
): Impact {
  const base = before ?? snapshot(model, state);
  const failed = [...new Set(ids)];
  const after = snapshot(model, {...state, simulated: new Set([...state.simulated, ...failed])});
  return compare(model, failed, base, after);
}

/** The impact between two evaluated states, for callers that hold both already. */
export function compare(model: Model, failed: string[], base: Snapshot, after: Snapshot): Impact {
  const down: DownEntry[] = [];
  for (const [id, cause] of after.down) {
    if (base.down.has(id)) continue;
    down.push({id, kind: model.components.get(id)!.kind, cause: describeCause(cause)});
  }
  down.sort((a, b) => kindRank[a.kind] - kindRank[b.kind]);
  const services = model.services.map((service) => ({
    id: service.id,
    demand: service.demand,
    before: base.evaluation.served.get(service.id)!,
    after: after.evaluation.served.get(service.id)!,
    status: after.status.get(service.id)!,
    statusBefore: base.status.get(service.id)!,
  }));
  return {failed, down, services};
}

/** Counts of a blast radius by kind, for "fails with it: 2 routers · 4 VMs · 1 LB". */
export function countByKind(down: readonly DownEntry[]): Partial<Record<Kind, number>> {
  const counts: Partial<Record<Kind, number>> = {};
  for (const entry of down) counts[entry.kind] = (counts[entry.kind] ?? 0) + 1;
  return counts;
}

/** How many services stand at each status: the "2 DOWN · 1 DEGRADED · 14 OK" of every screen. */
export function statusCounts(statuses: Iterable<Status>): Record<Status, number> {
  const counts: Record<Status, number> = {DOWN: 0, DEGRADED: 0, OK: 0};
  for (const status of statuses) counts[status]++;
  return counts;
}

/**
 * The services `serviceId` depends on that serve less than their demand in `snap`, when they
 * bring it below what its own entry serves: why a service is down though its servers are up.
 */
export function loweredThrough(model: Model, snap: Snapshot, serviceId: string): string[] {
  const service = model.components.get(serviceId);
  if (service?.kind !== 'service') return [];
  const own = snap.evaluation.entry.get(serviceId) ?? 0;
  if ((snap.evaluation.served.get(serviceId) ?? 0) >= own) return [];
  return service.dependsOn.filter((id) => {
    const dependency = model.components.get(id);
    return (
      dependency?.kind === 'service' &&
      dependency.demand > 0 &&
      (snap.evaluation.served.get(id) ?? 0) < dependency.demand
    );
  });
}
