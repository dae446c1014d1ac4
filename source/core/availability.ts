import {DistSum} from './dist-sum.js';
import {keptIn} from './kept.js';
import {
  evaluate,
  gslbLevels,
  gslbShares,
  statusOf,
  targetHealthy,
  tidy,
  type Failovers,
  type TargetState,
} from './capacity.js';
import {
  reachedVms,
  routerId,
  type Component,
  type Gslb,
  type LoadBalancer,
  type Model,
  type Service,
  type Vm,
} from './model.js';
import {availabilityShape, ShapeMemo} from './availability-shape.js';
import {blastRadius, isFailable, propagate} from './propagate.js';

/**
 * Availability estimate (docs/semantics.md): P(OK), P(not DOWN) and the expected downtime per year of
 * one service when every failable component is up independently with the availability of its
 * kind, on the static topology (nothing failed, no failover: standby VMs serve nothing).
 *
 * What a service serves is a function of a few units: each GSLB target and each non-GSLB entry
 * (LB, VM or site) of the service and of the services it depends on, plus each GSLB's own up
 * state. The exact method:
 *
 * 1. Components that reach two or more units (an account used in two zones, a zone holding two
 *    targets of a GSLB, a router shared by a service and its dependency) tie those units
 *    together, so their 2^s states are enumerated. Given them, the units are independent.
 * 2. Each unit's distribution — down, or up with a capacity clamped at the largest demand it
 *    serves (more is never served) — is built bottom-up: VMs summed per router group, each group
 *    up with its router and account, LB = min(limit, Σ groups). The LB's zone (and its router
 *    when it runs on one) is factored out inside the unit.
 * 3. A unit or a service used in two places (one LB behind two GSLBs, a diamond of
 *    dependencies) is conditioned on its value, deepest first, so what remains is a tree.
 * 4. A GSLB: for each set of healthy targets in the level that gets the traffic (the best
 *    priority with a healthy target for failover, every target otherwise), the shares come from
 *    `gslbShares` and the served amount is the convolution of min(share, capacity) over them.
 * 5. Dependencies scale by min(1, served/demand) as `withDependencies` does, in the same
 *    floating-point order, so every state gets the status `evaluate` would give it.
 *
 * Cost: 2^s · Π(support of the conditioned values) · (closure size × support), where s is
 * the number of shared components. Tree shapes (each zone and account under one target of the
 * service) have s = 0 and nothing repeated: linear in the size of the service's closure.
 *
 * Exact unless a budget is hit, and then `exact` is false:
 * - more shared components than 2^s × work ≤ 2^22 allows: the most shared are conditioned on,
 *   the rest are treated as independent in each unit they reach;
 * - more conditioned values than the branch budget: the rest are treated as independent copies;
 * - a GSLB level with more uncertain targets than 2^16 healthy sets allow (fewer when many
 *   shared components are conditioned on, down to 2^12): the sets with up to r unhealthy
 *   targets are enumerated, r as large as the budget allows, and the rest count as serving 0;
 * - a distribution above 4096 points: values are rounded down onto a grid.
 */

export interface AvailabilityEstimate {
  /** P(status OK). */
  ok: number;
  /** P(status not DOWN). */
  up: number;
  downtimeMinutesPerYear: number;
  /** False when a budget forced one of the approximations above. */
  exact: boolean;
}

export interface AvailabilityOptions {
  /** Count GSLBs as failable; without it they count only when the file gives their availability. */
  includeGslb?: boolean;
  /** Components taken as never failing: what the service would gain if they were made perfect. */
  perfect?: ReadonlySet<string>;
  /**
   * Components taken as down (a failure group's members, given the group's own failure): the
   * estimate on the condition that they failed.
   */
  failed?: ReadonlySet<string>;
}

const minutesPerYear = 525_600;
/** Brute force refuses more components than this: 2^22 full evaluations take tens of seconds. */
export const bruteForceLimit = 22;
const workBudget = 2 ** 22;
const maxShared = 20;
const minBranches = 256;
/** Healthy sets per GSLB level at least; more when few leaves are enumerated. */
const minPatterns = 4096;
const maxSupport = 4096;
/** A unit's value when it is down; up units have a capacity ≥ 0. */
const downValue = -1;

/** Value → probability. */
type Dist = Map<number, number>;

const staticFailovers: Failovers = {promoted: new Set(), forced: new Map()};

