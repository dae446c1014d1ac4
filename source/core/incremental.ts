import type {Snapshot} from './analyze.js';
import {
  entryServed,
  failoversOf,
  lbCapacity,
  withDependencies,
  type Failovers,
  type TargetState,
} from './capacity.js';
import {containmentOf, type Containment} from './containment.js';
import {layoutOf} from './layout.js';
import type {Component, LoadBalancer, Model, Service} from './model.js';
import type {Kind} from './schema.js';

const noChange: ReadonlyMap<string, number> = new Map();

/** One component's failure on top of a snapshot: how many fail with it and the services it changes. */
export interface Change {
  radius: number;
  /** Service id → served after; shared between components that change the same inputs: read only. */
  after: ReadonlyMap<string, number>;
}

/**
 * Evaluates single failures against one baseline. The containment graph is laid out once in
 * integer-indexed arrays, and each failure is marked with an epoch stamp instead of fresh sets,
 * so a failure costs its blast radius plus the services it reaches, not a pass over the topology.
 */
export class Incremental {
  private readonly index: ReadonlyMap<string, number>;
  private readonly containment: Containment;
  private readonly components: readonly Component[];
  private readonly kinds: readonly Kind[];
  private readonly stack: number[] = [];
  private readonly lbStart: Int32Array;
  private readonly lbList: Int32Array;
  private readonly feeds: Uint8Array;
  private readonly orderIndex: ReadonlyMap<string, number>;
  private readonly baseDown: Uint8Array;
  private readonly baseCapacity: Float64Array;
  private readonly memberSum: Float64Array;
  private readonly downMark: Int32Array;
  private readonly removedMark: Int32Array;
  private readonly removedAmount: Float64Array;
  private readonly changedMark: Int32Array;
  private readonly changed: number[] = [];
  private epoch = 0;
  private readonly memo = new Map<string, ReadonlyMap<string, number>>();
  private readonly single = new Map<number, Map<number, ReadonlyMap<string, number>>>();
  private readonly failovers: Failovers;

  constructor(
    private readonly model: Model,
    private readonly base: Snapshot,
  ) {
    this.containment = containmentOf(model);
    this.index = this.containment.index;
    // The rest of the graph is the model's too, built once (see layoutOf); only the baseline is this state's.
    const layout = layoutOf(model);
    ({components: this.components, kinds: this.kinds, feeds: this.feeds} = layout);
    ({lbStart: this.lbStart, lbList: this.lbList, orderIndex: this.orderIndex} = layout);
    const size = this.components.length;
    this.baseDown = new Uint8Array(size);
    this.baseCapacity = new Float64Array(size);
    this.memberSum = new Float64Array(size);
    this.downMark = new Int32Array(size);
    this.removedMark = new Int32Array(size);
    this.removedAmount = new Float64Array(size);
    this.changedMark = new Int32Array(size);
    const {evaluation} = base;
    for (let i = 0; i < size; i++) {
      const component = this.components[i]!;
      const id = component.id;
      if (base.down.has(id)) this.baseDown[i] = 1;
      if (component.kind === 'vm') this.baseCapacity[i] = evaluation.vm.get(id)!;
      else if (component.kind === 'site') this.baseCapacity[i] = evaluation.site.get(id)!;
      else if (component.kind === 'lb') {
        this.baseCapacity[i] = evaluation.lb.get(id)!;
        let sum = 0;
        for (const member of component.members) sum += evaluation.vm.get(member)!;
        this.memberSum[i] = sum;
      }
    }
    this.failovers = failoversOf(base.state);
  }

  changeOf(id: string): Change {
    this.epoch++;
    this.changed.length = 0;
    const radius = this.markRadius(this.index.get(id)!);
    if (radius === 0) return {radius, after: noChange};

    // The services' answers depend only on the new state of what they read directly; failures
    // that change those the same way (VMs of one LB with equal capacity) share one answer.
    // Most failures change one such input; those are memoised by index and state without a string.
    let only = -1;
    let onlyState = 0;
    let key = '';
    for (const c of this.changed) {
      if (this.feeds[c] === 0) continue;
      const state = this.stateAt(c);
      if (state.capacity === this.baseCapacity[c] && state.up === (this.baseDown[c] === 0))
        continue;
      const code = state.up ? state.capacity : -1 - state.capacity;
      if (only === -1 && key === '') {
        only = c;
        onlyState = code;
        continue;
      }
      if (only !== -1) key = `${only}:${onlyState};`;
      only = -1;
      key += `${c}:${code};`;
    }
    if (only === -1 && key === '') return {radius, after: noChange};
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
    return {radius, after};
  }

