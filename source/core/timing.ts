import type {Snapshot} from './analyze.js';
import {
  gslbServed,
  gslbShares,
  gslbTargets,
  targetStateIn,
  tidy,
  type TargetState,
} from './capacity.js';
import type {Gslb, Model, Service} from './model.js';

/**
 * How long a DNS-based GSLB takes to move traffic off a dead target (docs/semantics.md):
 * detection after interval × threshold failed checks (up to one interval more), then
 * clients follow after the TTL. A manual failover skips detection.
 */
export interface FailoverTiming {
  gslb: string;
  detectS: number;
  ttlS: number;
  totalS: number;
  /** What the GSLB serves once traffic has moved after losing its worst single target. */
  capacityAfter: number;
}

function detectionOf(gslb: Gslb) {
  const detectS = gslb.healthCheck.intervalS * gslb.healthCheck.threshold;
  return {detectS, totalS: detectS + gslb.ttlS};
}

export function gslbInFront(model: Model, service: Service): Gslb | undefined {
  const entry = model.components.get(service.entry);
  return entry?.kind === 'gslb' ? entry : undefined;
}

/** Timing for the GSLB in front of a service, in the snapshot's state. */
export function failoverTimings(model: Model, snap: Snapshot, service: Service): FailoverTiming[] {
  const gslb = gslbInFront(model, service);
  if (!gslb) return [];
  // Each target's state is read once; the losses below change one target at a time.
  const read = targetStateIn(snap);
  const states = new Map<string, TargetState>();
  const stateOf = (ref: string): TargetState => {
    let state = states.get(ref);
    if (!state) states.set(ref, (state = read(ref)));
    return state;
  };
  const now = gslbTargets(model, gslb, stateOf);
  const forced = snap.state.forced.get(gslb.id);
  const shares = gslbShares(gslb, service.demand, now.states, now.healthy, forced);
  let capacityAfter = tidy(gslbServed(shares, now.states));
  shares.forEach((share, index) => {
    if (share <= 0) return;
    const dead = gslb.targets[index]!.ref;
    const lost = gslbTargets(model, gslb, (ref): TargetState =>
      ref === dead ? {capacity: 0, up: false} : stateOf(ref),
    );
    const moved = gslbShares(gslb, service.demand, lost.states, lost.healthy, forced);
    capacityAfter = Math.min(capacityAfter, tidy(gslbServed(moved, lost.states)));
  });
  return [{gslb: gslb.id, ...detectionOf(gslb), ttlS: gslb.ttlS, capacityAfter}];
}

/** The window after a failure, before a GSLB has moved traffic: traffic still follows the old shares. */
export interface FailoverWindow {
  gslb: string;
  service: string;
  detectS: number;
  totalS: number;
  /** Served while the GSLB still sends the dead targets their old share. */
  servedDuring: number;
  /** Served once traffic has moved (the steady state). */
  servedAfter: number;
  /** False when no healthy target is left to move the traffic to. */
  moves: boolean;
}

export function failoverWindows(
  model: Model,
  before: Snapshot,
  after: Snapshot,
  manual = false,
): FailoverWindow[] {
  return windowsBetween(
    model,
    model.gslbs.map((gslb) => gslb.id),
    {targets: targetStateIn(before), forced: before.state.forced},
    {targets: targetStateIn(after), forced: after.state.forced, isDown: (id) => after.down.has(id)},
    manual,
  );
}

/** How a GSLB's targets stand on one side of a change. */
export interface GslbSide {
  targets: (ref: string) => TargetState;
  forced: ReadonlyMap<string, string>;
}

/**
 * The windows a change opens on the given GSLBs: each service behind one whose traffic shares
 * change; during the window the old shares still apply to the new target states.
 */
export function windowsBetween(
  model: Model,
  gslbIds: Iterable<string>,
  before: GslbSide,
  after: GslbSide & {isDown: (id: string) => boolean},
  manual: boolean,
): FailoverWindow[] {
  const windows: FailoverWindow[] = [];
  for (const service of servicesBehind(model, gslbIds)) {
    const gslb = gslbInFront(model, service)!;
    if (after.isDown(gslb.id)) continue;
    const old = gslbTargets(model, gslb, before.targets);
    const oldShares = gslbShares(
      gslb,
      service.demand,
      old.states,
      old.healthy,
      before.forced.get(gslb.id),
    );
    const now = gslbTargets(model, gslb, after.targets);
    const newStates = now.states;
    const newShares = gslbShares(
      gslb,
      service.demand,
      newStates,
      now.healthy,
      after.forced.get(gslb.id),
    );
    if (oldShares.every((share, i) => Math.abs(share - newShares[i]!) < 1e-9)) continue;
    const timing = detectionOf(gslb);
    windows.push({
      gslb: gslb.id,
      service: service.id,
      detectS: manual ? 0 : timing.detectS,
      totalS: manual ? gslb.ttlS : timing.totalS,
      servedDuring: tidy(gslbServed(oldShares, newStates)),
      servedAfter: tidy(gslbServed(newShares, newStates)),
      moves: newShares.some((share) => share > 0),
    });
  }
  return windows;
}

interface Fronts {
  /** GSLB id → the services it is in front of. */
  behind: Map<string, Service[]>;
  /** Service → its place in the model's list. */
  place: Map<Service, number>;
}

const fronts = new WeakMap<Model, Fronts>();

function frontsOf(model: Model): Fronts {
  let found = fronts.get(model);
  if (found) return found;
  found = {behind: new Map(), place: new Map()};
  for (const [place, service] of model.services.entries()) {
    found.place.set(service, place);
    const gslb = gslbInFront(model, service);
    if (!gslb) continue;
    const list = found.behind.get(gslb.id);
    if (list) list.push(service);
    else found.behind.set(gslb.id, [service]);
  }
  fronts.set(model, found);
  return found;
}

/**
 * The services behind any of `gslbIds`, in the model's order: a change that touches a few GSLBs
 * reads only their services, not every service of the model.
 */
export function servicesBehind(model: Model, gslbIds: Iterable<string>): Service[] {
  const {behind, place} = frontsOf(model);
  const services: Service[] = [];
  for (const id of new Set(gslbIds))
    for (const service of behind.get(id) ?? []) services.push(service);
  return services.sort((a, b) => place.get(a)! - place.get(b)!);
}
