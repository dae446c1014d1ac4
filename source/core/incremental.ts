import type {Snapshot} from './analyze.js';
import {Recent} from './kept.js';
import {
  directEntryServed,
  failoversOf,
  gslbEntryServed,
  lbCapacity,
  targetHealthy,
  withDependencies,
  type Failovers,
  type TargetState,
} from './capacity.js';
import {containmentOf, type Containment} from './containment.js';
import {kindCode, layoutOf, type ModelLayout} from './model-layout.js';
import type {Gslb, LoadBalancer, Model} from './model.js';

const noChange: ReadonlyMap<string, number> = new Map();

/** One component's failure on top of a snapshot: how many fail with it and the services it changes. */
export interface Change {
  radius: number;
  /** Service id → served after; shared between components that change the same inputs: read only. */
  after: ReadonlyMap<string, number>;
}

/**
 * Evaluates single failures against one baseline. The containment graph is laid out once per
 * model in integer-indexed arrays (see layoutOf), and each failure is marked with an epoch stamp
 * instead of fresh sets, so a failure costs its blast radius plus the services it reaches, not a
 * pass over the topology. Only what a service reads directly (entries, GSLB targets) is noted as
 * changed: a VM behind a load balancer changes the service through that load balancer.
 */
export class Incremental {
  private readonly index: ReadonlyMap<string, number>;
  private readonly containment: Containment;
  private readonly layout: ModelLayout;
  /** Scratch lists, the model's (see scratchOf), valid where marked with this call's epoch. */
  private readonly stack: Int32Array;
  private readonly baseDown: Uint8Array;
  private readonly baseCapacity: Float64Array;
  /** Of each load balancer asked about: its members' base capacity, summed once. */
  private readonly memberSums = new Map<number, number>();
  private readonly baseServed: Float64Array;
  private readonly downMark: Int32Array;
  private readonly removedMark: Int32Array;
  private readonly removedAmount: Float64Array;
  private readonly changedMark: Int32Array;
  private readonly changed: Int32Array;
  private changedCount = 0;
  /** Services (places in dependency order) a failure reaches, and what they serve after it. */
  private readonly touchedMark: Int32Array;
  private readonly touched: Int32Array;
  private readonly servedAfter: Float64Array;
  private epoch = 0;
  /** How many failed with the component last asked of `afterAt` (not counting those down already). */
  radius = 0;
  private readonly memo = new Map<string, ReadonlyMap<string, number>>();
  private readonly single = new Map<number, Map<number, ReadonlyMap<string, number>>>();
  private readonly failovers: Failovers;
  private readonly scratch: Scratch;

  constructor(
    private readonly model: Model,
    private readonly base: Snapshot,
  ) {
    this.containment = containmentOf(model);
    this.index = this.containment.index;
    // The graph is the model's, built once (see layoutOf); only the baseline is this state's.
    const layout = (this.layout = layoutOf(model));
    const size = layout.components.length;
    this.baseDown = new Uint8Array(size);
    this.baseCapacity = new Float64Array(size);
    this.baseServed = new Float64Array(layout.order.length);
    const scratch = (this.scratch = scratchOf(layout, this.containment));
    this.stack = scratch.stack;
    this.downMark = scratch.downMark;
    this.removedMark = scratch.removedMark;
    this.removedAmount = scratch.removedAmount;
    this.changedMark = scratch.changedMark;
    this.changed = scratch.changed;
    this.touchedMark = scratch.touchedMark;
    this.touched = scratch.touched;
    this.servedAfter = scratch.servedAfter;
    const {evaluation} = base;
    for (const id of base.down.keys()) {
      const i = this.index.get(id);
      if (i !== undefined) this.baseDown[i] = 1;
    }
    // VM capacities are kept in the model's order already: no lookup at all.
    const vmsInOrder = evaluation.vm.capacities;
    for (let k = 0; k < vmsInOrder.length; k++) this.baseCapacity[layout.vmAt[k]!] = vmsInOrder[k]!;
    this.fill(evaluation.lb, model.loadBalancers, layout.lbAt);
    this.fill(evaluation.site, model.sites, layout.siteAt);
    layout.order.forEach((service, place) => {
      this.baseServed[place] = evaluation.served.get(service.id)!;
    });
    this.failovers = failoversOf(base.state);
  }

  /**
   * Base capacities from the evaluation's map. `evaluate` fills it in the model's order, so
   * the ids line up with the model's list and need no lookup; any other order is looked up.
   */
  private fill(
    capacities: ReadonlyMap<string, number>,
    list: ReadonlyArray<{id: string}>,
    at: Int32Array,
  ) {
    let k = 0;
    for (const [id, capacity] of capacities) {
      const i = list[k]?.id === id ? at[k]! : this.index.get(id);
      if (i !== undefined) this.baseCapacity[i] = capacity;
      k++;
    }
  }

  changeOf(id: string): Change {
    return this.changeAt(this.index.get(id)!);
  }

  /** `changeOf` by the component's index in the model's layout (see layoutOf). */
  changeAt(root: number): Change {
    const after = this.afterAt(root);
    return {radius: this.radius, after};
  }

