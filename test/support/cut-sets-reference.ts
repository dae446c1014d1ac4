import {snapshot} from '../../source/core/analyze.js';
import type {Model} from '../../source/core/model.js';
import {isFailable} from '../../source/core/propagate.js';
import {withSimulated, type FailureState} from '../../source/core/state.js';

/** Something that fails as one: a component, or several components together (a failure group). */
export interface ReferenceUnit {
  id: string;
  members: readonly string[];
}

/**
 * Minimal cut sets by their definition, by brute force: every set of at most `order` units that
 * are up now is failed on top of `state`, each evaluated from scratch (the core's single-state
 * evaluation is the oracle for "is it DOWN"), and a set is kept when the service is DOWN with
 * it and with none of its proper subsets — the empty set included, so a service DOWN already
 * has no cut. Cuts are returned as sorted id lists joined by `+`, per service.
 */
export function cutSetsByEnumeration(
  model: Model,
  state: FailureState,
  order: number,
  options: {includeGslb?: boolean; extra?: readonly ReferenceUnit[]} = {},
): Map<string, Set<string>> {
  const base = snapshot(model, state);
  const units: ReferenceUnit[] = [
    ...[...model.components.values()]
      .filter((c) => isFailable(c, options.includeGslb ?? false))
      .map((c) => ({id: c.id, members: [c.id]})),
    ...(options.extra ?? []),
  ].filter((unit) => unit.members.every((id) => !base.down.has(id)));
  const sets: number[][] = [[]];
  for (let size = 1; size <= order; size++)
    for (const set of sets.filter((s) => s.length === size - 1)) {
      const from = set.length === 0 ? 0 : set[set.length - 1]! + 1;
      for (let u = from; u < units.length; u++) sets.push([...set, u]);
    }
  const downOf = new Map<string, Set<string>>();
  for (const set of sets) {
    const failed = set.flatMap((u) => units[u]!.members);
    const snap = set.length === 0 ? base : snapshot(model, withSimulated(state, failed));
    const down = new Set(
      model.services.filter((s) => snap.status.get(s.id) === 'DOWN').map((s) => s.id),
    );
    downOf.set(set.join(','), down);
  }
  const result = new Map<string, Set<string>>();
  for (const service of model.services) {
    const cuts = new Set<string>();
    for (const set of sets) {
      // The empty set is no cut: a service DOWN already has none (a DOWN service gains nothing).
      if (set.length === 0 || !downOf.get(set.join(','))!.has(service.id)) continue;
      const minimal = properSubsets(set).every(
        (sub) => !downOf.get(sub.join(','))!.has(service.id),
      );
      if (minimal)
        cuts.add(
          set
            .map((u) => units[u]!.id)
            .sort()
            .join('+'),
        );
    }
    result.set(service.id, cuts);
  }
  return result;
}

function properSubsets(set: number[]): number[][] {
  const subsets: number[][] = [];
  for (let mask = 0; mask < (1 << set.length) - 1; mask++)
    subsets.push(set.filter((_, bit) => (mask & (1 << bit)) !== 0));
  return subsets;
}
