import type {Snapshot} from './analyze.js';
import {statusOf} from './capacity.js';
import {containmentOf} from './containment.js';
import {incrementalOf} from './incremental.js';
import {kindCode, layoutOf, type ModelLayout} from './model-layout.js';
import type {Model, Service} from './model.js';
import {kindRank, type Kind} from './kinds.js';

/** The highest order of cut the search goes to: the number of combinations grows as |units|^k. */
export const maxCutOrder = 3;

/** Listed cuts per service at most; beyond it the counts still count every one. */
const listLimit = 50_000;

export interface ServiceCuts {
  /** Every minimal cut of order ≤ k, smallest first, each in display order (widest kind first). */
  cuts: string[][];
  /** How many cuts there are beyond those listed (0 unless a service has more than the limit). */
  unlisted: number;
  /** Cuts of two or more components by their kinds ("zone+site"), every cut counted. */
  byKinds: Array<{kinds: string; count: number}>;
}

/** A failable unit as the search sees it: the leaves of its blast radius that the service reads. */
/** A unit's kind: a component's, or `group` for components that fail together. */
export type UnitKind = Kind | 'group';

interface Unit {
  id: string;
  kind: UnitKind;
  /** Display order: kind rank, then the model's order. */
  rank: number;
  /** Leaves (VMs, LBs, sites, GSLBs) that fail with it and bear on the service. */
  leaves: number[];
  /**
   * For a class of interchangeable VMs (same capacity, same load balancers, read by no service
   * directly): its members. Failing any m of them does the same to every service.
   */
  members?: number[];
  names?: string[];
}

/** A failable component, or anything else that fails as one (see `extraUnits`). */
export interface ExtraUnit {
  id: string;
  kind: UnitKind;
  rank: number;
  /** Components whose failure it is: their blast radii fail together. */
  members: readonly string[];
}

export interface CutOptions {
  order: number;
  includeGslb?: boolean;
  /** More units that fail as one (failure groups), beside the failable components. */
  extraUnits?: readonly ExtraUnit[];
}

/**
 * Minimal cut sets of order ≤ k for every service (docs/semantics.md): every set of at most k failable
 * units whose joint failure makes the service DOWN, and no proper subset of which does.
 *
 * From the structure, not by trying every pair of the topology: a service reads only its
 * entry, its GSLB's targets and, through load balancers, their members (and so for the services
 * it depends on). Those leaves are all a failure can change for it; a failable unit matters
 * only through the leaves in its blast radius (a zone: the service's VMs and LBs in that zone).
 * So each service has a handful of units — its zones, accounts, routers, LBs, sites, and its VMs
 * in classes of interchangeable ones — and the search combines those, each set evaluated by the
 * incremental engine with the union of its leaves failed (what two units share fails once).
 * A set whose unit adds no leaf to the others' is skipped (its subset does the same); a set is
 * evaluated only when none of its subsets is DOWN (each subset was met first, smaller first).
 */
export function cutSets(
  model: Model,
  base: Snapshot,
  options: CutOptions,
): Map<string, ServiceCuts> {
  const order = Math.max(1, Math.min(maxCutOrder, Math.floor(options.order)));
  const search = new Search(model, base, options.includeGslb ?? false, options.extraUnits ?? []);
  const result = new Map<string, ServiceCuts>();
  for (const service of model.services) result.set(service.id, search.service(service, order));
  return result;
}

class Search {
  private readonly layout: ModelLayout;
  private readonly engine;
  private readonly ids: readonly string[];
  private readonly parentStart: Int32Array;
  private readonly parentList: Int32Array;
  private readonly failable: Uint8Array;
  private readonly baseDown: Uint8Array;
  private readonly mark: Int32Array;
  private readonly count: Int32Array;
  private epoch = 0;
  private readonly extraOfComponent = new Map<number, ExtraUnit[]>();