  /** Marks `root` and all that fails with it (the containment index's descendants). */
  private markRadius(root: number): number {
    const {childStart, childList} = this.containment;
    const stack = this.stack;
    stack.length = 0;
    stack.push(root);
    let radius = 0;
    while (stack.length > 0) {
      const i = stack.pop()!;
      radius += this.mark(i);
      for (let k = childStart[i]!; k < childStart[i + 1]!; k++) stack.push(childList[k]!);
    }
    return radius;
  }

  /** Marks one component down (unless it already was) and notes what it changes; 1 if newly down. */
  private mark(i: number): number {
    if (this.baseDown[i] === 1 || this.downMark[i] === this.epoch) return 0;
    this.downMark[i] = this.epoch;
    const kind = this.kinds[i];
    if (kind === 'vm') {
      this.noteChanged(i);
      for (let k = this.lbStart[i]!; k < this.lbStart[i + 1]!; k++) {
        const lb = this.lbList[k]!;
        if (this.removedMark[lb] !== this.epoch) {
          this.removedMark[lb] = this.epoch;
          this.removedAmount[lb] = 0;
        }
        this.removedAmount[lb] = this.removedAmount[lb]! + this.baseCapacity[i]!;
        this.noteChanged(lb);
      }
    } else if (kind === 'lb' || kind === 'site' || kind === 'gslb') this.noteChanged(i);
    return 1;
  }

  private noteChanged(i: number) {
    if (this.changedMark[i] === this.epoch) return;
    this.changedMark[i] = this.epoch;
    this.changed.push(i);
  }

  private stateAt(i: number): TargetState {
    if (this.downMark[i] === this.epoch) return {capacity: 0, up: false};
    const up = this.baseDown[i] === 0;
    if (this.removedMark[i] === this.epoch) {
      const lb = this.components[i] as LoadBalancer;
      return {capacity: lbCapacity(lb, this.memberSum[i]! - this.removedAmount[i]!, !up), up};
    }
    return {capacity: this.baseCapacity[i]!, up};
  }

  private readonly targetState = (ref: string) => this.stateAt(this.index.get(ref)!);

  private readonly isDown = (id: string) => {
    const i = this.index.get(id)!;
    return this.baseDown[i] === 1 || this.downMark[i] === this.epoch;
  };

  private servicesAfter(): ReadonlyMap<string, number> {
    const {model, base} = this;
    const touched = new Set<string>();
    for (const c of this.changed) {
      const id = this.components[c]!.id;
      for (const service of model.servicesOfEntry.get(id) ?? []) touched.add(service);
      for (const gslb of model.gslbsOfTarget.get(id) ?? [])
        for (const service of model.servicesOfEntry.get(gslb) ?? []) touched.add(service);
    }
    if (touched.size === 0) return noChange;
    // Dependents follow their dependencies; evaluate in dependency order.
    const queue = [...touched];
    while (queue.length > 0)
      for (const dependent of model.dependents.get(queue.pop()!) ?? [])
        if (!touched.has(dependent)) {
          touched.add(dependent);
          queue.push(dependent);
        }
    const ordered = [...touched].sort((a, b) => this.orderIndex.get(a)! - this.orderIndex.get(b)!);
    const served = new Map<string, number>();
    const changed = new Map<string, number>();
    const servedOf = {
      get: (id: string) => served.get(id) ?? base.evaluation.served.get(id),
    } as ReadonlyMap<string, number>;
    for (const id of ordered) {
      const service = model.components.get(id) as Service;
      const entry = entryServed(model, service, this.targetState, this.isDown, this.failovers);
      const after = withDependencies(model, service, entry, servedOf);
      served.set(id, after);
      if (after !== base.evaluation.served.get(id)) changed.set(id, after);
    }
    return changed;
  }
}

const engines = new WeakMap<Snapshot, Incremental>();

/** The incremental evaluator against a snapshot, built once per snapshot and shared. */
export function incrementalOf(model: Model, base: Snapshot): Incremental {
  let engine = engines.get(base);
  if (!engine) engines.set(base, (engine = new Incremental(model, base)));
  return engine;
}
