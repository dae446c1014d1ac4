import type {Snapshot} from './analyze.js';
import {
  entryServed,
  failoversOf,
  lbCapacity,
  statusOf,
  tidy,
  withDependencies,
  type TargetState,
} from './capacity.js';
import type {Component, Model, Service} from './model.js';
import {blastRadius, isFailable} from './propagate.js';
import type {Kind} from './schema.js';

/** What one component's failure alone does, from the snapshot's state: only the services it changes. */
export interface ComponentEffect {
  id: string;
  kind: Kind;
  /** How many components fail with it (itself included), not counting those already down. */
  radius: number;
  /** Service id → served after; services left untouched are absent. */
  after: Map<string, number>;
}

export interface Tolerance {
  survives: boolean;
  full: boolean;
  worstPercent: number;
}

export type ToleranceKind = 'vm' | 'router' | 'account' | 'lb' | 'zone' | 'site' | 'gslb';
export const toleranceKinds: readonly ToleranceKind[] = [
  'vm',
  'router',
  'account',
  'lb',
  'zone',
  'site',
];

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
 * The N-1 sweep (DESIGN §3) without one re-analysis per component. Each failable component's
 * blast radius is its descendants in the containment order (zone/account → router → VM/LB), so
 * all radii together are linear in the topology; from a radius, only the load balancers, GSLB
 * targets and services it touches are re-evaluated, against the baseline of the snapshot.
 */
export function sweep(model: Model, base: Snapshot, options: {includeGslb?: boolean} = {}): Sweep {
  const includeGslb = options.includeGslb ?? false;
  const evaluator = new Incremental(model, base);
  const effects: ComponentEffect[] = [];
  for (const component of model.components.values()) {
    if (!isFailable(component, includeGslb)) continue;
    effects.push(evaluator.effectOf(component));
  }
  return {effects, services: summarize(model, base, effects, includeGslb)};
}

class Incremental {
  private readonly memberSum = new Map<string, number>();
  private readonly orderIndex = new Map<string, number>();

  constructor(
    private readonly model: Model,
    private readonly base: Snapshot,
  ) {
    for (const lb of model.loadBalancers) {
      let sum = 0;
      for (const member of lb.members) sum += base.evaluation.vm.get(member)!;
      this.memberSum.set(lb.id, sum);
    }
    model.serviceOrder.forEach((service, index) => this.orderIndex.set(service.id, index));
  }

  effectOf(component: Component): ComponentEffect {
    const {model, base} = this;
    const newlyDown = new Set<string>();
    for (const id of blastRadius(model, component.id)) if (!base.down.has(id)) newlyDown.add(id);
    const effect: ComponentEffect = {
      id: component.id,
      kind: component.kind,
      radius: newlyDown.size,
      after: new Map(),
    };
    if (newlyDown.size === 0) return effect;

    // Capacity removed from each load balancer by members that fail with the component.
    const removed = new Map<string, number>();
    const changedRefs = new Set<string>();
    for (const id of newlyDown) {
      const kind = model.components.get(id)!.kind;
      if (kind === 'vm') {
        changedRefs.add(id);
        const capacity = base.evaluation.vm.get(id)!;
        for (const lb of model.lbsOfVm.get(id) ?? []) {
          removed.set(lb, (removed.get(lb) ?? 0) + capacity);
          changedRefs.add(lb);
        }
      } else if (kind === 'lb' || kind === 'site' || kind === 'gslb') changedRefs.add(id);
    }
    const isDown = (id: string) => newlyDown.has(id) || base.down.has(id);
    const targetState = (ref: string): TargetState => {
      const target = model.components.get(ref)!;
      if (newlyDown.has(ref)) return {capacity: 0, up: false};
      const up = !base.down.has(ref);
      if (target.kind === 'lb' && removed.has(ref))
        return {
          capacity: lbCapacity(target, this.memberSum.get(ref)! - removed.get(ref)!, !up),
          up,
        };
      const capacity =
        base.evaluation.vm.get(ref) ??
        base.evaluation.lb.get(ref) ??
        base.evaluation.site.get(ref) ??
        0;
      return {capacity, up};
    };

    const touched = new Set<string>();
    for (const ref of changedRefs) {
      for (const service of model.servicesOfEntry.get(ref) ?? []) touched.add(service);
      for (const gslb of model.gslbsOfTarget.get(ref) ?? [])
        for (const service of model.servicesOfEntry.get(gslb) ?? []) touched.add(service);
    }
    if (touched.size === 0) return effect;
    // Dependents follow their dependencies; evaluate in dependency order.
    const queue = [...touched];
    while (queue.length > 0) {
      for (const dependent of model.dependents.get(queue.pop()!) ?? []) {
        if (!touched.has(dependent)) {
          touched.add(dependent);
          queue.push(dependent);
        }
      }
    }
    const ordered = [...touched].sort((a, b) => this.orderIndex.get(a)! - this.orderIndex.get(b)!);
    const failovers = failoversOf(base.state);
    const served = new Map<string, number>();
    const servedOf = {
      get: (id: string) => served.get(id) ?? base.evaluation.served.get(id),
    } as ReadonlyMap<string, number>;
    for (const id of ordered) {
      const service = model.components.get(id) as Service;
      const entry = entryServed(model, service, targetState, isDown, failovers);
      const after = withDependencies(model, service, entry, servedOf);
      served.set(id, after);
      if (after !== base.evaluation.served.get(id)) effect.after.set(id, after);
    }
    return effect;
  }
}