  /** The services a component's failure changes; its radius is left in `radius` (no object per call). */
  afterAt(root: number): ReadonlyMap<string, number> {
    this.epoch = ++this.scratch.epoch;
    this.changedCount = 0;
    const radius = (this.radius = this.markRadius(root));
    if (radius === 0) return noChange;

    // The services' answers depend only on the new state of what they read directly; failures
    // that change those the same way (VMs of one LB with equal capacity) share one answer.
    // Most failures change one such input; those are memoised by index and state without a string.
    let only = -1;
    let onlyState = 0;
    let key = '';
    for (let n = 0; n < this.changedCount; n++) {
      const c = this.changed[n]!;
      const capacity = this.capacityAt(c);
      const up = this.downMark[c] !== this.epoch && this.baseDown[c] === 0;
      if (capacity === this.baseCapacity[c] && up === (this.baseDown[c] === 0)) continue;
      const code = up ? capacity : -1 - capacity;
      if (only === -1 && key === '') {
        only = c;
        onlyState = code;
        continue;
      }
      if (only !== -1) key = `${only}:${onlyState};`;
      only = -1;
      key += `${c}:${code};`;
    }
    if (only === -1 && key === '') return noChange;
    let after = only !== -1 ? this.single.get(only)?.get(onlyState) : this.memo.get(key);
    if (!after) {
      after = this.servicesAfter();
      if (only === -1) this.memo.set(key, after);
      else {
        const states = this.single.get(only) ?? new Map<number, ReadonlyMap<string, number>>();
        states.set(onlyState, after);
        this.single.set(only, states);
      }
    }
    return after;
  }

  /**
   * The services changed when all of `roots` fail together on top of the baseline: their blast
   * radii are marked under one epoch, so what two of them share is removed once. No memo: the
   * cut-set search asks each set once.
   */
  afterAllAt(roots: ArrayLike<number>, count = roots.length): ReadonlyMap<string, number> {
    this.epoch = ++this.scratch.epoch;
    this.changedCount = 0;
    let radius = 0;
    for (let n = 0; n < count; n++) radius += this.markRadius(roots[n]!);
    this.radius = radius;
    if (radius === 0 || this.changedCount === 0) return noChange;
    return this.servicesAfter();
  }

  /** Marks `root` and all that fails with it (the containment index's descendants). */
  private markRadius(root: number): number {
    const {childStart, childList} = this.containment;
    // What a component down already holds is down already (the snapshot propagated it, or this
    // walk marked it): only a newly marked component's children are pushed, each list once.
    const stack = this.stack;
    stack[0] = root;
    let top = 1;
    let radius = 0;
    while (top > 0) {
      const i = stack[--top]!;
      if (this.mark(i) === 0) continue;
      radius++;
      for (let k = childStart[i]!; k < childStart[i + 1]!; k++) stack[top++] = childList[k]!;
    }
    return radius;
  }

  /** Marks one component down (unless it already was) and notes what it changes; 1 if newly down. */
  private mark(i: number): number {
    if (this.baseDown[i] === 1 || this.downMark[i] === this.epoch) return 0;
    this.downMark[i] = this.epoch;
    const code = this.layout.codes[i];
    if (code === kindCode.vm) {
      this.noteChanged(i);
      const {lbStart, lbList} = this.layout;
      const capacity = this.baseCapacity[i]!;
      for (let k = lbStart[i]!; k < lbStart[i + 1]!; k++) {
        const lb = lbList[k]!;
        if (this.removedMark[lb] !== this.epoch) {
          this.removedMark[lb] = this.epoch;
          this.removedAmount[lb] = 0;
        }
        this.removedAmount[lb] = this.removedAmount[lb]! + capacity;
        this.noteChanged(lb);
      }
    } else if (code !== kindCode.other) this.noteChanged(i);
    return 1;
  }

  /** Notes a component whose new state a service may read; others change nothing by themselves. */
  private noteChanged(i: number) {
    if (this.layout.feeds[i] === 0 || this.changedMark[i] === this.epoch) return;
    this.changedMark[i] = this.epoch;
    this.changed[this.changedCount++] = i;
  }

  private stateAt(i: number): TargetState {
    return {
      capacity: this.capacityAt(i),
      up: this.downMark[i] !== this.epoch && this.baseDown[i] === 0,
    };
  }

  private capacityAt(i: number): number {
    if (this.downMark[i] === this.epoch) return 0;
    if (this.removedMark[i] === this.epoch) {
      const lb = this.layout.components[i] as LoadBalancer;
      return lbCapacity(lb, this.memberSumAt(i) - this.removedAmount[i]!, this.baseDown[i] === 1);
    }
    return this.baseCapacity[i]!;
  }

  /** The base capacity of a load balancer's members, summed in their order as `evaluate` sums them. */
  private memberSumAt(lb: number): number {
    let sum = this.memberSums.get(lb);
    if (sum === undefined) {
      const {memberStart, memberList} = this.layout;
      sum = 0;
      for (let k = memberStart[lb]!; k < memberStart[lb + 1]!; k++)
        sum += this.baseCapacity[memberList[k]!]!;
      this.memberSums.set(lb, sum);
    }
    return sum;
  }

