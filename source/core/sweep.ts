import {kindsUsed} from './kinds-used.js';
import type {Snapshot} from './analyze.js';
import {statusOf, tidy} from './capacity.js';
import {containmentOf} from './containment.js';
import {incrementalOf} from './incremental.js';
import {layoutOf} from './model-layout.js';
import type {Component, Model} from './model.js';
import {
  kindRank,
  kinds as allKinds,
  toleranceKinds,
  type Kind,
  type ToleranceKind,
} from './kinds.js';

/** What one component's failure alone does, from the snapshot's state: only the services it changes. */
export interface ComponentEffect {
  id: string;
  kind: Kind;
  /** How many components fail with it (itself included), not counting those already down. */
  radius: number;
  /** Service id → served after; services left untouched are absent. Shared between effects: read only. */
  after: ReadonlyMap<string, number>;
}

export interface Tolerance {
  survives: boolean;
  full: boolean;
  worstPercent: number;
}

export type {ToleranceKind};
export {toleranceKinds};

export interface ServiceSweep {
  spof: string[];
  weak: string[];
  tolerance: Partial<Record<ToleranceKind, Tolerance>>;
}

export interface Sweep {
  effects: ComponentEffect[];
  services: Map<string, ServiceSweep>;
}

/**
 * The N-1 sweep (docs/semantics.md) without one re-analysis per component. Each failable component's
 * blast radius is its descendants in the containment order (zone/account → router → VM/LB), so
 * all radii together are linear in the topology; from a radius, only the load balancers, GSLB
 * targets and services it touches are re-evaluated, against the baseline of the snapshot.
 */
export function sweep(model: Model, base: Snapshot, options: {includeGslb?: boolean} = {}): Sweep {
  const includeGslb = options.includeGslb ?? false;
  const evaluator = incrementalOf(model, base);
  const effects: ComponentEffect[] = [];
  const layout = layoutOf(model);
  // Widest kinds first, so every SPOF and weak-point list comes out in display order.
  const byKind: ReadonlyArray<[readonly Component[], Int32Array]> = [
    [model.zones, layout.zoneAt],
    [model.sites, layout.siteAt],
    [model.accounts, layout.accountAt],
    [model.routers, layout.routerAt],
    [model.loadBalancers, layout.lbAt],
    [model.gslbs, layout.gslbAt],
    [model.vms, layout.vmAt],
  ];
  const {kinds} = layout;
  const failable = includeGslb ? layout.failableWithGslb : layout.failable;
  // Ids and kinds from the layout's arrays: the component objects themselves stay unread.
  const {ids} = containmentOf(model);
  for (const [components, at] of byKind)
    for (let k = 0; k < components.length; k++) {
      const i = at[k]!;
      if (failable[i] === 0) continue;
      const after = evaluator.afterAt(i);
      effects.push({id: ids[i]!, kind: kinds[i]!, radius: evaluator.radius, after});
    }
  return {effects, services: summarize(model, base, effects, includeGslb)};
}

/** Effect kinds as slots of the per-service tallies: each kind's rank. */
const slotOf = kindRank;
const slots = allKinds.length;

/** One `after` map read once: service places, served after, and whether that is DOWN. */
interface Digest {
  places: Int32Array;
  after: Float64Array;
  down: Uint8Array;
}

function summarize(
  model: Model,
  base: Snapshot,
  effects: ComponentEffect[],
  includeGslb: boolean,
): Map<string, ServiceSweep> {
  const kinds = includeGslb ? [...toleranceKinds, 'gslb' as const] : toleranceKinds;
  const services = model.services;
  const placeOf = new Map<string, number>();
  services.forEach((service, place) => placeOf.set(service.id, place));
  const before = Float64Array.from(services, (s) => base.evaluation.served.get(s.id)!);
  const downBefore = Uint8Array.from(services, (s, place) =>
    statusOf(s, before[place]!) === 'DOWN' ? 1 : 0,
  );
  const spof = services.map((): string[] => []);
  const weak = services.map((): string[] => []);
  // Per service and kind: how many components change it, the lowest it serves after one, and
  // whether one takes it DOWN.
  const ofKind = new Int32Array(slots);
  const count = new Int32Array(services.length * slots);
  const lowest = new Float64Array(services.length * slots).fill(Infinity);
  const down = new Uint8Array(services.length * slots);
  // Effects share their `after` maps (see Incremental.changeOf): each is read once.
  const digests = new Map<ReadonlyMap<string, number>, Digest>();
  const digestOf = (after: ReadonlyMap<string, number>): Digest => {
    const digest: Digest = {
      places: new Int32Array(after.size),
      after: new Float64Array(after.size),
      down: new Uint8Array(after.size),
    };
    let j = 0;
    for (const [serviceId, served] of after) {
      const place = placeOf.get(serviceId)!;
      digest.places[j] = place;
      digest.after[j] = served;
      digest.down[j] = statusOf(services[place]!, served) === 'DOWN' ? 1 : 0;
      j++;
    }
    digests.set(after, digest);
    return digest;
  };
  for (const effect of effects) {
    const slot = slotOf[effect.kind];
    ofKind[slot]!++;
    if (effect.after.size === 0) continue;
    const digest = digests.get(effect.after) ?? digestOf(effect.after);
    for (let j = 0; j < digest.places.length; j++) {
      const place = digest.places[j]!;
      const after = digest.after[j]!;
      const isDown = digest.down[j] === 1;
      const at = place * slots + slot;
      count[at]!++;
      lowest[at] = Math.min(lowest[at]!, after);
      if (isDown) down[at] = 1;
      if (after >= before[place]!) continue;
      if (isDown && downBefore[place] === 0) spof[place]!.push(effect.id);
      else if (!isDown) weak[place]!.push(effect.id);
    }
  }
  const result = new Map<string, ServiceSweep>();
  const used = kindsUsed(model);
  services.forEach((service, place) => {
    const tolerance: ServiceSweep['tolerance'] = {};
    for (const kind of kinds) {
      const slot = slotOf[kind];
      const total = ofKind[slot]!;
      // A kind the topology does not have, or the service does not stand on, is no failure it
      // could tolerate: not listed.
      if (total === 0 || !used.get(service.id)?.has(kind)) continue;
      const at = place * slots + slot;
      const changed = count[at]!;
      // Components of the kind that leave the service alone keep it where it was.
      const low = changed < total ? Math.min(lowest[at]!, before[place]!) : lowest[at]!;
      // A service DOWN now survives no failure, even one that would raise what it serves.
      const isDown = down[at] === 1 || downBefore[place] === 1;
      tolerance[kind] = {
        survives: !isDown,
        full: low >= before[place]!,
        worstPercent: percentOf(low, service.demand),
      };
    }
    result.set(service.id, {spof: spof[place]!, weak: weak[place]!, tolerance});
  });
  return result;
}

export function percentOf(served: number, demand: number): number {
  if (demand <= 0) return 100;
  return Math.floor(tidy((100 * served) / demand));
}
