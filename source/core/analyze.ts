import {evaluate, failoversOf, statusOf, type Evaluation, type Status} from './capacity.js';
import type {Model} from './model.js';
import {describeCause, propagate, type Cause} from './propagate.js';
import {keepWhere} from './kept.js';
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
 * The snapshots of the last few distinct states, by what decides them (see `stateKey`). A
 * what-if, a restore preview and the failover windows each ask again for a state the screen
 * has just evaluated (the state before an action, or the one now) under a new object; at 100k
 * VMs each pass is tens of milliseconds. Few are kept: each weighs megabytes at that size.
 */
const recent: {model: Model; key: string; snap: Snapshot}[] = [];
const keptSnapshots = 3;

/** What a snapshot depends on, in order (the order of failures decides equal-rank causes). */
function stateKey(state: FailureState): string {
  const part = (ids: Iterable<string>) => [...ids].join('\u0001');
  return [
    part(state.observed.keys()),
    part(state.simulated),
    part(state.promoted),
    part([...state.forced].map(([gslb, ref]) => `${gslb}\u0002${ref}`)),
  ].join('\u0000');
}

/** The snapshot of `state` when one of the same content was evaluated lately, else undefined. */
export function knownSnapshot(model: Model, state: FailureState, key = stateKey(state)) {
  const at = recent.findIndex((slot) => slot.model === model && slot.key === key);
  if (at < 0) return undefined;
  const [slot] = recent.splice(at, 1);
  recent.unshift(slot!);
  // The same answer, carrying the state it was asked for (its event times may differ).
  return slot!.snap.state === state ? slot!.snap : {...slot!.snap, state};
}

export function snapshot(model: Model, state: FailureState): Snapshot {
  const key = stateKey(state);
  const known = knownSnapshot(model, state, key);
  if (known) return known;
  let snap: Snapshot;
  if (ahead?.model === model && ahead.key === key) {
    snap = ahead.snap.state === state ? ahead.snap : {...ahead.snap, state};
    ahead = undefined;
  } else snap = evaluated(model, state);
  recent.unshift({model, key, snap});
  recent.length = Math.min(recent.length, keptSnapshots);
  return snap;
}

/**
 * Forgets the recent snapshots but those `wanted` holds to; see forget.ts. The one evaluated
 * ahead stays: it is the answer to the next key.
 */
export function keepSnapshots(wanted: (snap: Snapshot) => boolean): void {
  keepWhere(recent, (slot) => wanted(slot.snap));
}

/**
 * One snapshot worked out ahead of its asking, kept apart from the recent ones so that guessing
 * never pushes out a state the screen uses: the dashboard evaluates the state the selection's
 * failure would make while the screen is still, and `x` then finds it done.
 */
let ahead: {model: Model; key: string; snap: Snapshot} | undefined;

/** Evaluates `state` now, for a `snapshot` of it asked for later (see `ahead`). */
export function snapshotAhead(model: Model, state: FailureState): void {
  const key = stateKey(state);
  if (ahead?.model === model && ahead.key === key) return;
  if (recent.some((slot) => slot.model === model && slot.key === key)) return;
  ahead = {model, key, snap: evaluated(model, state)};
}

function statuses(model: Model, evaluation: Evaluation): Map<string, Status> {
  const status = new Map<string, Status>();
  for (const service of model.services)
    status.set(service.id, statusOf(service, evaluation.served.get(service.id)!));
  return status;
}

/** The state evaluated from nothing: every failure's blast radius, then every capacity. */
export function evaluated(model: Model, state: FailureState): Snapshot {
  const down = propagate(model, failedIds(state));
  const evaluation = evaluate(model, down, failoversOf(state));
  return {state, down, evaluation, status: statuses(model, evaluation)};
}

export interface DownEntry {
  id: string;
  kind: Kind;
  cause: string;
}

/**
 * What goes (or went) down with something: counted by kind at once, listed on demand. A zone's
 * list at 1M VMs is 250k entries; a panel shows its counts and its first few hundred.
 */
export interface DownList {
  readonly size: number;
  readonly byKind: Readonly<Partial<Record<Kind, number>>>;
  /** The first `n` entries, in the list's order. */
  first(n: number): DownEntry[];
}

/** Nothing down: what a panel or an action with no such list says. */
export const nothingDown: DownList = {size: 0, byKind: {}, first: () => []};

/** A list already made, as a DownList. */
export function downListOf(entries: readonly DownEntry[]): DownList {
  return {
    size: entries.length,
    byKind: countByKind(entries),
    first: (n) => entries.slice(0, n),
  };
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
  // A zone's list at 1M VMs is 250k entries, counted again each time its row is drawn.
  const known = counted.get(down);
  if (known) return {...known};
  const counts: Partial<Record<Kind, number>> = {};
  for (const entry of down) counts[entry.kind] = (counts[entry.kind] ?? 0) + 1;
  if (down.length >= 1000) counted.set(down, counts);
  return {...counts};
}

const counted = new WeakMap<readonly DownEntry[], Partial<Record<Kind, number>>>();

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
