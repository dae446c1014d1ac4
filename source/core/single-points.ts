import type {Snapshot} from './analyze.js';
import type {Model} from './model.js';
import {Recent} from './kept.js';
import {sweep, type Sweep} from './sweep.js';

/** A sweep lists every component's effect: kept for the few snapshots asked last (see Recent). */
const sweeps = new Recent<Snapshot, Map<boolean, Sweep>>(4);

/** The N-1 sweep from a snapshot's state, computed once per snapshot. */
export function sweepOf(model: Model, snap: Snapshot, includeGslb = false): Sweep {
  const bySetting = sweeps.of(snap, () => new Map());
  let result = bySetting.get(includeGslb);
  if (!result) bySetting.set(includeGslb, (result = sweep(model, snap, {includeGslb})));
  return result;
}

/** The sweep of a snapshot's state if it was computed already, without computing it. */
export function computedSweep(snap: Snapshot, includeGslb = false): Sweep | undefined {
  return sweeps.get(snap)?.get(includeGslb);
}

/** Forgets the sweeps of every snapshot but those `wanted` holds to. */
export function keepSweeps(wanted: (snap: Snapshot) => boolean): void {
  sweeps.keepOnly(wanted);
}

/** Components that are a single point of failure for some service in a state, and still up. */
export function singlePointsIn(model: Model, snap: Snapshot, includeGslb = false): Set<string> {
  const ids = new Set<string>();
  for (const service of sweepOf(model, snap, includeGslb).services.values())
    for (const id of service.spof) if (!snap.down.has(id)) ids.add(id);
  return ids;
}

/** Single points of failure in `to` that were not single points in `from`. */
export function singlePointsAdded(
  model: Model,
  from: Snapshot,
  to: Snapshot,
  includeGslb = false,
): string[] {
  const before = singlePointsIn(model, from, includeGslb);
  return [...singlePointsIn(model, to, includeGslb)].filter((id) => !before.has(id));
}

/** A service one more failure would take DOWN, and the components whose failure would. */
export interface OneFailureFromDown {
  service: string;
  components: string[];
}

const atRisk = new WeakMap<Sweep, OneFailureFromDown[]>();

/**
 * The services not DOWN now that one more failure, from the sweep's state, would take DOWN:
 * each with its single points (up components; the sweep's order). Once per sweep, so the
 * header and the sweep pane share one answer.
 */
export function oneFailureFromDown(sweep: Sweep): OneFailureFromDown[] {
  let found = atRisk.get(sweep);
  if (found) return found;
  found = [];
  for (const [service, summary] of sweep.services)
    if (summary.spof.length > 0) found.push({service, components: summary.spof});
  atRisk.set(sweep, found);
  return found;
}
