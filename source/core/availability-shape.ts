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
): number[] {
  const names = new Map<string, number>();
  const shape: number[] = [];
  const name = (id: string): number => {
    let index = names.get(id);
    if (index === undefined) {
      index = names.size;
      names.set(id, index);
      const component = model.components.get(id);
      shape.push(-1, component ? upOf(component) : 1);
    }
    return index;
  };
  const shared = sharedVms(model);
  // Members of one load balancer mostly share a router, an account and a zone: ask the map once.
  let lastRouter = '';
  let lastAccount = '';
  let lastZone = '';
  let router = -1;
  let account = -1;
  let zone = -1;
  const vm = (member: Vm) => {
    // A VM in one place only can appear once in a closure: its id needs no name (all VMs have
    // the same availability).
    const id = shared.has(member.id) ? name(member.id) : -1;
    if (member.router !== lastRouter) router = name((lastRouter = member.router));
    if (member.account !== lastAccount) account = name((lastAccount = member.account));
    if (member.zone !== lastZone) zone = name((lastZone = member.zone));
    shape.push(-2, id, member.capacity, word(member.role), router, account, zone);
  };
  const unit = (ref: string) => {
    const component = model.components.get(ref);
    shape.push(-3, name(ref), word(component?.kind));
    if (component?.kind === 'vm') vm(component);
    else if (component?.kind === 'site') shape.push(component.capacity);
    else if (component?.kind === 'lb') {
      const zone = name(component.zone);
      const account = name(component.account);
      const router = name(routerId(component.account, component.zone));
      shape.push(component.limit ?? -1, word(component.runsOn), zone, account, router);
      for (const id of component.members) vm(model.components.get(id) as Vm);
    }
  };
  const seen = new Set<string>();
  const visit = (service: Service) => {
    if (seen.has(service.id)) return;
    seen.add(service.id);
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
    for (const id of service.dependsOn) visit(model.components.get(id) as Service);
  };
  visit(root);
  return shape;
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
