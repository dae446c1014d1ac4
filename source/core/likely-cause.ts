import {containmentOf} from './containment.js';
import {kindRank} from './kinds.js';
import type {Model} from './model.js';
import {compareIds} from './order.js';
import {isFailable} from './propagate.js';

/** What live sources say of a component; a component they do not mention is no evidence. */
export type Observation = 'down' | 'up' | 'unknown';

/** One set of failures offered as the cause of what is observed. */
export interface Explanation {
  /** The failed components, widest first (zone before router before VM), then by id. */
  failed: string[];
  /** Observed-down components inside their blast radius. */
  explains: number;
  /** Observed-down components outside it. */
  unexplained: string[];
  /** Product of each failure's unavailability (1 − its kind's availability): the ranking's odds. */
  probability: number;
}

export interface LikelyCause {
  /** How many components are observed down. */
  observedDown: number;
  /**
   * The smallest sets of failures whose blast radius covers every observed-down component that
   * any failure can explain, and holds no observed-up one; most likely first, at most `limit`.
   * Empty when nothing is observed down.
   */
  explanations: Explanation[];
  /**
   * When no single failure explains it all, the single failures that explain the most (a lead
   * for the operator even when the full answer needs several failures or is not exact).
   */
  partial: Explanation[];
  /** Observed down, yet no failable component takes it down without taking an observed-up one. */
  unexplainable: string[];
  /** False when the search stopped at its bound: `explanations` is then one greedy cover. */
  exact: boolean;
}

export interface LikelyCauseOptions {
  includeGslb?: boolean;
  /** Most explanations returned (default 5); `partial` keeps at most 3. */
  limit?: number;
}

/**
 * How many failures the exact search adds to those every explanation must hold (a component
 * observed down that only one failure explains). Each observed-down component has at most four
 * explainers (itself, its router, its zone, its account), so the search tries at most 4^4 sets.
 */
export const exactBeyondForced = 4;

const partialLimit = 3;

/** Two odds this close are the same odds, so the order falls to the ids, whatever the rounding. */
function sameOdds(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
}

