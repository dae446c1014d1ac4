import {keptIn, Recent} from '../../core/kept.js';
import {downListOf, nothingDown, type DownList} from '../../core/analyze.js';
import type {CoreMessage} from '../../core/messages.js';
import {groupById, groupStanding} from '../../core/failure-groups.js';
import {reversed, type LatencyChange} from '../../core/latency.js';
import {isFailable} from '../../core/propagate.js';
import type {Kind} from '../../core/schema.js';
import {howDown, type FailureState} from '../../core/state.js';
import type {FailoverWindow} from '../../core/timing.js';
import {whatIf, type WhatIf} from '../../core/what-if.js';
import type {MessageId} from '../../i18n/i18n.js';
import type {PendingFailover} from '../state/types.js';
import type {TreeNode} from '../tree/nodes.js';
import type {Analysis} from './analysis.js';
import {rowsNow, rowsOfChanges, type ServiceRow} from './service-rows.js';

export type {ServiceRow};

/** What-if sweeps cost a sweep of the state after; on big topologies they stay off the cursor path. */
export const previewSweepLimit = 3000;

/** What the impact panel says about the selected row. */
export type Subject =
  | {type: 'none'}
  | {
      type: 'preview';
      /** `group`: a failure group, its members failed as one. */
      kind: Kind | 'group';
      id: string;
      /** What would go down with it (up now), each with its cause: the heading counts this list. */
      wentDown: DownList;
      rows: ServiceRow[];
      windows: FailoverWindow[];
      /** Single points that would appear; undefined on big topologies. */
      thenSpofs: string[] | undefined;
      /** Dependencies it would send to other places or round trips; none on big topologies. */
      latency: readonly LatencyChange[];
    }
  | {
      type: 'down';
      kind: Kind | 'group';
      id: string;
      root: string;
      rootKind: Kind | 'group';
      how: 'sim' | 'live';
      reason?: string;
      /** What its root took down (down now with it as the cause): the heading counts this list. */
      wentDown: DownList;
      /** Now → if the root came back; the status is the one now. */
      rows: ServiceRow[];
      /** Single points now that its return would remove; undefined on big topologies. */
      nowSpofs: string[] | undefined;
      /** Dependencies its root sent to other places or round trips. */
      latency: readonly LatencyChange[];
    }
  | {
      type: 'pending';
      kind: Kind;
      id: string;
      what: CoreMessage;
      rows: ServiceRow[];
      latency: readonly LatencyChange[];
    }
  | {type: 'standing'; kind: Kind | 'group'; id: string; note?: MessageId; rows: ServiceRow[]};

/**
 * What-ifs and subjects are kept for the rows the cursor passed last, in the last two analysed
 * states (the one on screen, the one before it): moving back is free, and a zone's what-if (250k
 * components at 1M VMs) is not kept for every row ever passed, nor for states long gone.
 */
const keptPerState = 16;
const previews = new Recent<Analysis, Map<string, WhatIf>>(2);

/** The core's what-if for the selection, kept per analysed state so the cursor can come back. */
function whatIfOf(analysis: Analysis, key: string, compute: () => WhatIf | undefined) {
  const perKey = previews.of(analysis, () => new Map());
  const known = perKey.get(key);
  if (known) return known;
  const result = compute();
  if (result) keptIn(perKey, key, keptPerState, () => result);
  return result;
}

/**
 * The core's what-if of `action` from the analysed state, asked once per state and key: the
 * preview the panel showed is the answer `x` reuses.
 */
export function answer(
  analysis: Analysis,
  failure: FailureState,
  key: string,
  action: Parameters<typeof whatIf>[2],
) {
  return whatIfOf(analysis, key, () => {
    const result = whatIf(analysis.model, failure, action, {
      now: analysis.snapshot,
      includeGslb: analysis.includeGslb,
    });
    return result.ok ? result.whatIf : undefined;
  });
}

/** What a down thing's return brings back, told from the state it is down in. */
function whatReturnBrings(analysis: Analysis, back: WhatIf | undefined, small: boolean) {
  return {
    wentDown: back?.tookDown ?? nothingDown,
    rows: back
      ? rowsOfChanges(back.services, 'now', analysis.slow())
      : rowsNow(analysis.model, analysis.snapshot, analysis.slow()),
    nowSpofs: small ? back?.goneSinglePoints() : undefined,
    latency: back ? reversed(back.latency()) : [],
  };
}

const subjects = new Recent<Analysis, {failure: FailureState; byNode: Map<string, Subject>}>(2);

/** Forgets the what-ifs and subjects of every analysed state but `now`. */
export function keepSelectionOf(now: Analysis): void {
  previews.keepOnly((analysis) => analysis === now);
  subjects.keepOnly((analysis) => analysis === now);
}

