import {containmentOf} from './containment.js';
import type {Component, Model} from './model.js';
import {kindRank, type Kind} from './kinds.js';

/** Why a component is down: the failed component it went down with (itself when it failed). */
export interface Cause {
  root: string;
  rootKind: Kind;
}

/** One text per cause: a zone's cause is shared by the 25k components it takes down. */
const described = new WeakMap<Cause, string>();

/** The cause described last: lists of what went down ask for one cause many times in a row. */
let lastCause: Cause | undefined;
let lastText = '';

export function describeCause(cause: Cause): string {
  if (cause === lastCause) return lastText;
  let text = described.get(cause);
  if (text === undefined) described.set(cause, (text = `${cause.rootKind} ${cause.root} failed`));
  lastCause = cause;
  lastText = text;
  return text;
}

/** Kinds that can fail in a sweep; the GSLB only when asked for (it is provider-managed). */
/** The ids of every component that can fail (GSLBs left out, as in the sweep). */
export function failableIds(model: Model): Set<string> {
  const ids = new Set<string>();
  for (const component of model.components.values())
    if (isFailable(component)) ids.add(component.id);
  return ids;
}

export function isFailable(component: Component, includeGslb = false): boolean {
  switch (component.kind) {
    case 'router':
      return !component.redundant;
    case 'gslb':
      return includeGslb;
    case 'service':
      return false;
    default:
      return true;
  }
}

/**
 * Everything that fails with `id` (itself included), in the containment order of docs/semantics.md:
 * zone → its routers, VMs, LBs; account → its routers and VMs; router → its VMs and
 * LBs that run on it. An LB on the zone does not fall with its owner account.
 */
export function blastRadius(model: Model, id: string): string[] {
  return containmentOf(model).radius(id);
}

/** What each cause took down, by kind, as `propagate` gave it out (see `tallyOf`). */
const tallies = new WeakMap<Cause, Partial<Record<Kind, number>>>();

/**
 * How many components of each kind `propagate` marked down with `cause` (its root included), or
 * undefined for a cause it did not make. Counting a zone's 250k components again by their ids
 * costs a lookup each; the propagation knew their kinds as it went.
 */
export function tallyOf(cause: Cause): Readonly<Partial<Record<Kind, number>>> | undefined {
  return tallies.get(cause);
}

/** Every component down given the failed ones, each with its cause. The highest-level cause wins. */
export function propagate(model: Model, failed: Iterable<string>): Map<string, Cause> {
  const down = new Map<string, Cause>();
  const roots = [...failed]
    .map((id) => model.components.get(id))
    .filter((component): component is Component => component !== undefined)
    .sort((a, b) => kindRank[a.kind] - kindRank[b.kind]);
  // Nothing failed (the state a dashboard opens on): no need of the index, built on first use.
  if (roots.length === 0) return down;
  const {ids, index, kinds, radiusAt} = containmentOf(model);
  for (const root of roots) {
    const cause: Cause = {root: root.id, rootKind: root.kind};
    const tally: Partial<Record<Kind, number>> = {};
    for (const i of radiusAt(index.get(root.id)!)) {
      const id = ids[i]!;
      if (down.has(id)) continue;
      down.set(id, cause);
      const kind = kinds[i]!;
      tally[kind] = (tally[kind] ?? 0) + 1;
    }
    tallies.set(cause, tally);
  }
  return down;
}
