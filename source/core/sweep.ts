import type {Snapshot} from './analyze.js';
import {statusOf, tidy} from './capacity.js';
import {incrementalOf} from './incremental.js';
import type {Component, Model, Service} from './model.js';
import {isFailable} from './propagate.js';
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
  const evaluator = incrementalOf(model, base);
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
      if (isFailable(component, includeGslb)) {
        const {radius, after} = evaluator.changeOf(component.id);
        effects.push({id: component.id, kind: component.kind, radius, after});
      }
  return {effects, services: summarize(model, base, effects, includeGslb)};
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
