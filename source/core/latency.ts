import {snapshot, type Snapshot} from './analyze.js';
import {gslbShares, gslbTargets, targetStateIn} from './capacity.js';
import {latencyKey, type Model, type Service} from './model.js';
import {withSimulated} from './state.js';

/** Where a service is served from in a state: zone or site → the share of its demand sent there. */
export type ServedFrom = ReadonlyMap<string, number>;

/** The latency of one dependency in a state (docs/semantics.md, Latency). */
export interface DependencyLatency {
  service: string;
  dependency: string;
  /** Largest round trip between a place serving the service and one serving the dependency; undefined: unknown. */
  ms: number | undefined;
  /** The places on each side, by share. */
  from: ServedFrom;
  to: ServedFrom;
  budgetMs?: number;
  /** Over its budget: the service is marked SLOW (its status is unchanged). */
  slow: boolean;
}

/** The place (zone or site) a GSLB target, an LB or a VM stands in. */
function placeOf(model: Model, ref: string): string | undefined {
  const component = model.components.get(ref);
  if (component?.kind === 'site') return component.id;
  if (component?.kind === 'lb' || component?.kind === 'vm') return component.zone;
  return undefined;
}

/**
 * The zones and sites that carry a service's traffic in a state: behind a GSLB, those of the
 * targets it sends a share to; else the entry's zone, while the entry serves. Nowhere when
 * nothing carries it.
 */
export function servedFrom(model: Model, snap: Snapshot, service: Service): ServedFrom {
  const places = new Map<string, number>();
  const entry = model.components.get(service.entry);
  if (!entry || snap.down.has(entry.id)) return places;
  if (entry.kind !== 'gslb') {
    const place = placeOf(model, entry.id);
    if (place !== undefined && (snap.evaluation.entry.get(service.id) ?? 0) > 0)
      places.set(place, 1);
    return places;
  }
  const {states, healthy} = gslbTargets(model, entry, targetStateIn(snap));
  const shares = gslbShares(entry, 1, states, healthy, snap.state.forced.get(entry.id));
  entry.targets.forEach((target, index) => {
    const place = placeOf(model, target.ref);
    if (place === undefined || shares[index]! <= 0) return;
    places.set(place, (places.get(place) ?? 0) + shares[index]!);
  });
  return places;
}

/** Round trip between two places: 0 within one, the file's figure, or undefined (unknown). */
export function latencyBetween(model: Model, a: string, b: string): number | undefined {
  return a === b ? 0 : model.latency.get(latencyKey(a, b));
}

/** Every dependency of every service in a state, with its latency and budget. */
export function dependencyLatencies(model: Model, snap: Snapshot): DependencyLatency[] {
  const from = new Map<string, ServedFrom>();
  const placesOf = (service: Service) => {
    let places = from.get(service.id);
    if (!places) from.set(service.id, (places = servedFrom(model, snap, service)));
    return places;
  };
  const result: DependencyLatency[] = [];
  for (const service of model.services)
    for (const id of new Set(service.dependsOn)) {
      const dependency = model.components.get(id) as Service;
      const mine = placesOf(service);
      const theirs = placesOf(dependency);
      const ms = largestLatency(model, mine, theirs);
      const budgetMs = service.maxLatencyMs?.get(id);
      const entry: DependencyLatency = {
        service: service.id,
        dependency: id,
        ms,
        from: mine,
        to: theirs,
        slow: budgetMs !== undefined && ms !== undefined && ms > budgetMs,
      };
      if (budgetMs !== undefined) entry.budgetMs = budgetMs;
      result.push(entry);
    }
  return result;
}

/** The largest round trip between the two sides; unknown when one pair is, or a side is empty. */
function largestLatency(model: Model, a: ServedFrom, b: ServedFrom): number | undefined {
  if (a.size === 0 || b.size === 0) return undefined;
  let largest = 0;
  for (const p of a.keys())
    for (const q of b.keys()) {
      const ms = latencyBetween(model, p, q);
      if (ms === undefined) return undefined;
      largest = Math.max(largest, ms);
    }
  return largest;
}

