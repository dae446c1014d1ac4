import type {Component, Model} from './model.js';
import {kindCode, layoutOf, type ModelLayout} from './model-layout.js';
import {toleranceKinds, type ToleranceKind} from './kinds.js';

/** Each kind as one bit, so that what a service stands on is a number while it is worked out. */
const kindBits: readonly ToleranceKind[] = [...toleranceKinds, 'gslb'];
const bit = Object.fromEntries(kindBits.map((kind, k) => [kind, 1 << k])) as Record<
  ToleranceKind,
  number
>;

const kept = new WeakMap<Model, ReadonlyMap<string, ReadonlySet<ToleranceKind>>>();

/**
 * The kinds of component each service stands on: its entry's VMs, load balancers, GSLB and
 * sites, the routers, accounts and zones they run in, and the same of every service it depends
 * on. A service tolerates or fails a kind only when it uses one: the tolerance of a kind it does
 * not use is no answer, and is not listed. It depends on the model alone: worked out once per
 * model, though each state's sweep asks.
 */
export function kindsUsed(model: Model): ReadonlyMap<string, ReadonlySet<ToleranceKind>> {
  let used = kept.get(model);
  if (!used) kept.set(model, (used = workOut(model, layoutOf(model))));
  return used;
}

function workOut(
  model: Model,
  layout: ModelLayout,
): ReadonlyMap<string, ReadonlySet<ToleranceKind>> {
  const {components, codes, vmRouter, memberStart, memberList, targetStart, targetList} = layout;
  const placeBit = (id: string): number => {
    const kind = model.components.get(id)?.kind;
    return kind === 'zone' || kind === 'site' ? bit[kind] : 0;
  };
  const unredundantRouter = (id: string): number => {
    const router = model.components.get(id);
    return router?.kind === 'router' && !router.redundant ? bit.router : 0;
  };
  // What a VM adds depends on its router alone (the router's zone is the VM's): worked out once
  // per router, by the router's index (0: not yet).
  const byRouter = new Int32Array(components.length);
  const ofVm = (i: number): number => {
    const r = vmRouter[i]!;
    if (r >= 0 && byRouter[r] !== 0) return byRouter[r]!;
    const vm = components[i] as Extract<Component, {kind: 'vm'}>;
    const bits = bit.vm | bit.account | placeBit(vm.zone) | unredundantRouter(vm.router);
    if (r >= 0) byRouter[r] = bits;
    return bits;
  };
  const ofLb = (i: number): number => {
    const lb = components[i] as Extract<Component, {kind: 'lb'}>;
    const onRouter = lb.runsOn === 'router' ? unredundantRouter(`${lb.account}/${lb.zone}`) : 0;
    return bit.lb | bit.account | placeBit(lb.zone) | onRouter;
  };
  const pending: number[] = [];
  const walk = (start: number): number => {
    // No recursion: a GSLB's targets are LBs, sites or VMs, an LB's members VMs.
    let bits = 0;
    pending.push(start);
    for (let i = pending.pop(); i !== undefined; i = pending.pop()) {
      const code = codes[i]!;
      if (code === kindCode.vm) bits |= ofVm(i);
      else if (code === kindCode.lb) {
        bits |= ofLb(i);
        for (let k = memberStart[i]!; k < memberStart[i + 1]!; k++) bits |= ofVm(memberList[k]!);
      } else if (code === kindCode.site) bits |= bit.site;
      else if (code === kindCode.gslb) {
        bits |= bit.gslb;
        for (let k = targetStart[i]!; k < targetStart[i + 1]!; k++) pending.push(targetList[k]!);
      }
    }
    return bits;
  };
  // Dependencies come first in `serviceOrder`: each service adds what those it uses stand on.
  const bitsOf = new Map<string, number>();
  const used = new Map<string, Set<ToleranceKind>>();
  model.serviceOrder.forEach((service, place) => {
    let bits = model.components.has(service.entry) ? walk(layout.entryAt[place]!) : 0;
    for (const dependency of service.dependsOn) bits |= bitsOf.get(dependency) ?? 0;
    bitsOf.set(service.id, bits);
    used.set(service.id, new Set(kindBits.filter((kind) => (bits & bit[kind]) !== 0)));
  });
  return used;
}