  constructor(
    private readonly model: Model,
    private readonly base: Snapshot,
    includeGslb: boolean,
    private readonly extras: readonly ExtraUnit[],
  ) {
    const containment = containmentOf(model);
    this.layout = layoutOf(model);
    this.engine = incrementalOf(model, base);
    this.ids = containment.ids;
    this.parentStart = containment.parentStart;
    this.parentList = containment.parentList;
    this.failable = includeGslb ? this.layout.failableWithGslb : this.layout.failable;
    const size = this.ids.length;
    this.baseDown = new Uint8Array(size);
    for (const id of base.down.keys()) {
      const i = containment.index.get(id);
      if (i !== undefined) this.baseDown[i] = 1;
    }
    this.mark = new Int32Array(size);
    this.count = new Int32Array(size);
    for (const extra of extras) {
      // A unit that fails with something down already is down already.
      if (extra.members.some((id) => base.down.has(id))) continue;
      for (const id of extra.members) {
        const i = containment.index.get(id);
        if (i === undefined) continue;
        const list = this.extraOfComponent.get(i);
        if (list) list.push(extra);
        else this.extraOfComponent.set(i, [extra]);
      }
    }
  }

  /** The entries, GSLBs and targets the service reads, its dependencies' included. */
  private inputsOf(service: Service): number[] {
    const {layout} = this;
    const inputs = new Set<number>();
    const seen = new Set<string>();
    const stack = [service];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (seen.has(next.id)) continue;
      seen.add(next.id);
      const entry = layout.entryAt[layout.orderIndex.get(next.id)!]!;
      inputs.add(entry);
      if (layout.codes[entry] === kindCode.gslb)
        for (let k = layout.targetStart[entry]!; k < layout.targetStart[entry + 1]!; k++)
          inputs.add(layout.targetList[k]!);
      for (const id of next.dependsOn) {
        const dependency = this.model.components.get(id);
        if (dependency?.kind === 'service') stack.push(dependency);
      }
    }
    return [...inputs];
  }

  /** The leaves a failure can change for the service: its inputs and the members of its LBs. */
  private leavesOf(service: Service): number[] {
    const {layout, baseDown} = this;
    const leaves = new Set<number>();
    const vmCapacity = this.base.evaluation.vm;
    const add = (i: number) => {
      if (baseDown[i] === 1) return;
      // A VM that serves nothing now (a standby) and that no service reads directly changes nothing.
      if (layout.codes[i] === kindCode.vm && layout.feeds[i] === 0)
        if ((vmCapacity.get(this.ids[i]!) ?? 0) === 0) return;
      leaves.add(i);
    };
    for (const input of this.inputsOf(service)) {
      add(input);
      if (layout.codes[input] === kindCode.lb)
        for (let k = layout.memberStart[input]!; k < layout.memberStart[input + 1]!; k++)
          add(layout.memberList[k]!);
    }
    return [...leaves].sort((a, b) => a - b);
  }

  /** The units that bear on the service: every failable ancestor of its leaves, and VM classes. */
  private unitsOf(service: Service): Unit[] {
    const {layout, ids, failable, baseDown} = this;
    const byComponent = new Map<number, number[]>();
    const byExtra = new Map<ExtraUnit, number[]>();
    const classes = new Map<string, number[]>();
    for (const leaf of this.leavesOf(service)) {
      // Ancestors in the containment index: a VM's router, the router's zone and account; an LB's
      // zone or router. A few steps each.
      const reached = new Set<number>([leaf]);
      const stack = [leaf];
      while (stack.length > 0) {
        const i = stack.pop()!;
        for (let k = this.parentStart[i]!; k < this.parentStart[i + 1]!; k++) {
          const parent = this.parentList[k]!;
          if (!reached.has(parent)) {
            reached.add(parent);
            stack.push(parent);
          }
        }
      }
      const extras = new Set<ExtraUnit>();
      for (const i of reached) {
        for (const extra of this.extraOfComponent.get(i) ?? []) extras.add(extra);
        if (failable[i] === 0 || baseDown[i] === 1) continue;
        if (i === leaf && layout.codes[i] === kindCode.vm && layout.feeds[i] === 0) {
          const key = `${layout.capacity[i]}:${this.base.evaluation.vm.get(ids[i]!)}:${[
            ...layout.lbList.subarray(layout.lbStart[i]!, layout.lbStart[i + 1]!),
          ].join(',')}`;
          const members = classes.get(key);
          if (members) members.push(i);
          else classes.set(key, [i]);
          continue;
        }
        const list = byComponent.get(i);
        if (list) list.push(leaf);
        else byComponent.set(i, [leaf]);
      }
      for (const extra of extras) {
        const list = byExtra.get(extra);
        if (list) list.push(leaf);
        else byExtra.set(extra, [leaf]);
      }
    }
    const units: Unit[] = [];
    for (const [i, leaves] of byComponent) {
      const kind = layout.kinds[i]!;
      units.push({id: ids[i]!, kind, rank: kindRank[kind] * 1e9 + i, leaves});
    }
    for (const [extra, leaves] of byExtra)
      units.push({id: extra.id, kind: extra.kind, rank: extra.rank, leaves});
    for (const members of classes.values()) {
      const kind = layout.kinds[members[0]!]!;
      units.push({
        id: ids[members[0]!]!,
        kind,
        rank: kindRank[kind] * 1e9 + members[0]!,
        leaves: [],
        members,
        names: members.map((m) => ids[m]!),
      });
    }
    return units.sort((a, b) => a.rank - b.rank);
  }

  service(service: Service, order: number): ServiceCuts {
    const none: ServiceCuts = {cuts: [], unlisted: 0, byKinds: []};
    const before = this.base.evaluation.served.get(service.id)!;
    // A DOWN service gains nothing: the empty set is its cut, and every set holds it.
    if (statusOf(service, before) === 'DOWN') return none;
    const units = this.unitsOf(service);
    // 'down' (a minimal cut), 'up', or 'no' (not minimal, or not a valid set: pruned).
    const verdicts = new Map<string, 'down' | 'up' | 'no'>();
    const found: Array<{combo: number[]; eligible: Map<number, number[]>}> = [];
    const isDown = (roots: number[]) => {
      const after = this.engine.afterAllAt(roots).get(service.id) ?? before;
      return statusOf(service, after) === 'DOWN';
    };
    // Sets of units as non-decreasing index lists; a class may repeat (m of its members).
    let level: number[][] = units.map((_, index) => [index]);
    for (let size = 1; size <= order && level.length > 0; size++) {
      const next: number[][] = [];
      for (const combo of level) {
        const key = combo.join(',');
        // Every subset one smaller must be up (and so, in turn, every smaller one).
        let subsetsUp = true;
        if (size > 1)
          for (let drop = 0; drop < combo.length && subsetsUp; drop++) {
            const sub = combo.filter((_, at) => at !== drop).join(',');
            if (verdicts.get(sub) !== 'up') subsetsUp = false;
          }
        if (!subsetsUp) {
          verdicts.set(key, 'no');
          continue;
        }
        const prepared = this.prepare(units, combo);
        if (!prepared) {
          verdicts.set(key, 'no');
          continue;
        }
        const down = isDown(prepared.roots);
        verdicts.set(key, down ? 'down' : 'up');
        if (down) found.push({combo, eligible: prepared.eligible});
        else if (size < order) {
          const last = combo[combo.length - 1]!;
          const repeats = combo.filter((u) => u === last).length;
          const members = units[last]!.members;
          if (members && repeats < members.length) next.push([...combo, last]);
          for (let u = last + 1; u < units.length; u++) next.push([...combo, u]);
        }
      }
      level = next;
    }
    return this.expand(units, found);
  }

  /**
   * The leaves to fail for a set of units, or undefined when the set cannot be minimal: a unit
   * adds no leaf to the others', or a class has too few members outside the others.
   */
  private prepare(
    units: Unit[],
    combo: number[],
  ): {roots: number[]; eligible: Map<number, number[]>} | undefined {
    const epoch = ++this.epoch;
    const {mark, count} = this;
    const roots: number[] = [];
    for (const u of new Set(combo)) {
      const unit = units[u]!;
      if (unit.members) continue;
      for (const leaf of unit.leaves) {
        if (mark[leaf] === epoch) count[leaf]!++;
        else {
          mark[leaf] = epoch;
          count[leaf] = 1;
          roots.push(leaf);
        }
      }
    }
    for (const u of new Set(combo)) {
      const unit = units[u]!;
      if (!unit.members && unit.leaves.every((leaf) => count[leaf]! > 1)) return undefined;
    }
    const eligible = new Map<number, number[]>();
    for (const u of new Set(combo)) {
      const members = units[u]!.members;
      if (!members) continue;
      const wanted = combo.filter((x) => x === u).length;
      const outside = members.filter((m) => mark[m] !== epoch);
      if (outside.length < wanted) return undefined;
      eligible.set(u, outside);
      roots.push(...outside.slice(0, wanted));
    }
    return {roots, eligible};
  }

  /** The cuts each minimal set of units stands for: a class's m members chosen every way. */
  private expand(
    units: Unit[],
    found: Array<{combo: number[]; eligible: Map<number, number[]>}>,
  ): ServiceCuts {
    type Named = {id: string; rank: number; kind: UnitKind};
    const cuts: Named[][] = [];
    const counts = new Map<string, number>();
    let total = 0;
    for (const {combo, eligible} of found) {
      const fixed: Named[] = [];
      const choices: Array<{pool: Named[]; take: number}> = [];
      for (const u of new Set(combo)) {
        const unit = units[u]!;
        if (!unit.members) fixed.push({id: unit.id, rank: unit.rank, kind: unit.kind});
        else {
          const pool = eligible.get(u)!.map((m) => ({
            id: this.ids[m]!,
            rank: kindRank[this.layout.kinds[m]!] * 1e9 + m,
            kind: unit.kind,
          }));
          choices.push({pool, take: combo.filter((x) => x === u).length});
        }
      }
      let many = 1;
      for (const {pool, take} of choices) many *= binomial(pool.length, take);
      total += many;
      if (combo.length > 1) {
        const kinds = [...fixed, ...choices.flatMap((c) => Array(c.take).fill(c.pool[0]!))]
          .sort((a: Named, b: Named) => a.rank - b.rank)
          .map((n: Named) => n.kind)
          .join('+');
        counts.set(kinds, (counts.get(kinds) ?? 0) + many);
      }
      for (const picked of product(choices)) {
        if (cuts.length >= listLimit) break;
        cuts.push([...fixed, ...picked].sort((a, b) => a.rank - b.rank));
      }
    }
    cuts.sort((a, b) => {
      if (a.length !== b.length) return a.length - b.length;
      for (let i = 0; i < a.length; i++)
        if (a[i]!.rank !== b[i]!.rank) return a[i]!.rank - b[i]!.rank;
      return 0;
    });
    const byKinds = [...counts]
      .sort(([a], [b]) => a.split('+').length - b.split('+').length)
      .map(([kinds, count]) => ({kinds, count}));
    return {cuts: cuts.map((cut) => cut.map((n) => n.id)), unlisted: total - cuts.length, byKinds};
  }
}

function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 0; i < k; i++) result = (result * (n - i)) / (i + 1);
  return Math.round(result);
}

/** Every way to take `take` of each pool (in pool order), one list per way. */
function* product<T>(choices: ReadonlyArray<{pool: T[]; take: number}>): Generator<T[]> {
  if (choices.length === 0) {
    yield [];
    return;
  }
  const [first, ...rest] = choices;
  for (const picked of combinations(first!.pool, first!.take))
    for (const others of product(rest)) yield [...picked, ...others];
}

function* combinations<T>(pool: readonly T[], take: number, from = 0): Generator<T[]> {
  if (take === 0) {
    yield [];
    return;
  }
  for (let i = from; i <= pool.length - take; i++)
    for (const rest of combinations(pool, take - 1, i + 1)) yield [pool[i]!, ...rest];
}