export function availability(
  model: Model,
  serviceId: string,
  options: AvailabilityOptions = {},
): AvailabilityEstimate {
  const counts = gslbCounts(model, options);
  const service = serviceOf(model, serviceId);
  const perfect = options.perfect;
  const failed = options.failed;
  if (deepServices(model).has(service.id))
    return {...deepEstimate(model, service, counts, perfect, failed)};
  if (!perfect?.size && !failed?.size)
    return {...shapeEstimate(model, service, counts, perfect, failed)};
  return {...variantEstimate(model, service, counts, perfect, failed)};
}

/** The estimate of the service's shape: computed by the first service of that shape only. */
function shapeEstimate(
  model: Model,
  service: Service,
  counts: boolean,
  perfect: ReadonlySet<string> | undefined,
  failed: ReadonlySet<string> | undefined,
): AvailabilityEstimate {
  // Services built alike share one estimate (see availabilityShape); a VM made perfect (or
  // failed) is named in the shape, since the shape gives no VM's availability otherwise (all
  // VMs share one).
  const shape = availabilityShape(
    model,
    service,
    (c) => baseUp(model, c, counts, perfect, failed),
    failed ? new Set([...(perfect ?? []), ...failed]) : perfect,
  );
  const entry = shapeEntry(model, shape, counts);
  return (entry.estimate ??= new Estimator(model, counts, perfect, failed).run(service));
}

interface ShapeEntry {
  /** The shape's estimate, once a service of this shape has been estimated. */
  estimate?: AvailabilityEstimate;
  /**
   * For a shape with nothing made perfect or failed: the estimates with some components made
   * perfect or failed, by where those stand in the walk (see `variantEstimate`).
   */
  variants?: Map<string, AvailabilityEstimate>;
}

const entriesByModel = new WeakMap<Model, ShapeMemo<ShapeEntry>>();

function shapeEntry(model: Model, shape: number[], counts: boolean): ShapeEntry {
  shape.push(counts ? 1 : 0);
  let entries = entriesByModel.get(model);
  if (!entries) entriesByModel.set(model, (entries = new ShapeMemo()));
  let entry = entries.get(shape);
  if (!entry) entries.set(shape, (entry = {}));
  return entry;
}

/**
 * The estimate with components made perfect or failed, as `improvementPotential` and the
 * failure groups ask it, many times per service. Services of one plain shape are walked alike,
 * so the components met at the same positions play the same part in each: the plain shape, the
 * positions of the components made perfect or failed and their availability in this call give
 * the shape with them, which is built only for the first service asking. A component the walk
 * never meets changes nothing in the shape, and is left out.
 */
function variantEstimate(
  model: Model,
  service: Service,
  counts: boolean,
  perfect: ReadonlySet<string> | undefined,
  failed: ReadonlySet<string> | undefined,
): AvailabilityEstimate {
  const walk = walkOf(model, service, counts);
  const key = variantKey(model, walk.positions, counts, perfect, failed);
  const variants = (walk.plain.variants ??= new Map());
  let estimate = variants.get(key);
  if (!estimate)
    variants.set(key, (estimate = shapeEstimate(model, service, counts, perfect, failed)));
  return estimate;
}

/** The positions of the components made perfect or failed, in order, each with its availability. */
function variantKey(
  model: Model,
  positions: ReadonlyMap<string, number>,
  counts: boolean,
  perfect: ReadonlySet<string> | undefined,
  failed: ReadonlySet<string> | undefined,
): string {
  const changed: Array<[position: number, up: number]> = [];
  const change = (id: string) => {
    const position = positions.get(id);
    const component = model.components.get(id);
    if (position !== undefined && component)
      changed.push([position, baseUp(model, component, counts, perfect, failed)]);
  };
  for (const id of perfect ?? []) if (!failed?.has(id)) change(id);
  for (const id of failed ?? []) change(id);
  return changed
    .sort((a, b) => a[0] - b[0])
    .map(([position, up]) => `${position}:${up}`)
    .join(',');
}

interface Walk {
  /** The entry of the service's shape with nothing made perfect or failed. */
  plain: ShapeEntry;
  /** Each component the walk meets → its position (see availabilityShape). */
  positions: Map<string, number>;
}

/**
 * The walks of the last services asked with components made perfect or failed, per model:
 * each service is asked many times in a row, and a large model's services are not all kept.
 */
const walksByModel = new WeakMap<Model, Map<string, Walk>>();
const keptWalks = 16;

function walkOf(model: Model, service: Service, counts: boolean): Walk {
  let walks = walksByModel.get(model);
  if (!walks) walksByModel.set(model, (walks = new Map()));
  const key = `${counts ? 1 : 0}${service.id}`;
  return keptIn(walks, key, keptWalks, () => {
    const positions = new Map<string, number>();
    const shape = availabilityShape(
      model,
      service,
      (c) => baseUp(model, c, counts),
      undefined,
      positions,
    );
    return {plain: shapeEntry(model, shape, counts), positions};
  });
}

