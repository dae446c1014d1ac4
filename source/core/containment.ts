import type {Kind} from './kinds.js';
import type {Model, Router, Zone} from './model.js';

/**
 * What fails with what (docs/semantics.md), laid out once per model: zone → its routers and the load
 * balancers that run on the zone; account → its routers; router → the VMs behind it and the load
 * balancers that run on it. A zone LB does not fall with its owner account. Every rule about
 * containment reads this index, so propagation, the sweep, the estimate and the trees agree
 * (the zone tree reads the lists the index is built from, `zoneChildren` and
 * `routerChildren`, so that a large topology's first frame does not wait for the index).
 *
 * Components are numbered in the model's order; children and parents are kept as offsets into
 * one flat list each (no array per component), so a 100k-VM model costs a few typed arrays.
 */
export interface Containment {
  /** Index → component id, in the order of `model.components`. */
  readonly ids: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  /** Index → the component's kind. */
  readonly kinds: readonly Kind[];
  /** Direct children of component i: childList[childStart[i] .. childStart[i + 1]). */
  readonly childStart: Int32Array;
  readonly childList: Int32Array;
  /** Direct parents (what takes it down one level up): same layout. */
  readonly parentStart: Int32Array;
  readonly parentList: Int32Array;
  /** What fails directly with `id`, one level down. */
  childrenOf(id: string): string[];
  /** What takes `id` down directly, one level up (a VM: its router; a router: its zone and account). */
  parentsOf(id: string): string[];
  /** `id` and everything that fails with it, in containment order (each parent before its children). */
  radius(id: string): string[];
  /** The same by index: the indices of component `i` and of everything that fails with it. */
  radiusAt(i: number): number[];
}

const cache = new WeakMap<Model, Containment>();

/** The model's containment index, built on first use and kept while the model lives. */
export function containmentOf(model: Model): Containment {
  let index = cache.get(model);
  if (!index) cache.set(model, (index = build(model)));
  return index;
}

function build(model: Model): Containment {
  const size = model.components.size;
  const ids = new Array<string>(size);
  const kinds = new Array<Kind>(size);
  const index = new Map<string, number>();
  // forEach, not for…of: this runs once per model, mostly before V8 optimizes it, and there an
  // entry array per component took more than twice as long at 100k components.
  let i = 0;
  model.components.forEach((component, id) => {
    index.set(id, i);
    ids[i] = id;
    kinds[i++] = component.kind;
  });
  // Edges parent → child, in the order the radius lists them: a router's VMs, then its LBs;
  // a zone's routers (each with what it holds), then its zone LBs.
  const from: number[] = [];
  const to: number[] = [];
  // The parent is looked up once for all its children.
  const find = finder(ids, index);
  const edges = (parent: string, children: readonly string[]) => {
    const p = index.get(parent);
    if (p === undefined) return;
    for (let k = 0; k < children.length; k++) {
      const c = find(children[k]!);
      if (c === undefined) continue;
      from.push(p);
      to.push(c);
    }
  };
  for (const router of model.routers)
    for (const children of routerChildren(router)) edges(router.id, children);
  for (const zone of model.zones)
    for (const children of zoneChildren(model, zone)) edges(zone.id, children);
  for (const account of model.accounts) edges(account.id, account.routers);
  const [childStart, childList] = flatten(size, from, to);
  const [parentStart, parentList] = flatten(size, to, from);
  const list = (start: Int32Array, flat: Int32Array, id: string) => {
    const i = index.get(id);
    if (i === undefined) return [];
    const out: string[] = [];
    for (let k = start[i]!; k < start[i + 1]!; k++) out.push(ids[flat[k]!]!);
    return out;
  };
  const seen = new Int32Array(size);
  let epoch = 0;
  const radiusAt = (root: number): number[] => {
    epoch++;
    const out: number[] = [];
    // Depth-first, parents before children, without recursion (a router may hold 100k VMs).
    const stack = [root];
    while (stack.length > 0) {
      const i = stack.pop()!;
      if (seen[i] === epoch) continue;
      seen[i] = epoch;
      out.push(i);
      for (let k = childStart[i + 1]! - 1; k >= childStart[i]!; k--) stack.push(childList[k]!);
    }
    return out;
  };
  return {
    ids,
    index,
    kinds,
    childStart,
    childList,
    parentStart,
    parentList,
    childrenOf: (id) => list(childStart, childList, id),
    parentsOf: (id) => list(parentStart, parentList, id),
    radius: (id) => {
      const root = index.get(id);
      return root === undefined ? [] : radiusAt(root).map((i) => ids[i]!);
    },
    radiusAt,
  };
}

/**
 * What falls with a router directly, as lists in the index's order: its VMs, then the load
 * balancers that run on it. The index is built from these, and so is the zone tree, drawn
 * before anything has built the index (`ui/tree/by-zone.ts`).
 */
export function routerChildren(router: Router): ReadonlyArray<readonly string[]> {
  return [router.vms, router.loadBalancers];
}

/**
 * What falls with a zone directly, likewise: its routers, then the load balancers of the zone
 * product (those that run on a router fall with their router).
 */
export function zoneChildren(model: Model, zone: Zone): ReadonlyArray<readonly string[]> {
  const zoneLbs = zone.loadBalancers.filter((lb) => {
    const spec = model.components.get(lb);
    return spec?.kind === 'lb' && spec.runsOn === 'zone';
  });
  return [zone.routers, zoneLbs];
}

/** Edges grouped by their first end, in the order given: [start offsets, second ends]. */
function flatten(size: number, first: number[], second: number[]): [Int32Array, Int32Array] {
  const start = new Int32Array(size + 1);
  for (const f of first) start[f + 1]!++;
  for (let i = 0; i < size; i++) start[i + 1]! += start[i]!;
  const flat = new Int32Array(first.length);
  const fill = start.slice(0, size);
  for (let e = 0; e < first.length; e++) flat[fill[first[e]!]!++] = second[e]!;
  return [start, flat];
}

/**
 * Looks ids up in the index, trying first where the last two found suggest: lists of VMs (a
 * router's, a load balancer's members) mostly follow the file's order at a steady stride, and a
 * comparison with the guess is cheaper than a lookup in a map of every component.
 */
export function finder(
  ids: readonly string[],
  index: ReadonlyMap<string, number>,
): (id: string) => number | undefined {
  let last = -1;
  let stride = 1;
  return (id) => {
    const guess = last + stride;
    const found = ids[guess] === id ? guess : index.get(id);
    if (found !== undefined) {
      stride = found > last && last >= 0 ? found - last : 1;
      last = found;
    }
    return found;
  };
}