  /** `entryServed` for the service at `place`, its entry and targets read by index. */
  private entryAfter(place: number): number {
    const {order, entryAt, codes, components, kinds, targetStart, targetList} = this.layout;
    const service = order[place]!;
    const entry = entryAt[place]!;
    if (codes[entry] !== kindCode.gslb) return directEntryServed(service, this.stateAt(entry));
    if (this.baseDown[entry] === 1 || this.downMark[entry] === this.epoch) return 0;
    const gslb = components[entry] as Gslb;
    const states: TargetState[] = [];
    const healthy: boolean[] = [];
    for (let k = targetStart[entry]!; k < targetStart[entry + 1]!; k++) {
      const target = targetList[k]!;
      const state = this.stateAt(target);
      states.push(state);
      healthy.push(targetHealthy(gslb, kinds[target]!, state));
    }
    return gslbEntryServed(gslb, service.demand, states, healthy, this.failovers);
  }

  /** What a service serves after the failure being marked: its own answer once evaluated, else the baseline. */
  private readonly servedNow = {
    get: (id: string): number | undefined => {
      const place = this.layout.orderIndex.get(id);
      if (place === undefined) return undefined;
      return this.touchedMark[place] === this.epoch
        ? this.servedAfter[place]
        : this.baseServed[place];
    },
  } as ReadonlyMap<string, number>;

  private servicesAfter(): ReadonlyMap<string, number> {
    const {readerStart, readerList, dependentStart, dependentList, order} = this.layout;
    const {touched, touchedMark, epoch} = this;
    let count = 0;
    for (let n = 0; n < this.changedCount; n++) {
      const c = this.changed[n]!;
      for (let k = readerStart[c]!; k < readerStart[c + 1]!; k++) {
        const place = readerList[k]!;
        if (touchedMark[place] === epoch) continue;
        touchedMark[place] = epoch;
        touched[count++] = place;
      }
    }
    if (count === 0) return noChange;
    // Dependents follow their dependencies.
    for (let q = 0; q < count; q++) {
      const place = touched[q]!;
      for (let k = dependentStart[place]!; k < dependentStart[place + 1]!; k++) {
        const dependent = dependentList[k]!;
        if (touchedMark[dependent] === epoch) continue;
        touchedMark[dependent] = epoch;
        touched[count++] = dependent;
      }
    }
    // In dependency order, so each service reads its dependencies' answers after the failure.
    const places = touched.subarray(0, count);
    if (count > 1) places.sort();
    const changed = new Map<string, number>();
    for (const place of places) {
      const service = order[place]!;
      const entry = this.entryAfter(place);
      const after = withDependencies(this.model, service, entry, this.servedNow);
      this.servedAfter[place] = after;
      if (after !== this.baseServed[place]) changed.set(service.id, after);
    }
    return changed;
  }
}

/**
 * The scratch lists of every engine of one model, shared: an engine uses them only within one
 * call, marked with an epoch no other call has had. Each state's engine then allocates only its
 * baseline (two arrays), not the nine lists of the model's size; at 100k VMs those were 5 MB a
 * state, and a flood of events, each batch a state, left the C allocator's heap 44 MB larger.
 */
interface Scratch {
  epoch: number;
  stack: Int32Array;
  downMark: Int32Array;
  removedMark: Int32Array;
  removedAmount: Float64Array;
  changedMark: Int32Array;
  changed: Int32Array;
  touchedMark: Int32Array;
  touched: Int32Array;
  servedAfter: Float64Array;
}

const scratches = new WeakMap<ModelLayout, Scratch>();

function scratchOf(layout: ModelLayout, containment: Containment): Scratch {
  let scratch = scratches.get(layout);
  if (scratch) return scratch;
  const size = layout.components.length;
  const services = layout.order.length;
  scratch = {
    epoch: 0,
    // The root plus one push per edge at most (see markRadius).
    stack: new Int32Array(containment.childList.length + 1),
    downMark: new Int32Array(size),
    removedMark: new Int32Array(size),
    removedAmount: new Float64Array(size),
    changedMark: new Int32Array(size),
    changed: new Int32Array(size),
    touchedMark: new Int32Array(services),
    touched: new Int32Array(services),
    servedAfter: new Float64Array(services),
  };
  scratches.set(layout, scratch);
  return scratch;
}

/** Each holds its snapshot's baseline and the answers it gave (see Recent). */
const engines = new Recent<Snapshot, Incremental>(4);

/** The incremental evaluator against a snapshot, built once per snapshot and shared. */
export function incrementalOf(model: Model, base: Snapshot): Incremental {
  return engines.of(base, () => new Incremental(model, base));
}

/** Forgets the evaluators of every snapshot but those `wanted` holds to. */
export function keepEngines(wanted: (base: Snapshot) => boolean): void {
  engines.keepOnly(wanted);
}