/**
 * From this many dependencies deep, a service's estimate comes from one run at the top of its
 * chain. Each service's own run walks its whole closure, so a chain of n services estimated
 * one by one costs n²/2; the run at the top already holds every service below it in each
 * conditioned state, and summing those states gives each one's exact figure. Shallower
 * services keep their own run (and the shape memo above).
 */
const deepFrom = 32;

/** Services at least `deepFrom` dependencies (with demand) deep, found in one pass. */
function deepServices(model: Model): ReadonlySet<string> {
  const known = deepByModel.get(model);
  if (known) return known;
  const deep = new Set<string>();
  const depth = new Map<string, number>();
  for (const start of model.services) {
    if (depth.has(start.id)) continue;
    // Depth-first with an explicit stack: a chain of thousands of services is no deeper than one.
    const path: Array<{service: Service; next: number}> = [{service: start, next: 0}];
    const onPath = new Set<string>([start.id]);
    while (path.length > 0) {
      const top = path[path.length - 1]!;
      const id = top.service.dependsOn[top.next++];
      if (id === undefined) {
        let own = 0;
        for (const dependency of top.service.dependsOn)
          own = Math.max(own, 1 + (depth.get(dependency) ?? 0));
        depth.set(top.service.id, own);
        if (own >= deepFrom) deep.add(top.service.id);
        onPath.delete(top.service.id);
        path.pop();
        continue;
      }
      const dependency = model.components.get(id);
      if (dependency?.kind !== 'service' || !(dependency.demand > 0)) continue;
      if (depth.has(id) || onPath.has(id)) continue;
      onPath.add(id);
      path.push({service: dependency, next: 0});
    }
  }
  deepByModel.set(model, deep);
  return deep;
}

const deepByModel = new WeakMap<Model, ReadonlySet<string>>();

/** Estimates taken from runs at the top of a chain, per model and per set of perfect components. */
const chainEstimates = new WeakMap<Model, Map<string, Map<string, AvailabilityEstimate>>>();

function deepEstimate(
  model: Model,
  service: Service,
  counts: boolean,
  perfect: ReadonlySet<string> | undefined,
  failed: ReadonlySet<string> | undefined,
): AvailabilityEstimate {
  let perModel = chainEstimates.get(model);
  if (!perModel) chainEstimates.set(model, (perModel = new Map()));
  const ids = (set: ReadonlySet<string> | undefined) => (set ? [...set].sort().join('\u0000') : '');
  const key = `${counts ? 1 : 0}|${ids(perfect)}|${ids(failed)}`;
  let known = perModel.get(key);
  if (!known) perModel.set(key, (known = new Map()));
  const found = known.get(service.id);
  if (found) return found;
  const below = new Estimator(model, counts, perfect, failed).runWithClosure(topOf(model, service));
  // A run that hit a budget conditioned on what the top needs: each service then runs alone.
  if (below) for (const [id, estimate] of below) known.set(id, estimate);
  let estimate = known.get(service.id);
  if (!estimate)
    known.set(service.id, (estimate = new Estimator(model, counts, perfect, failed).run(service)));
  return estimate;
}

/** A service that depends on this one (with demand), up to one that nothing depends on. */
function topOf(model: Model, service: Service): Service {
  let dependents = dependentsByModel.get(model);
  if (!dependents) {
    dependents = new Map();
    for (const other of model.services)
      for (const id of other.dependsOn) if (!dependents.has(id)) dependents.set(id, other);
    dependentsByModel.set(model, dependents);
  }
  let top = service;
  const seen = new Set<string>([service.id]);
  for (;;) {
    const above = dependents.get(top.id);
    if (!above || seen.has(above.id) || !(top.demand > 0)) return top;
    seen.add(above.id);
    top = above;
  }
}

const dependentsByModel = new WeakMap<Model, Map<string, Service>>();