function compareLists(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareIds(a[i]!, b[i]!);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

/** Fewest failures first, then the most likely, then by id. */
export function compareExplanations(a: Explanation, b: Explanation): number {
  if (a.failed.length !== b.failed.length) return a.failed.length - b.failed.length;
  if (!sameOdds(a.probability, b.probability)) return b.probability - a.probability;
  return compareLists(a.failed, b.failed);
}

/**
 * The likely cause of what live sources observe (down, up, unknown per component): the
 * smallest sets of failable components whose blast radius covers every observed-down component
 * and no observed-up one. Unknown is no evidence either way.
 *
 * The structure keeps it small: a component goes down only with itself or what contains it
 * (its router, zone, account), so its explainers are those of them that can fail and whose
 * blast radius holds nothing observed up. Each set is then a cover of the observed-down
 * components by the explainers: a component with one explainer forces it; the rest is searched
 * exactly, fewest failures first, up to `exactBeyondForced` more; past that, one greedy cover
 * (most newly explained first) with `exact: false`.
 */
export function likelyCause(
  model: Model,
  observations: ReadonlyMap<string, Observation>,
  options: LikelyCauseOptions = {},
): LikelyCause {
  const limit = options.limit ?? 5;
  const includeGslb = options.includeGslb ?? false;
  const {ids, index, parentStart, parentList} = containmentOf(model);
  const size = ids.length;
  const {failable, rank, odds} = kindsOf(model);

  // Typed arrays sized up front throughout: arrays grown by push cost more than the search.
  const seenDown = new Int32Array(size);
  let downCount = 0;
  // A component is spoiled when its blast radius holds something observed up: it and all that contains it.
  const spoiled = new Uint8Array(size);
  // Walked up from each observed-up component, stopping where an earlier walk went.
  const upward: number[] = [];
  // Sources list what they watch in the model's order: the next id is guessed before hashing
  // (at 100k observations, hashing each id was half of the time).
  let next = 0;
  // forEach, not for…of: no [id, state] pair is made for each of 100k observations.
  observations.forEach((seen, id) => {
    if (seen === 'unknown') return;
    const i = ids[next] === id ? next : index.get(id);
    if (i === undefined) return;
    next = i + 1;
    if (seen === 'down') {
      seenDown[downCount++] = i;
      return;
    }
    if (spoiled[i] !== 0) return;
    spoiled[i] = 1;
    upward.push(i);
    while (upward.length > 0) {
      const j = upward.pop()!;
      for (let k = parentStart[j]!; k < parentStart[j + 1]!; k++) {
        const parent = parentList[k]!;
        if (spoiled[parent] === 0) {
          spoiled[parent] = 1;
          upward.push(parent);
        }
      }
    }
  });
  // The topology's order: lists of what is left unexplained read as the file does.
  const down = seenDown.subarray(0, downCount).sort();

  // 1: can fail; 2: can fail when GSLBs are included; spoiled ones cannot explain.
  const canExplain = includeGslb ? 2 : 1;

  // Candidates (explainers of some observed-down component), numbered as met; each
  // observed-down component (an element) with its explainers, kept flat.
  const candidateOf = new Int32Array(size).fill(-1);
  const candidateIds = new Int32Array(size);
  let candidateCount = 0;
  const elementIds = new Int32Array(down.length);
  let elementCount = 0;
  const explainerStarts = new Int32Array(down.length + 1);
  // Grown by doubling: a component's explainers are it and what contains it, a handful.
  let explainers = new Int32Array(4 * down.length + 16);
  let explainerCount = 0;
  const unexplainable: string[] = [];
  const visited = new Int32Array(size).fill(-1);
  const stack = new Int32Array(size);
  for (let x = 0; x < down.length; x++) {
    const d = down[x]!;
    const before = explainerCount;
    let top = 0;
    stack[top++] = d;
    visited[d] = d;
    while (top > 0) {
      const i = stack[--top]!;
      const can = failable[i]!;
      if (spoiled[i] === 0 && can !== 0 && can <= canExplain) {
        let c = candidateOf[i]!;
        if (c < 0) {
          c = candidateOf[i] = candidateCount;
          candidateIds[candidateCount++] = i;
        }
        if (explainerCount === explainers.length) {
          const wider = new Int32Array(2 * explainers.length);
          wider.set(explainers);
          explainers = wider;
        }
        explainers[explainerCount++] = c;
      }
      for (let k = parentStart[i]!; k < parentStart[i + 1]!; k++) {
        const parent = parentList[k]!;
        if (visited[parent] !== d) {
          visited[parent] = d;
          stack[top++] = parent;
        }
      }
    }
    if (explainerCount === before) unexplainable.push(ids[d]!);
    else {
      elementIds[elementCount++] = d;
      explainerStarts[elementCount] = explainerCount;
    }
  }
  const candidates = candidateIds.subarray(0, candidateCount);
  const elements = elementIds.subarray(0, elementCount);
  const explainerStart = explainerStarts.subarray(0, elementCount + 1);
  const explainerList = explainers.subarray(0, explainerCount);
  // Each candidate's elements, laid out flat by counting first.
  const coverStart = new Int32Array(candidates.length + 1);
  for (const c of explainerList) coverStart[c + 1]!++;
  for (let c = 0; c < candidates.length; c++) coverStart[c + 1]! += coverStart[c]!;
  const coverList = new Int32Array(explainerList.length);
  const fill = coverStart.slice(0, candidates.length);
  for (let e = 0; e < elements.length; e++)
    for (let k = explainerStart[e]!; k < explainerStart[e + 1]!; k++)
      coverList[fill[explainerList[k]!]!++] = e;
  const covers = (c: number) => coverList.subarray(coverStart[c]!, coverStart[c + 1]!);

  const elementOf = new Int32Array(size).fill(-1);
  elements.forEach((d, element) => (elementOf[d] = element));
  /** The failures, widest first, and their odds: all the ranking needs. */
  const ranked = (chosen: readonly number[]): Explanation => {
    const parts = chosen
      .map((c) => candidates[c]!)
      .sort((a, b) => rank[a]! - rank[b]! || compareIds(ids[a]!, ids[b]!));
    let probability = 1;
    for (const part of parts) probability *= odds[part]!;
    return {failed: parts.map((part) => ids[part]!), explains: 0, unexplained: [], probability};
  };
  /** What a ranked set explains and leaves, counted from the observed-down list itself. */
  const explained = (chosen: readonly number[], answer: Explanation): Explanation => {
    const covered = new Uint8Array(elements.length);
    for (const c of chosen) for (const e of covers(c)) covered[e] = 1;
    const unexplained: string[] = [];
    for (const d of down) {
      const element = elementOf[d]!;
      if (element < 0 || covered[element] === 0) unexplained.push(ids[d]!);
    }
    return {...answer, explains: down.length - unexplained.length, unexplained};
  };
  const best = (sets: readonly number[][], count: number, order = compareExplanations) =>
    sets
      .map((chosen) => ({chosen, answer: ranked(chosen)}))
      .sort((a, b) => order(a.answer, b.answer))
      .slice(0, count)
      .map(({chosen, answer}) => explained(chosen, answer));

  const result: LikelyCause = {
    observedDown: down.length,
    explanations: [],
    partial: [],
    unexplainable,
    exact: true,
  };
  if (elements.length === 0) return result;

  // Ties between single failures: the likelier, then the widest, then by id.
  const likelier = (a: number, b: number) => {
    const [i, j] = [candidates[a]!, candidates[b]!];
    return odds[i]! - odds[j]! || rank[j]! - rank[i]! || compareIds(ids[j]!, ids[i]!);
  };
  const search = coverSearch({
    elements: elements.length,
    explainerStart,
    explainerList,
    candidates: candidates.length,
    coverStart,
    coverList,
    likelier,
  });
  const found = search.minimumCovers(exactBeyondForced);
  if (found) result.explanations = best(found, Math.max(1, limit));
  else {
    result.exact = false;
    result.explanations = best([search.greedyCover()], 1);
  }
  if (result.explanations[0]!.failed.length > 1) {
    // The single failures that explain the most, then the likeliest, widest, by id.
    const explains = (c: number) => coverStart[c + 1]! - coverStart[c]!;
    const leads = Array.from({length: candidates.length}, (_, c) => c)
      .sort((a, b) => explains(b) - explains(a) || likelier(b, a))
      .slice(0, partialLimit);
    result.partial = leads.map((c) => explained([c], ranked([c])));
  }
  return result;
}

/** Per model: whether each component can fail (2: only with GSLBs included), its kind's rank and odds. */
interface Kinds {
  failable: Uint8Array;
  rank: Uint8Array;
  odds: Float64Array;
}

const kindCache = new WeakMap<Model, Kinds>();

function kindsOf(model: Model): Kinds {
  let known = kindCache.get(model);
  if (known) return known;
  const {ids} = containmentOf(model);
  const failable = new Uint8Array(ids.length);
  const rank = new Uint8Array(ids.length);
  const odds = new Float64Array(ids.length);
  ids.forEach((id, i) => {
    const component = model.components.get(id)!;
    failable[i] = isFailable(component) ? 1 : isFailable(component, true) ? 2 : 0;
    rank[i] = kindRank[component.kind];
    odds[i] = component.kind === 'service' ? 0 : 1 - model.availability[component.kind];
  });
  known = {failable, rank, odds};
  kindCache.set(model, known);
  return known;
}

interface CoverProblem {
  elements: number;
  /** Element e's candidates: explainerList[explainerStart[e] .. explainerStart[e + 1]). */
  explainerStart: ArrayLike<number>;
  explainerList: ArrayLike<number>;
  candidates: number;
  /** Candidate c's elements: coverList[coverStart[c] .. coverStart[c + 1]). */
  coverStart: Int32Array;
  coverList: Int32Array;
  /** > 0 when candidate a is the likelier pick of the two. */
  likelier: (a: number, b: number) => number;
}

interface CoverSearch {
  /** Every cover of the fewest sets, if it needs at most `beyond` sets past the forced ones. */
  minimumCovers(beyond: number): number[][] | undefined;
  /** One cover: forced sets, then repeatedly the set that covers most of what is left. */
  greedyCover(): number[];
}

/** Set cover of the elements by the candidates, each element covered by a few of them. */
function coverSearch(problem: CoverProblem): CoverSearch {
  const {explainerStart, explainerList, coverStart, coverList} = problem;
  const coveredBy = new Int32Array(problem.elements);
  let uncovered = problem.elements;
  const add = (c: number) => {
    for (let k = coverStart[c]!; k < coverStart[c + 1]!; k++)
      if (coveredBy[coverList[k]!]!++ === 0) uncovered--;
  };
  const remove = (c: number) => {
    for (let k = coverStart[c]!; k < coverStart[c + 1]!; k++)
      if (--coveredBy[coverList[k]!]! === 0) uncovered++;
  };
  const explainers = (e: number) => explainerStart[e + 1]! - explainerStart[e]!;
  // An element with one explainer forces it into every cover.
  const forced: number[] = [];
  const isForced = new Uint8Array(problem.candidates);
  for (let e = 0; e < problem.elements; e++) {
    const only = explainerList[explainerStart[e]!]!;
    if (explainers(e) === 1 && isForced[only] === 0) {
      isForced[only] = 1;
      forced.push(only);
    }
  }
  // The search branches on the first element left uncovered, fewest explainers first.
  const order = new Int32Array(problem.elements);
  let placed = 0;
  for (let n = 1; placed < problem.elements; n++)
    for (let e = 0; e < problem.elements; e++) if (explainers(e) === n) order[placed++] = e;

  const minimumCovers = (beyond: number): number[][] | undefined => {
    for (const c of forced) add(c);
    try {
      if (uncovered === 0) return [forced];
      for (let depth = 1; depth <= beyond; depth++) {
        const found = new Map<string, number[]>();
        const chosen: number[] = [];
        // Elements before `from` are covered already: adding sets only covers more.
        const dive = (from: number, left: number) => {
          let at = from;
          while (at < order.length && coveredBy[order[at]!]! > 0) at++;
          if (at === order.length) {
            const set = [...forced, ...chosen].sort((a, b) => a - b);
            found.set(set.join(' '), set);
            return;
          }
          if (left === 0) return;
          const e = order[at]!;
          for (let k = explainerStart[e]!; k < explainerStart[e + 1]!; k++) {
            const c = explainerList[k]!;
            chosen.push(c);
            add(c);
            dive(at + 1, left - 1);
            remove(c);
            chosen.pop();
          }
        };
        dive(0, depth);
        if (found.size > 0) return [...found.values()];
      }
      return undefined;
    } finally {
      for (const c of forced) remove(c);
    }
  };

  const greedyCover = (): number[] => {
    const chosen = [...forced];
    for (const c of forced) add(c);
    const gain = (c: number) => {
      let n = 0;
      for (let k = coverStart[c]!; k < coverStart[c + 1]!; k++)
        if (coveredBy[coverList[k]!] === 0) n++;
      return n;
    };
    // Lazy greedy: a candidate's gain only falls as others are chosen, so a stale top is
    // counted again and put back until the top is current.
    const heap = new Heap<[number, number]>(
      (a, b) => a[0] > b[0] || (a[0] === b[0] && problem.likelier(a[1], b[1]) > 0),
    );
    for (let c = 0; c < problem.candidates; c++)
      if (isForced[c] === 0) heap.push([coverStart[c + 1]! - coverStart[c]!, c]);
    while (uncovered > 0) {
      const [was, c] = heap.pop()!;
      const now = gain(c);
      if (now < was) {
        if (now > 0) heap.push([now, c]);
        continue;
      }
      chosen.push(c);
      add(c);
    }
    for (const c of chosen) remove(c);
    return chosen;
  };

  return {minimumCovers, greedyCover};
}

/** A binary heap, `better` on top. */
class Heap<T> {
  private readonly items: T[] = [];
  constructor(private readonly better: (a: T, b: T) => boolean) {}
  push(item: T): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.better(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }
  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < items.length && this.better(items[l]!, items[best]!)) best = l;
        if (r < items.length && this.better(items[r]!, items[best]!)) best = r;
        if (best === i) break;
        [items[i], items[best]] = [items[best]!, items[i]!];
        i = best;
      }
    }
    return top;
  }
}
