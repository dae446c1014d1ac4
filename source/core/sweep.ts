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
import type {Component, LoadBalancer, Model, Service} from './model.js';
import {forEachInRadius, isFailable} from './propagate.js';
import type {Kind} from './schema.js';

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
  // Widest kinds first, so every SPOF and weak-point list comes out in display order.
  const byKind: readonly Component[][] = [
    model.zones,
    model.sites,
    model.accounts,
    model.routers,
    model.loadBalancers,
    model.gslbs,
    model.vms,
  ];
  for (const components of byKind)
    for (const component of components)
      if (isFailable(component, includeGslb)) effects.push(evaluator.effectOf(component));
  return {effects, services: summarize(model, base, effects, includeGslb)};
}

const noChange: ReadonlyMap<string, number> = new Map();

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

  private readonly markDown = (id: string) => {
    if (!this.base.down.has(id)) this.newlyDown.add(id);
  };

  private readonly isDown = (id: string) => this.newlyDown.has(id) || this.base.down.has(id);

  /** A GSLB target or entry as it is with the current component failed. */
  private readonly targetState = (ref: string): TargetState => {
    const {base} = this;
    if (this.newlyDown.has(ref)) return {capacity: 0, up: false};
    const up = !base.down.has(ref);
    const removed = this.removed.get(ref);
    if (removed !== undefined) {
      const lb = this.model.components.get(ref) as LoadBalancer;
      return {capacity: lbCapacity(lb, this.memberSum.get(ref)! - removed, !up), up};
    }
    const capacity =
      base.evaluation.vm.get(ref) ??
      base.evaluation.lb.get(ref) ??
      base.evaluation.site.get(ref) ??
      0;
    return {capacity, up};
  };

  private baseState(ref: string): TargetState {
    const {evaluation, down} = this.base;
    const capacity =
      evaluation.vm.get(ref) ?? evaluation.lb.get(ref) ?? evaluation.site.get(ref) ?? 0;
    return {capacity, up: !down.has(ref)};
  }

  // Scratch collections, reused from one component to the next: the sweep allocates per change, not per component.
  private readonly newlyDown = new Set<string>();
  private readonly removed = new Map<string, number>();
  private readonly changedRefs = new Set<string>();

  effectOf(component: Component): ComponentEffect {
    const {model, base, newlyDown, removed, changedRefs} = this;
    newlyDown.clear();
    removed.clear();
    changedRefs.clear();
    forEachInRadius(model, component.id, this.markDown);
    const effect: ComponentEffect = {
      id: component.id,
      kind: component.kind,
      radius: newlyDown.size,
      after: noChange,
    };
    if (newlyDown.size === 0) return effect;

    // Capacity removed from each load balancer by members that fail with the component.
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
    const {isDown, targetState} = this;

    // The services' answers depend only on the new state of the refs that feed an entry or a
    // GSLB; components that change those the same way (VMs of one LB with equal capacity) share it.
    let key = '';
    for (const ref of changedRefs) {
      if (!model.servicesOfEntry.has(ref) && !model.gslbsOfTarget.has(ref)) continue;
      const state = targetState(ref);
      const was = this.baseState(ref);
      if (state.capacity === was.capacity && state.up === was.up) continue;
      key += `${ref}\u0000${state.capacity}\u0000${state.up ? 1 : 0}\u0001`;
    }
    // Nothing a service reads has changed (a standby VM, an idle member): no effect.
    if (key === '') return effect;
    const cached = this.memo.get(key);
    if (cached) {
      effect.after = cached;
      return effect;
    }
    const after = this.servicesAfter(changedRefs, targetState, isDown);
    this.memo.set(key, after);
    effect.after = after;
    return effect;
  }

  private readonly memo = new Map<string, Map<string, number>>();

  private servicesAfter(
    changedRefs: ReadonlySet<string>,
    targetState: (ref: string) => TargetState,
    isDown: (id: string) => boolean,
  ): Map<string, number> {
    const {model, base} = this;
    const changed = new Map<string, number>();
    const touched = new Set<string>();
    for (const ref of changedRefs) {
      for (const service of model.servicesOfEntry.get(ref) ?? []) touched.add(service);
      for (const gslb of model.gslbsOfTarget.get(ref) ?? [])
        for (const service of model.servicesOfEntry.get(gslb) ?? []) touched.add(service);
    }
    if (touched.size === 0) return changed;
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
      if (after !== base.evaluation.served.get(id)) changed.set(id, after);
    }
    return changed;
  }
}

function summarize(
  model: Model,
  base: Snapshot,
  effects: ComponentEffect[],
  includeGslb: boolean,
): Map<string, ServiceSweep> {
  const kinds = includeGslb ? [...toleranceKinds, 'gslb' as const] : toleranceKinds;
  const ofKind = new Map<Kind, number>();
  for (const effect of effects) ofKind.set(effect.kind, (ofKind.get(effect.kind) ?? 0) + 1);
  const result = new Map<string, ServiceSweep>();
  // Per service and kind: how many components change it, and the lowest it serves after one.
  const touched = new Map<string, Map<Kind, {count: number; lowest: number; down: boolean}>>();
  for (const service of model.services) {
    result.set(service.id, {spof: [], weak: [], tolerance: {}});
    touched.set(service.id, new Map());
  }
  for (const effect of effects) {
    for (const [serviceId, after] of effect.after) {
      const service = model.components.get(serviceId) as Service;
      const entry = result.get(serviceId)!;
      const statusAfter = statusOf(service, after);
      const seen = touched.get(serviceId)!;
      const kind = seen.get(effect.kind) ?? {count: 0, lowest: Infinity, down: false};
      kind.count++;
      kind.lowest = Math.min(kind.lowest, after);
      kind.down ||= statusAfter === 'DOWN';
      seen.set(effect.kind, kind);
      const before = base.evaluation.served.get(serviceId)!;
      if (after >= before) continue;
      if (statusAfter === 'DOWN' && statusOf(service, before) !== 'DOWN')
        entry.spof.push(effect.id);
      else if (statusAfter !== 'DOWN') entry.weak.push(effect.id);
    }
  }
  for (const service of model.services) {
    const before = base.evaluation.served.get(service.id)!;
    const {tolerance} = result.get(service.id)!;
    for (const kind of kinds) {
      const total = ofKind.get(kind) ?? 0;
      if (total === 0) {
        tolerance[kind] = {survives: true, full: true, worstPercent: 100};
        continue;
      }
      const changed = touched.get(service.id)!.get(kind) ?? {
        count: 0,
        lowest: Infinity,
        down: false,
      };
      // Components of the kind that leave the service alone keep it where it was.
      const lowest = changed.count < total ? Math.min(changed.lowest, before) : changed.lowest;
      const down = changed.down || (changed.count < total && statusOf(service, before) === 'DOWN');
      tolerance[kind] = {
        survives: !down,
        full: lowest >= before,
        worstPercent: percentOf(lowest, service.demand),
      };
    }
  }
  return result;
}

export function percentOf(served: number, demand: number): number {
  if (demand <= 0) return 100;
  return Math.floor(tidy((100 * served) / demand));
}