/** Every state of the relevant components, each evaluated in full: 2^n, for tests only. */
export function availabilityBruteForce(
  model: Model,
  serviceId: string,
  options: AvailabilityOptions = {},
): AvailabilityEstimate {
  const service = serviceOf(model, serviceId);
  const counts = gslbCounts(model, options);
  const random: string[] = [];
  const upProbability: number[] = [];
  // Taken as down, failable alone or not.
  const alwaysDown: string[] = [...(options.failed ?? [])];
  for (const id of relevantComponents(model, serviceId, options)) {
    if (options.failed?.has(id)) continue;
    const p = baseUp(model, model.components.get(id)!, counts, options.perfect);
    if (p <= 0) alwaysDown.push(id);
    else if (p < 1) {
      random.push(id);
      upProbability.push(p);
    }
  }
  if (random.length > bruteForceLimit)
    throw new Error(
      `brute force over ${random.length} components of ${serviceId} refused (at most ${bruteForceLimit})`,
    );
  let ok = 0;
  let up = 0;
  for (let mask = 0; mask < 2 ** random.length; mask++) {
    let probability = 1;
    const failed = [...alwaysDown];
    random.forEach((id, index) => {
      if (mask & (1 << index)) {
        failed.push(id);
        probability *= 1 - upProbability[index]!;
      } else probability *= upProbability[index]!;
    });
    const served = evaluate(model, propagate(model, failed), staticFailovers).served.get(
      service.id,
    )!;
    const status = statusOf(service, served);
    if (status === 'OK') ok += probability;
    if (status !== 'DOWN') up += probability;
  }
  return estimateOf(ok, up, true);
}

/**
 * Failable components whose blast radius touches a VM, LB, site or GSLB reached from the
 * service's entry or from those of the services it depends on; all others factor out.
 */
export function relevantComponents(
  model: Model,
  serviceId: string,
  options: AvailabilityOptions = {},
): string[] {
  const counts = gslbCounts(model, options);
  const reached = reachedBy(model, serviceId);
  const relevant: string[] = [];
  for (const component of model.components.values()) {
    if (!isFailable(component, counts)) continue;
    for (const id of blastRadius(model, component.id)) {
      if (reached.has(id)) {
        relevant.push(component.id);
        break;
      }
    }
  }
  return relevant;
}

/**
 * What a service's answer reads: its entry, its GSLB's targets and the VMs they reach, and the
 * same for each service it depends on. A failure that touches none of them changes nothing.
 */
export function reachedBy(model: Model, serviceId: string): Set<string> {
  const reached = new Set<string>();
  const seen = new Set<string>();
  const pending = [serviceId];
  while (pending.length > 0) {
    const service = serviceOf(model, pending.pop()!);
    if (seen.has(service.id)) continue;
    seen.add(service.id);
    reached.add(service.entry);
    const entry = model.components.get(service.entry);
    if (entry?.kind === 'gslb') for (const target of entry.targets) reached.add(target.ref);
    for (const vm of reachedVms(model, service.entry)) reached.add(vm.id);
    pending.push(...service.dependsOn);
  }
  return reached;
}

function gslbCounts(model: Model, options: AvailabilityOptions): boolean {
  return options.includeGslb === true || model.topology.availability.gslb !== undefined;
}

function serviceOf(model: Model, id: string): Service {
  const service = model.components.get(id);
  if (service?.kind !== 'service') throw new Error(`unknown service "${id}"`);
  return service;
}

function baseUp(
  model: Model,
  component: Component,
  gslbCounts: boolean,
  perfect?: ReadonlySet<string>,
  failed?: ReadonlySet<string>,
): number {
  if (component.kind === 'service') return 1;
  // Before the failable check: a group takes down members that never fail alone (a redundant
  // router pair, a GSLB left out).
  if (failed?.has(component.id)) return 0;
  if (!isFailable(component, gslbCounts)) return 1;
  if (perfect?.has(component.id)) return 1;
  return model.availability[component.kind];
}

function estimateOf(ok: number, up: number, exact: boolean): AvailabilityEstimate {
  const clampedUp = Math.min(1, Math.max(0, up));
  return {
    ok: Math.min(clampedUp, Math.max(0, ok)),
    up: clampedUp,
    downtimeMinutesPerYear: (1 - clampedUp) * minutesPerYear,
    exact,
  };
}

/** What a VM serves on the static topology: standbys are not promoted. */
function servingCapacity(vm: Vm): number {
  return vm.role === 'active' ? vm.capacity : 0;
}

function add(dist: Dist, value: number, p: number) {
  if (p > 0) dist.set(value, (dist.get(value) ?? 0) + p);
}

function point(value: number): Dist {
  return new Map([[value, 1]]);
}

function twoPoint(upValue: number, pUp: number, otherValue: number): Dist {
  const dist: Dist = new Map();
  add(dist, upValue, pUp);
  add(dist, otherValue, 1 - pUp);
  return dist;
}