/** Services over a latency budget in a state: the ones shown SLOW. */
export function slowServices(latencies: readonly DependencyLatency[]): Set<string> {
  return new Set(latencies.filter((l) => l.slow).map((l) => l.service));
}

/** Whether the file speaks of latency at all: round trips given, or a budget set. */
export function speaksOfLatency(model: Model): boolean {
  return model.latency.size > 0 || model.services.some((s) => (s.maxLatencyMs?.size ?? 0) > 0);
}

const slowBySnapshot = new WeakMap<Snapshot, ReadonlySet<string>>();

/** The services over budget in a state, asked once per snapshot; none when the file has no latency. */
export function slowIn(model: Model, snap: Snapshot): ReadonlySet<string> {
  let slow = slowBySnapshot.get(snap);
  if (!slow) {
    slow = speaksOfLatency(model) ? slowServices(dependencyLatencies(model, snap)) : new Set();
    slowBySnapshot.set(snap, slow);
  }
  return slow;
}

/** A dependency whose latency a change raises, or that a change sends to other places. */
export interface LatencyChange {
  service: string;
  dependency: string;
  before: DependencyLatency;
  after: DependencyLatency;
}

const samePlaces = (a: ServedFrom, b: ServedFrom) =>
  a.size === b.size && [...a.keys()].every((place) => b.has(place));

/**
 * The dependencies whose places or latency differ between two states. A side served from
 * nowhere after is left out: a service that is DOWN, or calls one that is, has no round trip
 * to speak of (its status says it).
 */
export function latencyChanges(model: Model, before: Snapshot, after: Snapshot): LatencyChange[] {
  const old = dependencyLatencies(model, before);
  return dependencyLatencies(model, after).flatMap((now, index) => {
    const was = old[index]!;
    if (now.from.size === 0 || now.to.size === 0) return [];
    if (was.ms === now.ms && samePlaces(was.from, now.from) && samePlaces(was.to, now.to))
      return [];
    return [{service: now.service, dependency: now.dependency, before: was, after: now}];
  });
}

/**
 * The same changes read the other way: what a failure did, from what its return would do. As in
 * latencyChanges, a side served from nowhere once failed is left out (its status says it).
 */
export function reversed(changes: readonly LatencyChange[]): LatencyChange[] {
  return changes
    .filter((c) => c.before.from.size > 0 && c.before.to.size > 0)
    .map((c) => ({...c, before: c.after, after: c.before}));
}

/** A dependency over its budget once one zone or site has failed. */
export interface LatencyBreach {
  failed: string;
  latency: DependencyLatency;
}

/**
 * Each zone and site failed alone from the state: every dependency then over its budget. Only
 * dependencies with a budget are read, and none at all when the file gives no budget.
 */
export function latencyBreaches(model: Model, base: Snapshot): LatencyBreach[] {
  if (!model.services.some((service) => (service.maxLatencyMs?.size ?? 0) > 0)) return [];
  const breaches: LatencyBreach[] = [];
  for (const place of [...model.zones, ...model.sites]) {
    if (base.down.has(place.id)) continue;
    const after = snapshot(model, withSimulated(base.state, [place.id]));
    for (const latency of dependencyLatencies(model, after))
      if (latency.slow) breaches.push({failed: place.id, latency});
  }
  return breaches;
}

/** "KR-CB" or "KR-CA 50% + KR-CB 50%": a side of a dependency, by share. */
export function placesText(places: ServedFrom): string {
  if (places.size === 0) return 'nowhere';
  if (places.size === 1) return [...places.keys()][0]!;
  return [...places].map(([place, share]) => `${place} ${Math.round(share * 100)}%`).join(' + ');
}
