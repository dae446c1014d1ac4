import {containmentOf} from './containment.js';
import {builtLayout, type ModelLayout} from './model-layout.js';
import {routerId, type Component, type Model, type Service, type Vm} from './model.js';

/**
 * A description of everything the availability estimate of one service reads — its services,
 * entries, GSLB targets, load balancers and VMs, with their numbers and the availability of
 * each component — as numbers, with ids replaced by the order in which they are first met. Two
 * services with the same shape get the same estimate, computed in the same order, bit for bit:
 * a topology of many services built alike pays for one.
 */
export function availabilityShape(
  model: Model,
  root: Service,
  upOf: (component: Component) => number,
  /** VMs whose availability is not the VMs' one (made perfect): named, so the shape says so. */
  unlike?: ReadonlySet<string>,
  /**
   * Filled, when given, with the position in the walk of every component met: its name, or for a
   * VM the shape leaves unnamed, -1 minus where its record starts. Services with one shape are
   * walked alike, so equal positions play the same part in each (see `availability`).
   */
  positions?: Map<string, number>,
): number[] {
  const shape: number[] = [];
  // With the sweep's layout at hand (as in `check`), components are named by index, stamped per
  // call, and a VM's numbers are read from typed arrays; without it (the estimate alone) by id.
  // Either way a name is the order of first meeting, so the two give the same shape.
  const layout = builtLayout(model);
  const index = layout ? containmentOf(model).index : undefined;
  const names = layout ? namesOf(layout) : undefined;
  const stamp = names ? ++names.epoch : 0;
  const byId = new Map<string, number>();
  let count = 0;
  const nameAt = (i: number): number => {
    if (names!.stamp[i] === stamp) return names!.value[i]!;
    names!.stamp[i] = stamp;
    names!.value[i] = count;
    positions?.set(layout!.components[i]!.id, count);
    shape.push(-1, upOf(layout!.components[i]!));
    return count++;
  };
  const name = (id: string): number => {
    const i = index?.get(id);
    if (i !== undefined) return nameAt(i);
    let known = byId.get(id);
    if (known === undefined) {
      positions?.set(id, count);
      byId.set(id, (known = count++));
      const component = model.components.get(id);
      shape.push(-1, component ? upOf(component) : 1);
    }
    return known;
  };
  // A VM left unnamed sits in one load balancer only and is met again only with it, so the position
  // where it is first met tells it apart.
  const unnamed = (id: string) => {
    if (positions && !positions.has(id)) positions.set(id, -1 - shape.length);
  };
  const shared = sharedVms(model);
  // Members of one load balancer mostly share a router, an account and a zone: name them once.
  let lastRouter: string | number = -1;
  let lastAccount: string | number = -1;
  let lastZone: string | number = -1;
  let router = -1;
  let account = -1;
  let zone = -1;
  const vm = (member: Vm) => {
    // A VM in one place only can appear once in a closure: its id needs no name (all VMs have
    // the same availability).
    const id = shared.has(member.id) || unlike?.has(member.id) ? name(member.id) : -1;
    if (id === -1 && positions) unnamed(member.id);
    if (member.router !== lastRouter) router = name((lastRouter = member.router));
    if (member.account !== lastAccount) account = name((lastAccount = member.account));
    if (member.zone !== lastZone) zone = name((lastZone = member.zone));
    shape.push(-2, id, member.capacity, word(member.role), router, account, zone);
  };
  const activeWord = word('active');
  const standbyWord = word('standby');
  const vmAt = (member: number) => {
    const {vmRouter, vmAccount, vmZone, capacity, active, components} = layout!;
    const named =
      (shared.size > 0 && shared.has((components[member] as Vm).id)) ||
      (unlike !== undefined && unlike.has((components[member] as Vm).id));
    const id = named ? nameAt(member) : -1;
    if (!named && positions) unnamed((components[member] as Vm).id);
    if (vmRouter[member] !== lastRouter) router = nameAt((lastRouter = vmRouter[member]!));
    if (vmAccount[member] !== lastAccount) account = nameAt((lastAccount = vmAccount[member]!));
    if (vmZone[member] !== lastZone) zone = nameAt((lastZone = vmZone[member]!));
    const role = active[member] === 1 ? activeWord : standbyWord;
    shape.push(-2, id, capacity[member]!, role, router, account, zone);
  };
  const unit = (ref: string) => {
    const component = model.components.get(ref);
    shape.push(-3, name(ref), word(component?.kind));
    if (component?.kind === 'vm') {
      if (layout) vmAt(index!.get(ref)!);
      else vm(component);
    } else if (component?.kind === 'site') shape.push(component.capacity);
    else if (component?.kind === 'lb') {
      const zone = name(component.zone);
      const account = name(component.account);
      const router = name(routerId(component.account, component.zone));
      shape.push(component.limit ?? -1, word(component.runsOn), zone, account, router);
      if (layout) {
        const {memberStart, memberList} = layout;
        const at = index!.get(ref)!;
        for (let k = memberStart[at]!; k < memberStart[at + 1]!; k++) vmAt(memberList[k]!);
      } else for (const id of component.members) vm(model.components.get(id) as Vm);
    }
  };
  const seen = new Set<string>();
  const visit = (service: Service) => {
    shape.push(-4, name(service.id), service.demand, service.minimum ?? -1);
    for (const id of service.dependsOn) shape.push(-5, name(id));
    const entry = model.components.get(service.entry);
    if (entry?.kind === 'gslb') {
      const gslb = name(entry.id);
      shape.push(-6, gslb, word(entry.policy), word(entry.healthCheck.type));
      for (const target of entry.targets) {
        shape.push(-7, target.priority, target.weight);
        unit(target.ref);
      }
    } else unit(service.entry);
  };
  // Depth first, dependencies in order, each service once: with a stack, not recursion, so a
  // chain of thousands of dependsOn does not overflow the call stack.
  const stack: Service[] = [root];
  while (stack.length > 0) {
    const service = stack.pop()!;
    if (seen.has(service.id)) continue;
    seen.add(service.id);
    visit(service);
    for (let i = service.dependsOn.length - 1; i >= 0; i--)
      stack.push(model.components.get(service.dependsOn[i]!) as Service);
  }
  return shape;
}