function summarize(model: Model, base: Snapshot, effects: ComponentEffect[], includeGslb: boolean) {
  const kinds = includeGslb ? [...toleranceKinds, 'gslb' as const] : toleranceKinds;
  const counts = new Map<Kind, number>();
  for (const effect of effects) counts.set(effect.kind, (counts.get(effect.kind) ?? 0) + 1);
  const result = new Map<string, ServiceSweep>();
  for (const service of model.services) {
    const before = base.evaluation.served.get(service.id)!;
    const statusBefore = statusOf(service, before);
    const tolerance: Partial<Record<ToleranceKind, Tolerance>> = {};
    for (const kind of kinds) {
      const none = (counts.get(kind) ?? 0) === 0;
      tolerance[kind] = none
        ? {survives: true, full: true, worstPercent: 100}
        : {
            survives: statusBefore !== 'DOWN',
            full: true,
            worstPercent: percentOf(before, service.demand),
          };
    }
    result.set(service.id, {spof: [], weak: [], tolerance});
  }
  for (const effect of effects) {
    for (const [serviceId, after] of effect.after) {
      const service = model.components.get(serviceId) as Service;
      const entry = result.get(serviceId)!;
      const before = base.evaluation.served.get(serviceId)!;
      const statusAfter = statusOf(service, after);
      const tolerance = entry.tolerance[effect.kind as ToleranceKind];
      if (tolerance) {
        if (after < before) tolerance.full = false;
        if (statusAfter === 'DOWN') tolerance.survives = false;
        tolerance.worstPercent = Math.min(tolerance.worstPercent, percentOf(after, service.demand));
      }
      if (after >= before) continue;
      if (statusAfter === 'DOWN' && statusOf(service, before) !== 'DOWN')
        entry.spof.push(effect.id);
      else if (statusAfter !== 'DOWN') entry.weak.push(effect.id);
    }
  }
  const order = (id: string) => kindRank[model.components.get(id)!.kind];
  for (const entry of result.values()) {
    entry.spof.sort((a, b) => order(a) - order(b));
    entry.weak.sort((a, b) => order(a) - order(b));
  }
  return result;
}

const kindRank: Record<Kind, number> = {
  zone: 0,
  site: 1,
  account: 2,
  router: 3,
  lb: 4,
  gslb: 5,
  vm: 6,
  service: 7,
};

export function percentOf(served: number, demand: number): number {
  if (demand <= 0) return 100;
  return Math.floor(tidy((100 * served) / demand));
}
