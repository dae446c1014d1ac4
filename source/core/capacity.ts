import {containmentOf, finder} from './containment.js';
import type {Gslb, LoadBalancer, Model, Service, Vm} from './model.js';
import type {FailureState} from './state.js';

export type Status = 'OK' | 'DEGRADED' | 'DOWN';

/** Amounts are kept to a millionth so that an even split of 1000 over 3 adds back to 1000. */
export function tidy(amount: number): number {
  return Math.round(amount * 1e6) / 1e6;
}

export function statusOf(service: Service, served: number): Status {
  // Served amounts are kept to a millionth (tidy), so compare at that precision.
  if (served >= service.demand - 5e-7) return 'OK';
  if (service.minimum !== undefined ? served < service.minimum : served <= 0) return 'DOWN';
  return 'DEGRADED';
}

export interface Failovers {
  promoted: ReadonlySet<string>;
  forced: ReadonlyMap<string, string>;
}

export function failoversOf(state: FailureState): Failovers {
  return {promoted: state.promoted, forced: state.forced};
}

export function vmCapacity(vm: Vm, down: boolean, failovers: Failovers): number {
  return !down && (vm.role === 'active' || failovers.promoted.has(vm.id)) ? vm.capacity : 0;
}

export function lbCapacity(lb: LoadBalancer, memberSum: number, down: boolean): number {
  return down ? 0 : Math.min(lb.limit ?? Infinity, memberSum);
}

/** What a GSLB target looks like from the GSLB: its capacity and whether its health check passes. */
export interface TargetState {
  capacity: number;
  up: boolean;
}

/** A GSLB target's capacity in an evaluation: whichever of VM, LB or site the id is. */
export function capacityIn(
  evaluation: Pick<Evaluation, 'vm' | 'lb' | 'site'>,
  ref: string,
): number {
  return evaluation.vm.get(ref) ?? evaluation.lb.get(ref) ?? evaluation.site.get(ref) ?? 0;
}

/** Targets as they stand in an evaluated state (a snapshot). */
export function targetStateIn(state: {
  evaluation: Pick<Evaluation, 'vm' | 'lb' | 'site'>;
  down: {has(id: string): boolean};
}): (ref: string) => TargetState {
  return (ref) => ({capacity: capacityIn(state.evaluation, ref), up: !state.down.has(ref)});
}

/** Each target of a GSLB as its health check sees it: state and whether the check passes. */
export function gslbTargets(
  model: Model,
  gslb: Gslb,
  targetState: (ref: string) => TargetState,
): {states: TargetState[]; healthy: boolean[]} {
  const states = gslb.targets.map((t) => targetState(t.ref));
  const healthy = states.map((s, i) =>
    targetHealthy(gslb, model.components.get(gslb.targets[i]!.ref)!.kind, s),
  );
  return {states, healthy};
}

/** What a GSLB can send traffic to: the capacity of the targets its health check passes. */
export function gslbCapacity(
  model: Model,
  gslb: Gslb,
  targetState: (ref: string) => TargetState,
): number {
  const {states, healthy} = gslbTargets(model, gslb, targetState);
  return states.reduce((sum, state, i) => sum + (healthy[i] ? state.capacity : 0), 0);
}

export function targetHealthy(gslb: Gslb, kind: string, target: TargetState): boolean {
  // A TCP check sees the load balancer answer, not the members behind it.
  if (gslb.healthCheck.type === 'tcp' && kind === 'lb') return target.up;
  return target.up && target.capacity > 0;
}

/**
 * The order in which a GSLB's targets take traffic (docs/semantics.md, GSLB): the first group with a
 * healthy target gets all of it. A weight-0 target is drained: it gets no share while a target
 * of positive weight is healthy, so weight-0 targets come after all the others. Failover then
 * goes by priority (best first), within weight > 0 and within weight 0; the other policies have
 * one group each. This is the one place weight 0 is given its meaning.
 */
export function gslbLevels(gslb: Gslb): readonly (readonly number[])[] {
  let levels = levelsOf.get(gslb);
  if (!levels) levelsOf.set(gslb, (levels = levelsFor(gslb)));
  return levels;
}

// The levels depend on the GSLB's settings only; every evaluation of every state reads them.
const levelsOf = new WeakMap<Gslb, number[][]>();

function levelsFor(gslb: Gslb): number[][] {
  const all = gslb.targets.map((_, index) => index);
  const weighted = all.filter((index) => gslb.targets[index]!.weight > 0);
  const drained = all.filter((index) => gslb.targets[index]!.weight <= 0);
  const byPriority = (group: number[]): number[][] => {
    if (gslb.policy !== 'failover') return [group];
    const levels = new Map<number, number[]>();
    for (const index of group) {
      const priority = gslb.targets[index]!.priority;
      const level = levels.get(priority);
      if (level) level.push(index);
      else levels.set(priority, [index]);
    }
    return [...levels].sort((a, b) => a[0] - b[0]).map(([, level]) => level);
  };
  return [...byPriority(weighted), ...byPriority(drained)].filter((level) => level.length > 0);
}

