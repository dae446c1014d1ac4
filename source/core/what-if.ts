import {
  compare,
  downListOf,
  nothingDown,
  snapshot,
  type DownEntry,
  type DownList,
  type ServiceChange,
  type Snapshot,
} from './analyze.js';
import {lbCapacity, statusOf, targetStateIn, type TargetState} from './capacity.js';
import {containmentOf} from './containment.js';
import {failover, type FailoverDone} from './failover.js';
import {incrementalOf} from './incremental.js';
import type {CoreMessage} from './messages.js';
import type {Model, Service} from './model.js';
import {
  dependencyLatencies,
  latencyChanges,
  slowServices,
  speaksOfLatency,
  type LatencyChange,
} from './latency.js';
import {once} from './once.js';
import type {Kind} from './kinds.js';
import {describeCause, tallyOf, type Cause} from './propagate.js';
import {withSimulated, type FailureState} from './state.js';
import {singlePointsAdded} from './single-points.js';
import {failoverWindows, windowsBetween, type FailoverWindow} from './timing.js';

/** What the operator could do next: fail components, restore simulated ones, or fail over. */
export type WhatIfAction =
  | {type: 'fail'; ids: readonly string[]}
  | {type: 'restore'; ids: readonly string[]}
  | {type: 'failover'; id: string};

/**
 * The answer to "what if": every number a screen or a command shows about one action, from the
 * current state. `before` is always the current state; `after` the steady state once every GSLB
 * has moved traffic; the windows say how long that takes and what is served meanwhile.
 */
export interface WhatIf {
  action: WhatIfAction;
  /** The failure state once the action is done. */
  state: FailureState;
  /** What goes down with it that is up now, each with its cause (the named components too). */
  down: DownEntry[];
  /** What comes back up (a restore). */
  up: string[];
  /**
   * A restore: what the restored failures took down, each with its cause — the components down
   * now whose cause is one of them, those named left out. Some may stay down once they are back
   * (a VM a source also observes down); the list says what fell with them. Empty for other
   * actions.
   */
  tookDown: DownList;
  /** Every service, current → after. */
  services: ServiceChange[];
  /** GSLBs that move traffic because of it; `moves: false` when no healthy target is left. */
  windows: FailoverWindow[];
  /** Single points of failure the action would leave that are not single points now (lazy). */
  newSinglePoints: () => string[];
  /** Single points of failure now that the action would remove (lazy). */
  goneSinglePoints: () => string[];
  /** Dependencies whose places or round trip differ after it (lazy; docs/topology-format.md, latency). */
  latency: () => LatencyChange[];
  /** Services over a latency budget after it (lazy): the ones marked SLOW. */
  slowAfter: () => ReadonlySet<string>;
  /** A failover: what it does, in words. */
  failover?: FailoverDone;
  /** True when some service would serve less than now. */
  lowers: boolean;
}

export type WhatIfResult = {ok: true; whatIf: WhatIf} | {ok: false; refusal: CoreMessage};

export interface WhatIfOptions {
  includeGslb?: boolean;
  /** The current state's snapshot, when the caller holds it already. */
  now?: Snapshot;
}

export function whatIf(
  model: Model,
  state: FailureState,
  action: WhatIfAction,
  options: WhatIfOptions = {},
): WhatIfResult {
  const now = options.now ?? snapshot(model, state);
  const includeGslb = options.includeGslb ?? false;
  if (action.type === 'fail') {
    const ids = [...new Set(action.ids)].filter((id) => model.components.has(id));
    if (ids.length === 1) return {ok: true, whatIf: failOne(model, now, ids[0]!, includeGslb)};
    const after = snapshot(model, withSimulated(state, ids));
    return {ok: true, whatIf: between(model, action, now, after, ids, includeGslb, 'detected')};
  }
  if (action.type === 'restore') {
    // What if they came back: simulated failures restored, observed ones seen up again.
    const gone = new Set(action.ids);
    const simulated = new Set([...state.simulated].filter((id) => !gone.has(id)));
    const observed = new Map([...state.observed].filter(([id]) => !gone.has(id)));
    const after = snapshot(model, {...state, simulated, observed});
    // Traffic returns as soon as the target is back: a restore opens no window.
    const result = between(model, action, now, after, [], includeGslb, 'none');
    return {ok: true, whatIf: {...result, tookDown: tookDownBy(model, now, gone)}};
  }
  const done = failover(model, now, action.id);
  if (!done.ok) return {ok: false, refusal: done.reason};
  const after = snapshot(model, done.state);
  const result = between(
    model,
    action,
    now,
    after,
    [],
    includeGslb,
    done.kind === 'gslb' ? 'manual' : 'detected',
  );
  return {ok: true, whatIf: {...result, failover: done}};
}

function between(
  model: Model,
  action: WhatIfAction,
  now: Snapshot,
  after: Snapshot,
  named: readonly string[],
  includeGslb: boolean,
  /** How traffic moves: once the GSLB detects the change, at once (a manual failover), or not at all. */
  moves: 'detected' | 'manual' | 'none',
): WhatIf {
  const impact = compare(model, [...named], now, after);
  const up = [...now.down.keys()].filter((id) => !after.down.has(id));
  const windows = moves === 'none' ? [] : failoverWindows(model, now, after, moves === 'manual');
  return {
    action,
    state: after.state,
    down: impact.down,
    up,
    tookDown: nothingDown,
    services: impact.services,
    windows,
    newSinglePoints: once(() => singlePointsAdded(model, now, after, includeGslb)),
    goneSinglePoints: once(() => singlePointsAdded(model, after, now, includeGslb)),
    ...latencyOf(model, now, () => after),
    lowers: impact.services.some((s) => s.after < s.before),
  };
}

