import {containmentOf, finder} from './containment.js';
import type {Component, Model, Service} from './model.js';
import {isFailable} from './propagate.js';
import type {Kind} from './kinds.js';

/** Kinds the incremental evaluator tells apart, as small numbers for its inner loops. */
export const kindCode = {other: 0, vm: 1, lb: 2, site: 3, gslb: 4} as const;

/**
 * The model's components in integer-indexed arrays, numbered as the containment index numbers
 * them, for the incremental evaluator. It depends on the model only, so it is built once per
 * model and shared by every state's sweep (the dashboard sweeps again after each action).
 * Relations are kept as offsets into one flat list each (`xStart[i] .. xStart[i + 1]` in
 * `xList`), so none costs an array per component.
 */
export interface ModelLayout {
  components: readonly Component[];
  kinds: readonly Kind[];
  /** `kindCode` of each component. */
  codes: Uint8Array;
  /** VM → load balancers it is a member of. */
  lbStart: Int32Array;
  lbList: Int32Array;
  /** Load balancer → its members, in the file's order. */
  memberStart: Int32Array;
  memberList: Int32Array;
  /** 1 where a service reads the component directly: an entry or a GSLB target. */
  feeds: Uint8Array;
  /** Component → the services (places in dependency order) that read it directly. */
  readerStart: Int32Array;
  readerList: Int32Array;
  /** Services in dependency order (`model.serviceOrder`). */
  order: readonly Service[];
  /** Service place in dependency order → the places of the services that depend on it. */
  dependentStart: Int32Array;
  dependentList: Int32Array;
  /** 1 for each component a sweep fails (see isFailable), without and with the GSLBs. */
  failable: Uint8Array;
  failableWithGslb: Uint8Array;
  /** Of each VM: its router, account and zone (-1 for other components). */
  vmRouter: Int32Array;
  vmAccount: Int32Array;
  vmZone: Int32Array;
  /** The capacity of each VM and site as the file gives it; 1 for each active VM. */
  capacity: Float64Array;
  active: Uint8Array;
  /** Service place in dependency order → its entry. */
  entryAt: Int32Array;
  /** GSLB → its targets, in the file's order. */
  targetStart: Int32Array;
  targetList: Int32Array;
  /** Service id → its place in dependency order. */
  orderIndex: ReadonlyMap<string, number>;
  /** Component index of each of `model.vms`, `model.loadBalancers`, … in the model's order. */
  vmAt: Int32Array;
  lbAt: Int32Array;
  siteAt: Int32Array;
  zoneAt: Int32Array;
  accountAt: Int32Array;
  routerAt: Int32Array;
  gslbAt: Int32Array;
}

const layouts = new WeakMap<Model, ModelLayout>();

export function layoutOf(model: Model): ModelLayout {
  let layout = layouts.get(model);
  if (!layout) layouts.set(model, (layout = buildLayout(model)));
  return layout;
}

/** The model's layout if something has built it already; the estimate alone does without. */
export function builtLayout(model: Model): ModelLayout | undefined {
  return layouts.get(model);
}