/** Node keys: `t:` a unit (GSLB target or non-GSLB entry), `g:` a GSLB's up state, `s:` a service. */
type NodeKey = string;

class Estimator {
  /** Conditioned components: id → up. */
  private readonly fixed = new Map<string, boolean>();
  /** Conditioned units and services: node key → value. */
  private readonly values = new Map<NodeKey, number>();
  /** Unit ref → the largest demand it serves: capacity above it never matters. */
  private readonly clampOf = new Map<string, number>();
  /** Units whose distribution does not depend on the conditioned components. */
  private readonly cacheable = new Set<string>();
  private readonly cache = new Map<string, Dist>();
  private readonly closures = new Map<string, Service[]>();
  private exact = true;
  private maxPatterns = minPatterns;
  /** The running sums of a GSLB's healthy sets (gslbEntry), reused from one set to the next. */
  private readonly sums = [new DistSum(), new DistSum()] as const;

  constructor(
    private readonly model: Model,
    private readonly gslbCounts: boolean,
    private readonly perfect?: ReadonlySet<string>,
    private readonly failed?: ReadonlySet<string>,
  ) {}

  run(root: Service): AvailabilityEstimate {
    return this.estimate(root);
  }

  /**
   * The root's run, and beside it the exact estimate of every service in its closure (the sum
   * of each one's distribution over the same conditioned states); undefined when a budget made
   * the run inexact.
   */
  runWithClosure(root: Service): Map<string, AvailabilityEstimate> | undefined {
    const sums = new Map<string, {ok: number; up: number}>();
    for (const service of this.closure(root)) sums.set(service.id, {ok: 0, up: 0});
    const estimate = this.estimate(root, sums);
    if (!estimate.exact) return undefined;
    const estimates = new Map<string, AvailabilityEstimate>();
    for (const [id, {ok, up}] of sums) estimates.set(id, estimateOf(ok, up, true));
    return estimates;
  }

  private estimate(
    root: Service,
    closureSums?: Map<string, {ok: number; up: number}>,
  ): AvailabilityEstimate {
    const closure = this.closure(root);
    const uses = new Map<NodeKey, number>();
    const use = (key: NodeKey) => uses.set(key, (uses.get(key) ?? 0) + 1);
    const serve = (ref: string, demand: number) => {
      use(`t:${ref}`);
      this.clampOf.set(ref, Math.max(this.clampOf.get(ref) ?? 0, demand));
    };
    for (const service of closure) {
      const entry = this.component(service.entry);
      if (entry.kind === 'gslb') {
        use(`g:${entry.id}`);
        for (const target of entry.targets) serve(target.ref, service.demand);
      } else serve(entry.id, service.demand);
      for (const id of service.dependsOn) if (this.service(id).demand > 0) use(`s:${id}`);
    }

    const unitsReached = new Map<string, number>();
    const componentsOfUnit = new Map<NodeKey, string[]>();
    let work = closure.length;
    for (const key of uses.keys()) {
      if (key.startsWith('s:')) continue;
      const components = this.unitComponents(key);
      componentsOfUnit.set(key, components);
      // Convolving a unit costs about (its components) × (support so far).
      work += 1 + components.length * Math.min(components.length, 64);
      for (const id of components) unitsReached.set(id, (unitsReached.get(id) ?? 0) + 1);
    }
    const shared = [...unitsReached]
      .filter(([, count]) => count >= 2)
      .sort((a, b) => b[1] - a[1])
      .map(([id]) => id);
    const sharedLimit = Math.min(maxShared, Math.max(0, Math.floor(Math.log2(workBudget / work))));
    const conditioned = shared.slice(0, sharedLimit);
    if (conditioned.length < shared.length) this.exact = false;
    const conditionedSet = new Set(conditioned);
    for (const [key, components] of componentsOfUnit)
      if (key.startsWith('t:') && !components.some((id) => conditionedSet.has(id)))
        this.cacheable.add(key.slice(2));

    // Units before services, services deepest first: a repeated service is conditioned on
    // only once everything repeated below it is fixed, so its own distribution is a tree's.
    const repeated: NodeKey[] = [...uses]
      .filter(([key, count]) => count >= 2 && !key.startsWith('s:'))
      .map(([key]) => key);
    for (const service of closure)
      if ((uses.get(`s:${service.id}`) ?? 0) >= 2) repeated.push(`s:${service.id}`);
    this.maxPatterns = Math.max(minPatterns, Math.floor(workBudget / 64 / 2 ** conditioned.length));
    const maxBranches = Math.max(
      minBranches,
      Math.floor(workBudget / (work * 2 ** conditioned.length)),
    );

    let ok = 0;
    let up = 0;
    const leaf = (weight: number) => {
      const dists = this.serviceDists(root);
      for (const [served, p] of dists.get(root.id)!) {
        const status = statusOf(root, served);
        if (status === 'OK') ok += weight * p;
        if (status !== 'DOWN') up += weight * p;
      }
      if (closureSums)
        for (const service of closure) {
          const sum = closureSums.get(service.id)!;
          for (const [served, p] of dists.get(service.id)!) {
            const status = statusOf(service, served);
            if (status === 'OK') sum.ok += weight * p;
            if (status !== 'DOWN') sum.up += weight * p;
          }
        }
    };
    const byValue = (index: number, weight: number, branches: number): void => {
      if (index === repeated.length) return leaf(weight);
      const key = repeated[index]!;
      const dist = this.nodeDist(key);
      if (branches * dist.size > maxBranches) {
        this.exact = false;
        return byValue(index + 1, weight, branches);
      }
      for (const [value, p] of dist) {
        this.values.set(key, value);
        byValue(index + 1, weight * p, branches * dist.size);
      }
      this.values.delete(key);
    };
    const byComponent = (index: number, weight: number): void => {
      if (index === conditioned.length) return byValue(0, weight, 1);
      const id = conditioned[index]!;
      const p = this.baseUp(id);
      this.fixed.set(id, true);
      byComponent(index + 1, weight * p);
      this.fixed.set(id, false);
      byComponent(index + 1, weight * (1 - p));
      this.fixed.delete(id);
    };
    byComponent(0, 1);
    return estimateOf(ok, up, this.exact);
  }