/** One component failed on top of the current state: the incremental engine, no full pass. */
function failOne(model: Model, now: Snapshot, id: string, includeGslb: boolean): WhatIf {
  const root = model.components.get(id)!;
  const cause = describeCause({root: id, rootKind: root.kind});
  const gone = new Set<string>();
  const down: DownEntry[] = [];
  const {ids, index, kinds, radiusAt} = containmentOf(model);
  for (const i of radiusAt(index.get(id)!)) {
    const member = ids[i]!;
    if (now.down.has(member)) continue;
    gone.add(member);
    down.push({id: member, kind: kinds[i]!, cause});
  }
  const change = incrementalOf(model, now).changeOf(id);
  const services = model.services.map((service: Service): ServiceChange => {
    const before = now.evaluation.served.get(service.id)!;
    const after = change.after.get(service.id) ?? before;
    return {
      id: service.id,
      demand: service.demand,
      before,
      after,
      status: statusOf(service, after),
      statusBefore: now.status.get(service.id)!,
    };
  });
  const state = withSimulated(now.state, [id]);
  const after = once(() => snapshot(model, state));
  return {
    action: {type: 'fail', ids: [id]},
    state,
    down,
    up: [],
    tookDown: nothingDown,
    services,
    windows: windowsAfterLoss(model, now, gone),
    newSinglePoints: once(() => singlePointsAdded(model, now, after(), includeGslb)),
    goneSinglePoints: once(() => singlePointsAdded(model, after(), now, includeGslb)),
    ...latencyOf(model, now, after),
    lowers: services.some((s) => s.after < s.before),
  };
}

/** The latency answers of an action, asked only when shown; nothing when the file has no latency. */
function latencyOf(
  model: Model,
  now: Snapshot,
  after: () => Snapshot,
): Pick<WhatIf, 'latency' | 'slowAfter'> {
  if (!speaksOfLatency(model)) return {latency: () => [], slowAfter: () => new Set()};
  return {
    latency: once(() => latencyChanges(model, now, after())),
    slowAfter: once(() => slowServices(dependencyLatencies(model, after()))),
  };
}

/** The GSLB windows a set of components going down opens, reading only what they touch. */
function windowsAfterLoss(model: Model, now: Snapshot, gone: ReadonlySet<string>) {
  const gslbs = new Set<string>();
  const before = targetStateIn(now);
  for (const id of gone) {
    for (const gslb of model.gslbsOfTarget.get(id) ?? []) gslbs.add(gslb);
    for (const lb of model.lbsOfVm.get(id) ?? [])
      for (const gslb of model.gslbsOfTarget.get(lb) ?? []) gslbs.add(gslb);
  }
  if (gslbs.size === 0) return [];
  const after = (ref: string): TargetState => {
    if (gone.has(ref)) return {capacity: 0, up: false};
    const component = model.components.get(ref);
    if (component?.kind !== 'lb' || now.down.has(ref)) return before(ref);
    let sum = 0;
    for (const member of component.members)
      if (!gone.has(member)) sum += now.evaluation.vm.get(member) ?? 0;
    return {capacity: lbCapacity(component, sum, false), up: true};
  };
  return windowsBetween(
    model,
    gslbs,
    {targets: before, forced: now.state.forced},
    {targets: after, forced: now.state.forced, isDown: (id) => gone.has(id) || now.down.has(id)},
    false,
  );
}

/**
 * The components down now because of one of `roots`, in the snapshot's order, with their causes.
 * Counted from what the propagation tallied per cause; listed only as far as asked.
 */
function tookDownBy(model: Model, now: Snapshot, roots: ReadonlySet<string>): DownList {
  const entries = (limit: number): DownEntry[] => {
    const found: DownEntry[] = [];
    // A failure's cause is one object shared by all it took down (a zone's, by 25k components):
    // whether it is one of the roots is asked once per run of it.
    let last: Cause | undefined;
    let ours = false;
    for (const [id, cause] of now.down) {
      if (found.length >= limit) break;
      if (cause !== last) ours = roots.has((last = cause).root);
      if (ours && !roots.has(id))
        found.push({id, kind: model.components.get(id)!.kind, cause: describeCause(cause)});
    }
    return found;
  };
  const byKind = talliedBy(model, now, roots);
  if (!byKind) return downListOf(entries(Infinity));
  let size = 0;
  for (const n of Object.values(byKind)) size += n;
  return {size, byKind, first: entries};
}

/**
 * What `roots` took down, by kind, from the propagation's tallies: a root's own cause gave out
 * its radius, and a root already down when its turn came took nothing (what falls with it fell
 * with the wider failure first). The roots themselves are left out. Undefined when a tally is
 * missing.
 */
function talliedBy(
  model: Model,
  now: Snapshot,
  roots: ReadonlySet<string>,
): Partial<Record<Kind, number>> | undefined {
  const counts: Partial<Record<Kind, number>> = {};
  for (const root of roots) {
    const cause = now.down.get(root);
    if (cause?.root !== root) continue;
    const tally = tallyOf(cause);
    if (!tally) return undefined;
    for (const [kind, n] of Object.entries(tally) as [Kind, number][])
      counts[kind] = (counts[kind] ?? 0) + n;
  }
  for (const root of roots) {
    const cause = now.down.get(root);
    if (!cause || !roots.has(cause.root)) continue;
    const kind = model.components.get(root)!.kind;
    if (--counts[kind]! === 0) delete counts[kind];
  }
  return counts;
}
