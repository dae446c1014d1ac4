import type {Component, Model} from './model.js';
import {kindRank, type Kind} from './schema.js';

/** Why a component is down: the failed component it went down with (itself when it failed). */
export interface Cause {
  root: string;
  rootKind: Kind;
}

export function describeCause(cause: Cause): string {
  return `${cause.rootKind} ${cause.root} failed`;
}

/** Kinds that can fail in a sweep; the GSLB only when asked for (it is provider-managed). */
export function isFailable(component: Component, includeGslb = false): boolean {
  switch (component.kind) {
    case 'router':
      return !component.redundant;
    case 'gslb':
      return includeGslb;
    case 'service':
      return false;
    default:
      return true;
  }
}

/**
 * Everything that fails with `id` (itself included), in the containment order of DESIGN §3:
 * zone → its routers, VMs, LBs; account → its routers and VMs; router → its VMs and
 * LBs that run on it. An LB on the zone does not fall with its owner account.
 */
export function blastRadius(model: Model, id: string): string[] {
  const component = model.components.get(id);
  if (!component) return [];
  const ids = [id];
  const router = (routerId: string, withItself: boolean) => {
    const r = model.components.get(routerId);
    if (r?.kind !== 'router') return;
    if (withItself) ids.push(routerId);
    // A router may hold many thousand VMs: no spread into push's arguments.
    for (const vm of r.vms) ids.push(vm);
    for (const lb of r.loadBalancers) ids.push(lb);
  };
  if (component.kind === 'zone') {
    for (const routerId of component.routers) router(routerId, true);
    for (const lb of component.loadBalancers) {
      const spec = model.components.get(lb);
      if (spec?.kind === 'lb' && spec.runsOn === 'zone') ids.push(lb);
    }
  } else if (component.kind === 'account')
    for (const routerId of component.routers) router(routerId, true);
  else if (component.kind === 'router') router(id, false);
  return ids;
}

/** Every component down given the failed ones, each with its cause. The highest-level cause wins. */
export function propagate(model: Model, failed: Iterable<string>): Map<string, Cause> {
  const down = new Map<string, Cause>();
  const roots = [...failed]
    .map((id) => model.components.get(id))
    .filter((component): component is Component => component !== undefined)
    .sort((a, b) => kindRank[a.kind] - kindRank[b.kind]);
  for (const root of roots) {
    const cause: Cause = {root: root.id, rootKind: root.kind};
    for (const id of blastRadius(model, root.id)) if (!down.has(id)) down.set(id, cause);
  }
  return down;
}