  /**
   * The service and every service it needs (through dependencies with demand), deepest first.
   * Walked with an explicit stack: a chain of thousands of services is no deeper than one.
   */
  private closure(root: Service): Service[] {
    const known = this.closures.get(root.id);
    if (known) return known;
    const order: Service[] = [];
    const seen = new Set<string>([root.id]);
    const path: Array<{service: Service; next: number}> = [{service: root, next: 0}];
    while (path.length > 0) {
      const top = path[path.length - 1]!;
      const id = top.service.dependsOn[top.next++];
      if (id === undefined) {
        order.push(top.service);
        path.pop();
        continue;
      }
      const dependency = this.service(id);
      if (!(dependency.demand > 0) || seen.has(id)) continue;
      seen.add(id);
      path.push({service: dependency, next: 0});
    }
    this.closures.set(root.id, order);
    return order;
  }

  /** The uncertain components a unit's value depends on. */
  private unitComponents(key: NodeKey): string[] {
    const id = key.slice(2);
    const found = new Set<string>();
    if (key.startsWith('g:')) found.add(id);
    else {
      const component = this.component(id);
      const addVm = (vm: Vm) => {
        // A VM that serves nothing looks the same up or down to every check.
        if (servingCapacity(vm) <= 0) return;
        found.add(vm.id).add(vm.router).add(vm.account).add(vm.zone);
      };
      if (component.kind === 'vm') addVm(component);
      else if (component.kind === 'site') {
        if (component.capacity > 0) found.add(component.id);
      } else if (component.kind === 'lb') {
        found.add(component.id).add(component.zone);
        if (component.runsOn === 'router')
          found.add(routerId(component.account, component.zone)).add(component.account);
        for (const member of component.members) addVm(this.vm(member));
      }
    }
    return [...found].filter((id) => {
      const p = this.baseUp(id);
      return p > 0 && p < 1;
    });
  }

  private nodeDist(key: NodeKey): Dist {
    const id = key.slice(2);
    if (key.startsWith('t:')) return this.target(id);
    if (key.startsWith('g:')) return twoPoint(1, this.up(id), 0);
    return this.serviceDist(this.service(id));
  }

  private component(id: string): Component {
    return this.model.components.get(id)!;
  }

  private service(id: string): Service {
    return this.component(id) as Service;
  }

  private vm(id: string): Vm {
    return this.component(id) as Vm;
  }

  private baseUp(id: string): number {
    const component = this.model.components.get(id);
    return component
      ? baseUp(this.model, component, this.gslbCounts, this.perfect, this.failed)
      : 1;
  }

  private up(id: string): number {
    const fixed = this.fixed.get(id);
    return fixed === undefined ? this.baseUp(id) : fixed ? 1 : 0;
  }

  /** Served by a service: entry, then × min(1, served/demand) per dependency, then tidied. */
  private serviceDist(root: Service): Dist {
    return this.serviceDists(root).get(root.id)!;
  }

