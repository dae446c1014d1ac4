import type {Snapshot} from '../../core/analyze.js';
import {componentsIn, type ConditionFilter} from '../../core/condition.js';
import type {StateMatch} from './visible.js';

type PerUnknown = WeakMap<ReadonlySet<string>, Partial<Record<ConditionFilter, StateMatch>>>;
const made = new WeakMap<Snapshot, PerUnknown>();

/**
 * The state filter's question for one evaluated state, asked of the core for each row: one
 * object per snapshot, unknown set and filter, so the rows made with it are made once.
 */
export function stateMatch(
  snapshot: Snapshot,
  unknown: ReadonlySet<string>,
  filter: ConditionFilter,
  nominal?: Snapshot,
): StateMatch {
  let perUnknown = made.get(snapshot);
  if (!perUnknown) made.set(snapshot, (perUnknown = new WeakMap()));
  let perFilter = perUnknown.get(unknown);
  if (!perFilter) perUnknown.set(unknown, (perFilter = {}));
  return (perFilter[filter] ??= componentsIn(snapshot, unknown, filter, nominal));
}