/**
 * What the impact panel says of the selection. Without a failover waiting, the answer of a row
 * is kept for its state: at 1M VMs a zone's subject lists 250k components going down with it,
 * and the cursor passes the zone row again and again.
 */
export function subjectOf(
  analysis: Analysis,
  failure: FailureState,
  node: TreeNode | undefined,
  pending?: PendingFailover,
): Subject {
  if (pending || !node) return subjectNow(analysis, failure, node, pending);
  const kept = subjects.of(analysis, () => ({failure, byNode: new Map()}));
  if (kept.failure !== failure) {
    kept.failure = failure;
    kept.byNode.clear();
  }
  return keptIn(kept.byNode, `${node.role}\u0000${node.id}`, keptPerState, () =>
    subjectNow(analysis, failure, node),
  );
}

function subjectNow(
  analysis: Analysis,
  failure: FailureState,
  node: TreeNode | undefined,
  pending?: PendingFailover,
): Subject {
  const {model, snapshot} = analysis;
  const small = model.components.size <= previewSweepLimit;
  if (pending) {
    const component = model.components.get(pending.id);
    if (component && pending.whatIf.failover)
      return {
        type: 'pending',
        kind: component.kind,
        id: component.id,
        what: pending.whatIf.failover.message,
        rows: rowsOfChanges(pending.whatIf.services, 'after', pending.whatIf.slowAfter()),
        latency: pending.whatIf.latency(),
      };
  }
  if (!node) return {type: 'none'};
  if (node.role === 'group')
    return {
      type: 'standing',
      kind: 'group',
      id: node.id,
      rows: rowsNow(model, snapshot, analysis.slow()),
    };
  if (node.role === 'failureGroup') return groupSubject(analysis, failure, node.id);
  const component = model.components.get(node.id);
  if (!component) return {type: 'none'};
  const cause = snapshot.down.get(component.id);
  if (cause) {
    const how = howDown(failure, cause.root);
    const back = answer(analysis, failure, `back:${cause.root}`, {
      type: 'restore',
      ids: [cause.root],
    });
    const reason = how === 'live' ? failure.observed.get(cause.root) : undefined;
    return {
      type: 'down',
      kind: component.kind,
      id: component.id,
      root: cause.root,
      rootKind: cause.rootKind,
      how,
      ...(reason !== undefined ? {reason} : {}),
      ...whatReturnBrings(analysis, back, small),
    };
  }
  if (node.role === 'component' && isFailable(component, analysis.includeGslb)) {
    const fail = answer(analysis, failure, `fail:${component.id}`, {
      type: 'fail',
      ids: [component.id],
    });
    if (fail)
      return {
        type: 'preview',
        kind: component.kind,
        id: component.id,
        wentDown: downListOf(fail.down.filter((entry) => entry.id !== component.id)),
        // The state after one failure is a full pass: on big topologies, not on the cursor path.
        rows: rowsOfChanges(fail.services, 'after', small ? fail.slowAfter() : undefined),
        windows: fail.windows,
        thenSpofs: small ? fail.newSinglePoints() : undefined,
        latency: small ? fail.latency() : [],
      };
  }
  const note: MessageId | undefined = component.kind === 'router' ? 'impact.redundant' : undefined;
  return {
    type: 'standing',
    kind: component.kind,
    id: component.id,
    ...(note ? {note} : {}),
    rows: rowsNow(model, snapshot, analysis.slow()),
  };
}

/**
 * A failure group's row: down once every member is (what its return would bring back), else
 * what failing the members still up would do, as one failure.
 */
function groupSubject(analysis: Analysis, failure: FailureState, id: string): Subject {
  const {model, snapshot} = analysis;
  const group = groupById(model, id);
  if (!group) return {type: 'none'};
  const small = model.components.size <= previewSweepLimit;
  const standing = groupStanding(group, snapshot);
  if (standing.state === 'down') {
    const roots = [...new Set(standing.roots)];
    const back = answer(analysis, failure, `back-group:${id}`, {type: 'restore', ids: roots});
    const how = standing.simulated ? 'sim' : 'live';
    return {
      type: 'down',
      kind: 'group',
      id,
      root: id,
      rootKind: 'group',
      how,
      ...whatReturnBrings(analysis, back, small),
    };
  }
  const up = group.members.filter((member) => !snapshot.down.has(member));
  const fail = answer(analysis, failure, `fail-group:${id}`, {type: 'fail', ids: up});
  if (!fail) return {type: 'none'};
  return {
    type: 'preview',
    kind: 'group',
    id,
    wentDown: downListOf(fail.down.filter((entry) => !up.includes(entry.id))),
    rows: rowsOfChanges(fail.services, 'after', fail.slowAfter()),
    windows: fail.windows,
    thenSpofs: small ? fail.newSinglePoints() : undefined,
    latency: fail.latency(),
  };
}