  /** Every service of the root's closure, deepest first: each dependency's is ready in time. */
  private serviceDists(root: Service): Map<string, Dist> {
    const dists = new Map<string, Dist>();
    for (const service of this.closure(root))
      dists.set(service.id, this.ownServiceDist(service, dists));
    return dists;
  }

  private ownServiceDist(service: Service, dependencies: Map<string, Dist>): Dist {
    const fixed = this.values.get(`s:${service.id}`);
    if (fixed !== undefined) return point(fixed);
    const entry = this.component(service.entry);
    let dist =
      entry.kind === 'gslb'
        ? this.gslbEntry(entry, service.demand)
        : this.mapped(this.target(entry.id), (value) =>
            tidy(Math.min(service.demand, Math.max(0, value))),
          );
    for (const [index, id] of service.dependsOn.entries()) {
      const dependency = this.service(id);
      // Named twice, it is one dependency (as in `withDependencies`).
      if (!(dependency.demand > 0) || service.dependsOn.indexOf(id) !== index) continue;
      dist = this.combined(dist, dependencies.get(id)!, (served, theirs) => {
        return served * Math.min(1, theirs / dependency.demand);
      });
    }
    return this.mapped(dist, tidy);
  }

  /** A unit: `downValue` when down, else its capacity (clamped at the largest demand it serves). */
  private target(ref: string): Dist {
    const fixed = this.values.get(`t:${ref}`);
    if (fixed !== undefined) return point(fixed);
    const cached = this.cache.get(ref);
    if (cached) return cached;
    const component = this.component(ref);
    const clamp = this.clampOf.get(ref) ?? Infinity;
    let dist: Dist;
    if (component.kind === 'lb') dist = this.lbTarget(component, clamp);
    else if (component.kind === 'vm') {
      const pUp =
        this.up(component.id) *
        this.up(component.router) *
        this.up(component.account) *
        this.up(component.zone);
      dist = twoPoint(Math.min(clamp, servingCapacity(component)), pUp, downValue);
    } else if (component.kind === 'site')
      dist = twoPoint(Math.min(clamp, component.capacity), this.up(component.id), downValue);
    else dist = point(downValue);
    if (this.cacheable.has(ref)) this.cache.set(ref, dist);
    return dist;
  }

  private lbTarget(lb: LoadBalancer, clamp: number): Dist {
    const ownRouter = routerId(lb.account, lb.zone);
    let pUp = this.up(lb.id) * this.up(lb.zone);
    if (lb.runsOn === 'router') pUp *= this.up(ownRouter) * this.up(lb.account);
    const dist: Dist = new Map();
    add(dist, downValue, 1 - pUp);
    if (pUp <= 0) return dist;
    // Given the LB up, its zone is up (and its router, when it runs on one), so the member
    // groups behind different routers are independent of each other.
    const groups = new Map<string, Vm[]>();
    for (const id of lb.members) {
      const vm = this.vm(id);
      if (servingCapacity(vm) <= 0) continue;
      const group = groups.get(vm.router);
      if (group) group.push(vm);
      else groups.set(vm.router, [vm]);
    }
    const sum = (a: number, b: number) => Math.min(clamp, a + b);
    let members = point(0);
    for (const [router, vms] of groups) {
      let group = point(0);
      for (const vm of vms)
        group = this.combined(group, twoPoint(vm.capacity, this.up(vm.id), 0), sum);
      const pGroup =
        lb.runsOn === 'router' && router === ownRouter
          ? 1
          : this.up(router) * this.up(vms[0]!.account);
      const withRouter: Dist = new Map();
      for (const [value, p] of group) add(withRouter, value, p * pGroup);
      add(withRouter, 0, 1 - pGroup);
      members = this.combined(members, withRouter, sum);
    }
    const limit = lb.limit ?? Infinity;
    for (const [value, p] of members) add(dist, Math.min(limit, value), p * pUp);
    return dist;
  }

