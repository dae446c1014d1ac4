import type {Component, Model} from '../../source/core/model.js';

/**
 * The likely cause by brute force, written from the documented semantics and nothing of the
 * analyzer's: the blast radius from the model's plain fields (zone → its routers, VMs and LBs;
 * account → its routers and their VMs and router LBs; router → its VMs and the LBs that run on
 * it; anything else → itself), then every set of failable components, smallest first.
 */

type Seen = ReadonlyMap<string, 'down' | 'up' | 'unknown'>;

export function referenceRadius(model: Model, id: string): Set<string> {
  const c = model.components.get(id)!;
  const out = new Set<string>([id]);
  const routerOfLb = (lb: {account: string; zone: string}) => `${lb.account}/${lb.zone}`;
  const routerHolds = (router: string) => {
    out.add(router);
    for (const vm of model.vms) if (vm.router === router) out.add(vm.id);
    for (const lb of model.loadBalancers)
      if (lb.runsOn === 'router' && routerOfLb(lb) === router) out.add(lb.id);
  };
  if (c.kind === 'router') routerHolds(id);
  if (c.kind === 'zone') {
    for (const r of model.routers) if (r.zone === id) routerHolds(r.id);
    for (const lb of model.loadBalancers) if (lb.zone === id) out.add(lb.id);
  }
  if (c.kind === 'account') for (const r of model.routers) if (r.account === id) routerHolds(r.id);
  return out;
}

function failable(c: Component, includeGslb: boolean): boolean {
  if (c.kind === 'service') return false;
  if (c.kind === 'gslb') return includeGslb;
  if (c.kind === 'router') return !c.redundant;
  return true;
}

export interface ReferenceAnswer {
  /** Observed-down components that some failure explains without taking an observed-up one. */
  explainable: Set<string>;
  /** Every smallest consistent set covering `explainable`, each as a sorted list of ids. */
  minimum: string[][];
}

export function referenceExplain(model: Model, seen: Seen, includeGslb = false): ReferenceAnswer {
  const down = [...seen].filter(([id, s]) => s === 'down' && model.components.has(id));
  const up = new Set([...seen].filter(([, s]) => s === 'up').map(([id]) => id));
  const consistent = [...model.components.values()]
    .filter((c) => failable(c, includeGslb))
    .map((c) => ({id: c.id, radius: referenceRadius(model, c.id)}))
    .filter(({radius}) => ![...radius].some((id) => up.has(id)));
  const explainable = new Set(
    down.map(([id]) => id).filter((id) => consistent.some(({radius}) => radius.has(id))),
  );
  if (explainable.size === 0) return {explainable, minimum: []};
  // Only sets of components that explain something can be smallest.
  const useful = consistent.filter(({radius}) => [...explainable].some((id) => radius.has(id)));
  for (let size = 1; size <= useful.length; size++) {
    const minimum: string[][] = [];
    for (const combination of combinations(useful.length, size)) {
      const covered = new Set<string>();
      for (const k of combination) for (const id of useful[k]!.radius) covered.add(id);
      if ([...explainable].every((id) => covered.has(id)))
        minimum.push(combination.map((k) => useful[k]!.id).sort());
    }
    if (minimum.length > 0) return {explainable, minimum};
  }
  throw new Error('unreachable: the explainable components are covered by all the useful sets');
}

function* combinations(n: number, k: number, from = 0): Generator<number[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let i = from; i <= n - k; i++)
    for (const rest of combinations(n, k - 1, i + 1)) yield [i, ...rest];
}