/** The share of demand each target gets and what it serves (docs/semantics.md, GSLB). */
export function gslbShares(
  gslb: Gslb,
  demand: number,
  targets: readonly TargetState[],
  healthy: readonly boolean[],
  forced?: string,
): number[] {
  const shares = targets.map(() => 0);
  let chosen: number[] = [];
  const forcedIndex = forced === undefined ? -1 : gslb.targets.findIndex((t) => t.ref === forced);
  // A forced target is the operator's choice: it takes all, whatever its weight.
  if (forcedIndex >= 0 && healthy[forcedIndex]) chosen = [forcedIndex];
  else
    for (const level of gslbLevels(gslb)) {
      chosen = level.filter((index) => healthy[index]);
      if (chosen.length > 0) break;
    }
  if (chosen.length === 0) return shares;
  const byWeight = gslb.policy !== 'round-robin' && chosen.length > 1;
  const totalWeight = byWeight
    ? chosen.reduce((sum, index) => sum + gslb.targets[index]!.weight, 0)
    : 0;
  for (const index of chosen) {
    // Weight-0 targets only share among themselves (gslbLevels): evenly.
    shares[index] =
      byWeight && totalWeight > 0
        ? (demand * gslb.targets[index]!.weight) / totalWeight
        : demand / chosen.length;
  }
  return shares;
}

export function gslbServed(shares: readonly number[], targets: readonly TargetState[]): number {
  let served = 0;
  shares.forEach((share, index) => (served += Math.min(share, targets[index]!.capacity)));
  return served;
}

/** Capacities of everything in a state: the full evaluation, linear in the topology. */
export interface Evaluation {
  /** Each VM's capacity, in the model's order (read by id, as a map). */
  vm: VmCapacities;
  lb: Map<string, number>;
  site: Map<string, number>;
  /** Entry capacity for each service: what its entry serves of its demand, before dependencies. */
  entry: Map<string, number>;
  served: Map<string, number>;
}

export function evaluate(
  model: Model,
  down: ReadonlySet<string> | Map<string, unknown>,
  failovers: Failovers,
): Evaluation {
  const isDown = (id: string) => down.has(id);
  // Each VM's capacity by its place in the model's list: a load balancer sums its members by
  // place, and the VMs down are marked by place from the (smaller) down list, so a state at 100k
  // VMs makes no map of VMs and looks up no VM id (a zone down is 25k ids, not 100k lookups).
  const places = placesOf(model);
  const {members, place} = places;
  const vms = new Float64Array(model.vms.length);
  const vmDown = new Uint8Array(model.vms.length);
  for (const id of down.keys()) {
    const at = place(id);
    if (at !== undefined) vmDown[at] = 1;
  }
  for (let at = 0; at < model.vms.length; at++)
    vms[at] = vmCapacity(model.vms[at]!, vmDown[at] === 1, failovers);
  const vm = new VmCapacities(places, vms);
  const lb = new Map<string, number>();
  model.loadBalancers.forEach((l, at) => {
    let sum = 0;
    const memberPlaces = members[at]!;
    for (let k = 0; k < memberPlaces.length; k++) {
      const memberAt = memberPlaces[k]!;
      // A member that is no VM of the model reads as undefined, as a lookup would.
      sum += memberAt >= 0 ? vms[memberAt]! : Number.NaN;
    }
    lb.set(l.id, lbCapacity(l, sum, isDown(l.id)));
  });
  const site = new Map<string, number>();
  for (const s of model.sites) site.set(s.id, isDown(s.id) ? 0 : s.capacity);
  const targetState = (ref: string): TargetState => ({
    capacity: capacityIn({vm, lb, site}, ref),
    up: !isDown(ref),
  });
  const entry = new Map<string, number>();
  const served = new Map<string, number>();
  for (const service of model.serviceOrder) {
    const e = entryServed(model, service, targetState, isDown, failovers);
    entry.set(service.id, e);
    served.set(service.id, withDependencies(model, service, e, served));
  }
  return {vm, lb, site, entry, served};
}

const placeLists = new WeakMap<readonly string[], Int32Array>();

/**
 * What the VMs `vms` (a list the model holds, such as a router's) carry together in an
 * evaluation, added in the list's order; an id that is no VM adds nothing. Read by place: a
 * zone's sum at 100k VMs is 25k array reads, not 25k lookups by id.
 */
export function vmCapacitySum(
  model: Model,
  evaluation: Pick<Evaluation, 'vm'>,
  vms: readonly string[],
): number {
  let sum = 0;
  const inOrder = evaluation.vm.capacities;
  let places = placeLists.get(vms);
  if (places === undefined) {
    const {place} = placesOf(model);
    placeLists.set(vms, (places = Int32Array.from(vms, (id) => place(id) ?? -1)));
  }
  for (let k = 0; k < places.length; k++) {
    const at = places[k]!;
    if (at >= 0) sum += inOrder[at]!;
  }
  return sum;
}

