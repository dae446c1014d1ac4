import type {Model} from '../../core/model.js';
import {withSimulated, type FailureState} from '../../core/state.js';
import {analyze, baselineOf} from './analysis.js';

/** What-if sweeps cost a full analysis per row; on big topologies they stay off the cursor path. */
export const previewSweepLimit = 3000;

function spofsOf(model: Model, failure: FailureState, includeGslb: boolean): Set<string> {
  const analysis = analyze(model, failure, includeGslb);
  const ids = new Set<string>();
  for (const service of analysis.sweep().services.values())
    for (const id of service.spof) if (!analysis.snapshot.down.has(id)) ids.add(id);
  return ids;
}

function added(now: Set<string>, before: Set<string>): string[] {
  return [...now].filter((id) => !before.has(id));
}

/** Single points of failure the simulated failures have created, against only the observed ones. */
export function newSinglePoints(
  model: Model,
  failure: FailureState,
  includeGslb: boolean,
): string[] {
  const base = baselineOf(failure);
  if (failure.simulated.size === 0 && failure.promoted.size === 0 && failure.forced.size === 0)
    return [];
  return added(spofsOf(model, failure, includeGslb), spofsOf(model, base, includeGslb));
}

const previews = new WeakMap<FailureState, Map<string, string[]>>();

/** Single points that failing `id` on top of the state would leave; undefined on big topologies. */
export function singlePointsAfter(
  model: Model,
  failure: FailureState,
  id: string,
  includeGslb: boolean,
): string[] | undefined {
  if (model.components.size > previewSweepLimit) return undefined;
  let perId = previews.get(failure);
  if (!perId) previews.set(failure, (perId = new Map()));
  let result = perId.get(id);
  if (!result) {
    const after = withSimulated(failure, [id]);
    result = added(spofsOf(model, after, includeGslb), spofsOf(model, failure, includeGslb));
    perId.set(id, result);
  }
  return result;
}