  /** What a GSLB entry serves of `demand`, as `entryServed` computes it in each state. */
  private gslbEntry(gslb: Gslb, demand: number): Dist {
    const result: Dist = new Map();
    const pUp = this.values.get(`g:${gslb.id}`) ?? this.up(gslb.id);
    add(result, 0, 1 - pUp);
    if (pUp <= 0) return result;
    const healthyPoints: Array<Array<[number, number]>> = [];
    const healthy: number[] = [];
    const unhealthy: number[] = [];
    for (const target of gslb.targets) {
      const kind = this.component(target.ref).kind;
      const points: Array<[number, number]> = [];
      let h = 0;
      let u = 0;
      for (const [value, p] of this.target(target.ref)) {
        const state: TargetState = {capacity: Math.max(0, value), up: value !== downValue};
        if (targetHealthy(gslb, kind, state)) {
          points.push([state.capacity, p]);
          h += p;
        } else u += p;
      }
      healthyPoints.push(points);
      healthy.push(h);
      unhealthy.push(u);
    }
    const states: TargetState[] = gslb.targets.map(() => ({capacity: 0, up: false}));
    // P(the GSLB is up and no earlier level has a healthy target).
    let reach = pUp;
    for (const level of gslbLevels(gslb)) {
      const always = level.filter((i) => healthy[i]! > 0 && unhealthy[i] === 0);
      const maybe = level.filter((i) => healthy[i]! > 0 && unhealthy[i]! > 0);
      const maxUnhealthy = patternDepth(maybe.length, this.maxPatterns);
      let enumerated = 0;
      const visit = (j: number, chosen: number[], weight: number, failures: number): void => {
        if (j === maybe.length) {
          if (chosen.length + always.length === 0) return;
          const set = [...always, ...chosen].sort((a, b) => a - b);
          const flags = gslb.targets.map(() => false);
          for (const i of set) flags[i] = true;
          const shares = gslbShares(gslb, demand, states, flags);
          // Summed in target order, as gslbServed does.
          let [served, next] = this.sums;
          served.clear();
          served.add(0, 1);
          for (const i of set) {
            const share = shares[i]!;
            const points = healthyPoints[i]!;
            next.clear();
            for (let s = 0; s < served.size; s++) {
              const sum = served.value(s);
              const p = served.probability(s);
              for (const [capacity, q] of points) next.add(sum + Math.min(share, capacity), p * q);
            }
            if (next.size > maxSupport) {
              this.exact = false;
              next.fromMap(compact(next.toMap(), maxSupport));
            }
            [served, next] = [next, served];
          }
          let mass = 0;
          for (let s = 0; s < served.size; s++) {
            const p = served.probability(s);
            add(result, tidy(served.value(s)), reach * weight * p);
            mass += p;
          }
          enumerated += weight * mass;
          return;
        }
        const i = maybe[j]!;
        visit(j + 1, [...chosen, i], weight, failures);
        if (failures < maxUnhealthy) visit(j + 1, chosen, weight * unhealthy[i]!, failures + 1);
      };
      visit(0, [], 1, 0);
      let none = 1;
      for (const i of level) none *= unhealthy[i]!;
      if (maxUnhealthy < maybe.length) {
        // Healthy sets left out for the budget count as serving nothing.
        this.exact = false;
        add(result, 0, reach * Math.max(0, 1 - enumerated - none));
      }
      reach *= none;
      if (reach <= 0) break;
    }
    add(result, 0, reach);
    return this.bounded(result);
  }

  private mapped(dist: Dist, f: (value: number) => number): Dist {
    const result: Dist = new Map();
    for (const [value, p] of dist) add(result, f(value), p);
    return result;
  }

  private combined(a: Dist, b: Dist, f: (x: number, y: number) => number): Dist {
    const result: Dist = new Map();
    for (const [x, p] of a) for (const [y, q] of b) add(result, f(x, y), p * q);
    return this.bounded(result);
  }

  private bounded(dist: Dist): Dist {
    if (dist.size <= maxSupport) return dist;
    this.exact = false;
    return compact(dist, maxSupport);
  }
}

/** The most unhealthy targets per healthy set such that all those sets fit in the budget. */
function patternDepth(uncertain: number, maxPatterns: number): number {
  let total = 0;
  let choose = 1;
  for (let r = 0; r <= uncertain; r++) {
    total += choose;
    if (total > maxPatterns) return r - 1;
    choose = (choose * (uncertain - r)) / (r + 1);
  }
  return uncertain;
}

/** Rounds positive values down onto a grid of `size` steps; down and 0 stay apart. */
function compact(dist: Dist, size: number): Dist {
  const entries = [...dist].sort((a, b) => a[0] - b[0]);
  const top = entries.at(-1)?.[0] ?? 0;
  const step = top / (size - 2);
  const result: Dist = new Map();
  let bucket = Number.NaN;
  let representative = 0;
  for (const [value, p] of entries) {
    if (value <= 0) {
      add(result, value, p);
      continue;
    }
    const index = Math.floor(value / step);
    if (index !== bucket) {
      bucket = index;
      representative = value;
    }
    add(result, representative, p);
  }
  return result;
}