interface Places {
  /** Each VM's place in `model.vms`, by id; undefined for any other id. */
  place: (id: string) => number | undefined;
  ids: readonly string[];
  /** Of each load balancer (by place), each member's place in `model.vms`, or -1. */
  members: Int32Array[];
}

const placesByModel = new WeakMap<Model, Places>();

/**
 * Where each VM sits in the model's list, read through the containment index (which numbers
 * every component once per model, and which any failure needs): no second map of 100k ids.
 */
function placesOf(model: Model): Places {
  let places = placesByModel.get(model);
  if (places) return places;
  const {ids: all, index} = containmentOf(model);
  const placeOf = new Int32Array(all.length).fill(-1);
  const vms = finder(all, index);
  const ids = model.vms.map((v, at) => {
    const i = vms(v.id);
    if (i !== undefined) placeOf[i] = at;
    return v.id;
  });
  const members = finder(all, index);
  const memberPlace = (id: string) => {
    const i = members(id);
    return i === undefined ? -1 : placeOf[i]!;
  };
  places = {
    place: (id) => {
      const i = index.get(id);
      const at = i === undefined ? -1 : placeOf[i]!;
      return at >= 0 ? at : undefined;
    },
    ids,
    members: model.loadBalancers.map((l) => Int32Array.from(l.members, memberPlace)),
  };
  placesByModel.set(model, places);
  return places;
}

/**
 * The VMs' capacities of one state, read as a map from VM id in the model's order: an array by
 * place beside the model's one index of places, so no state builds a map of 100k entries.
 */
export class VmCapacities implements ReadonlyMap<string, number> {
  constructor(
    private readonly places: Places,
    /** By place in `model.vms`. */
    readonly capacities: Float64Array,
  ) {}

  get size(): number {
    return this.capacities.length;
  }

  get(id: string): number | undefined {
    const at = this.places.place(id);
    return at === undefined ? undefined : this.capacities[at];
  }

  has(id: string): boolean {
    return this.places.place(id) !== undefined;
  }

  *entries(): MapIterator<[string, number]> {
    const {ids} = this.places;
    for (let at = 0; at < ids.length; at++) yield [ids[at]!, this.capacities[at]!];
  }

  *keys(): MapIterator<string> {
    yield* this.places.ids;
  }

  *values(): MapIterator<number> {
    yield* this.capacities;
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }

  forEach(
    callback: (value: number, key: string, map: ReadonlyMap<string, number>) => void,
    thisArg?: unknown,
  ): void {
    for (const [id, capacity] of this.entries()) callback.call(thisArg, capacity, id, this);
  }
}

export function entryServed(
  model: Model,
  service: Service,
  targetState: (ref: string) => TargetState,
  isDown: (id: string) => boolean,
  failovers: Failovers,
): number {
  const entry = model.components.get(service.entry)!;
  if (entry.kind === 'gslb') {
    if (isDown(entry.id)) return 0;
    const {states, healthy} = gslbTargets(model, entry, targetState);
    return gslbEntryServed(entry, service.demand, states, healthy, failovers);
  }
  return directEntryServed(service, targetState(entry.id));
}

/** What a live GSLB entry serves of `demand`, its targets as its health check sees them. */
export function gslbEntryServed(
  gslb: Gslb,
  demand: number,
  states: readonly TargetState[],
  healthy: readonly boolean[],
  failovers: Failovers,
): number {
  const shares = gslbShares(gslb, demand, states, healthy, failovers.forced.get(gslb.id));
  return tidy(gslbServed(shares, states));
}

/** What a load balancer or VM entry serves of the service's demand. */
export function directEntryServed(service: Service, entry: TargetState): number {
  return tidy(Math.min(service.demand, entry.capacity));
}

export function withDependencies(
  model: Model,
  service: Service,
  entry: number,
  served: ReadonlyMap<string, number>,
): number {
  let result = entry;
  for (const [index, id] of service.dependsOn.entries()) {
    // A dependency named twice is one dependency: it scales what is served once.
    if (service.dependsOn.indexOf(id) !== index) continue;
    const dependency = model.components.get(id) as Service;
    if (dependency.demand > 0) result *= Math.min(1, (served.get(id) ?? 0) / dependency.demand);
  }
  return tidy(result);
}

/** The targets a GSLB sends traffic to in an evaluated state (docs/dashboard.md: the tree marks them). */
export function activeTargets(
  model: Model,
  gslb: Gslb,
  state: {evaluation: Pick<Evaluation, 'vm' | 'lb' | 'site'>; down: {has(id: string): boolean}},
  forced: ReadonlyMap<string, string>,
): string[] {
  if (state.down.has(gslb.id)) return [];
  const {states, healthy} = gslbTargets(model, gslb, targetStateIn(state));
  const shares = gslbShares(gslb, 1, states, healthy, forced.get(gslb.id));
  return gslb.targets.filter((_, i) => shares[i]! > 0).map((target) => target.ref);
}