function buildLayout(model: Model): ModelLayout {
  const {ids, index, kinds, parentStart, parentList} = containmentOf(model);
  const size = ids.length;
  const at = (id: string) => index.get(id)!;
  // One pass over the components, which the containment index numbers in the model's order:
  // kinds, failability, each kind's indices, and what the per-service passes read of a VM
  // (its router, its numbers) so that they never touch the VM objects.
  const components: Component[] = [];
  const codes = new Uint8Array(size);
  const failable = new Uint8Array(size);
  const failableWithGslb = new Uint8Array(size);
  const vmRouter = new Int32Array(size).fill(-1);
  const capacity = new Float64Array(size);
  const active = new Uint8Array(size);
  const byKind: Partial<Record<Kind, number[]>> = {};
  for (const component of model.components.values()) {
    const i = components.length;
    const kind = component.kind;
    components.push(component);
    (byKind[kind] ??= []).push(i);
    if (isFailable(component, false)) failable[i] = 1;
    if (isFailable(component, true)) failableWithGslb[i] = 1;
    if (kind === 'lb' || kind === 'gslb') codes[i] = kindCode[kind];
    else if (kind === 'site') {
      codes[i] = kindCode.site;
      capacity[i] = component.capacity;
    } else if (kind === 'vm') {
      codes[i] = kindCode.vm;
      // A VM's one parent in the containment index is its router.
      vmRouter[i] = parentList[parentStart[i]!]!;
      capacity[i] = component.capacity;
      active[i] = component.role === 'active' ? 1 : 0;
    }
  }
  const indicesOf = (list: readonly Component[]): Int32Array => {
    const found = byKind[list[0]?.kind ?? 'service'] ?? [];
    const same = found.length === list.length && list.every((c, k) => components[found[k]!] === c);
    return same ? Int32Array.from(found) : Int32Array.from(list, (c) => at(c.id));
  };
  const vmAt = indicesOf(model.vms);
  const lbAt = indicesOf(model.loadBalancers);
  const siteAt = indicesOf(model.sites);
  const routerAt = indicesOf(model.routers);

  // Members, as indices, and the inverse: each VM's load balancers.
  const memberStart = new Int32Array(size + 1);
  model.loadBalancers.forEach((lb, k) => (memberStart[lbAt[k]! + 1] = lb.members.length));
  for (let i = 0; i < size; i++) memberStart[i + 1]! += memberStart[i]!;
  const memberList = new Int32Array(memberStart[size]!);
  const lbStart = new Int32Array(size + 1);
  const find = finder(ids, index);
  model.loadBalancers.forEach((lb, k) => {
    let slot = memberStart[lbAt[k]!]!;
    for (const member of lb.members) {
      const vm = find(member)!;
      memberList[slot++] = vm;
      lbStart[vm + 1]!++;
    }
  });
  for (let i = 0; i < size; i++) lbStart[i + 1]! += lbStart[i]!;
  const lbList = new Int32Array(lbStart[size]!);
  const lbFill = lbStart.slice(0, size);
  for (const lb of lbAt)
    for (let k = memberStart[lb]!; k < memberStart[lb + 1]!; k++)
      lbList[lbFill[memberList[k]!]!++] = lb;

  const order = model.serviceOrder;
  const orderIndex = new Map<string, number>();
  order.forEach((service, place) => orderIndex.set(service.id, place));

  // Readers: a service reads its entry and, behind a GSLB, each of the GSLB's targets.
  const feeds = new Uint8Array(size);
  for (const id of model.servicesOfEntry.keys()) feeds[at(id)] = 1;
  for (const id of model.gslbsOfTarget.keys()) feeds[at(id)] = 1;
  const reads: number[] = [];
  const readerStart = new Int32Array(size + 1);
  order.forEach((service, place) => {
    const entry = model.components.get(service.entry);
    const refs =
      entry?.kind === 'gslb'
        ? [service.entry, ...entry.targets.map((t) => t.ref)]
        : [service.entry];
    for (const ref of new Set(refs)) {
      const component = at(ref);
      reads.push(component, place);
      readerStart[component + 1]!++;
    }
  });
  for (let i = 0; i < size; i++) readerStart[i + 1]! += readerStart[i]!;
  const readerList = new Int32Array(readerStart[size]!);
  const readerFill = readerStart.slice(0, size);
  // Places in dependency order, as the services are met.
  for (let e = 0; e < reads.length; e += 2) readerList[readerFill[reads[e]!]!++] = reads[e + 1]!;

  const dependents = order.map((service) => [
    ...new Set((model.dependents.get(service.id) ?? []).map((id) => orderIndex.get(id)!)),
  ]);
  const dependentStart = new Int32Array(order.length + 1);
  dependents.forEach(
    (list, place) => (dependentStart[place + 1] = dependentStart[place]! + list.length),
  );
  const dependentList = Int32Array.from(dependents.flat());
  // Each VM's account and zone, through its router.
  const vmAccount = new Int32Array(size).fill(-1);
  const vmZone = new Int32Array(size).fill(-1);
  const routerAccount = new Int32Array(size).fill(-1);
  const routerZone = new Int32Array(size).fill(-1);
  model.routers.forEach((router, k) => {
    const r = routerAt[k]!;
    routerAccount[r] = at(router.account);
    routerZone[r] = at(router.zone);
  });
  for (const vm of vmAt) {
    vmAccount[vm] = routerAccount[vmRouter[vm]!]!;
    vmZone[vm] = routerZone[vmRouter[vm]!]!;
  }
  const entryAt = Int32Array.from(order, (service) => at(service.entry));
  // GSLB → its targets, in the file's order.
  const targetStart = new Int32Array(size + 1);
  const gslbAt = indicesOf(model.gslbs);
  model.gslbs.forEach((gslb, k) => (targetStart[gslbAt[k]! + 1] = gslb.targets.length));
  for (let i = 0; i < size; i++) targetStart[i + 1]! += targetStart[i]!;
  const targetList = new Int32Array(targetStart[size]!);
  model.gslbs.forEach((gslb, k) =>
    gslb.targets.forEach(
      (target, t) => (targetList[targetStart[gslbAt[k]!]! + t] = at(target.ref)),
    ),
  );
  const zoneAt = indicesOf(model.zones);
  const accountAt = indicesOf(model.accounts);
  return {
    components,
    kinds,
    codes,
    lbStart,
    lbList,
    memberStart,
    memberList,
    feeds,
    readerStart,
    readerList,
    order,
    dependentStart,
    dependentList,
    orderIndex,
    vmAt,
    lbAt,
    siteAt,
    zoneAt,
    accountAt,
    routerAt,
    gslbAt,
    failable,
    failableWithGslb,
    vmRouter,
    vmAccount,
    vmZone,
    capacity,
    active,
    entryAt,
    targetStart,
    targetList,
  };
}