interface Names {
  epoch: number;
  stamp: Int32Array;
  value: Int32Array;
}

const namesByLayout = new WeakMap<ModelLayout, Names>();

function namesOf(layout: ModelLayout): Names {
  let names = namesByLayout.get(layout);
  if (!names) {
    const size = layout.components.length;
    names = {epoch: 0, stamp: new Int32Array(size), value: new Int32Array(size)};
    namesByLayout.set(layout, names);
  }
  return names;
}

const sharedByModel = new WeakMap<Model, ReadonlySet<string>>();

/** VMs that sit in more than one place: members of two load balancers, or entries and targets. */
function sharedVms(model: Model): ReadonlySet<string> {
  let shared = sharedByModel.get(model);
  if (shared) return shared;
  // Places of an id: its load balancers (each lists a member once), being an entry, a target.
  const places = (id: string) =>
    (model.lbsOfVm.get(id)?.length ?? 0) +
    (model.servicesOfEntry.has(id) ? 1 : 0) +
    (model.gslbsOfTarget.has(id) ? 1 : 0);
  const found = new Set<string>();
  for (const [id, lbs] of model.lbsOfVm) if (lbs.length >= 2) found.add(id);
  for (const id of model.servicesOfEntry.keys()) if (places(id) >= 2) found.add(id);
  for (const id of model.gslbsOfTarget.keys()) if (places(id) >= 2) found.add(id);
  sharedByModel.set(model, (shared = found));
  return shared;
}

const words = new Map<string | undefined, number>();
/** A small number for each word of the schema (kinds, roles, policies). */
function word(value: string | undefined): number {
  let index = words.get(value);
  if (index === undefined) words.set(value, (index = words.size));
  return index;
}

/** Remembers a value per shape: a hash picks the bucket, the whole shape is compared. */
export class ShapeMemo<T> {
  private readonly buckets = new Map<number, Array<{shape: number[]; value: T}>>();

  get(shape: number[]): T | undefined {
    return this.buckets.get(hashOf(shape))?.find((entry) => same(entry.shape, shape))?.value;
  }

  set(shape: number[], value: T): void {
    const hash = hashOf(shape);
    const bucket = this.buckets.get(hash);
    if (bucket) bucket.push({shape, value});
    else this.buckets.set(hash, [{shape, value}]);
  }
}

const float = new Float64Array(1);
const halves = new Int32Array(float.buffer);

function hashOf(shape: number[]): number {
  let hash = 0x811c9dc5 ^ shape.length;
  for (const value of shape) {
    float[0] = value;
    hash = Math.imul(hash ^ halves[0]!, 0x01000193);
    hash = Math.imul(hash ^ halves[1]!, 0x01000193);
  }
  return hash;
}

function same(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
