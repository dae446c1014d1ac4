import type {Component, Model} from '../../core/model.js';
import {blastRadius, isFailable} from '../../core/propagate.js';
import type {Kind} from '../../core/schema.js';
import type {FailureState} from '../../core/state.js';
import type {MessageId} from '../i18n.js';
import type {TreeNode} from '../tree/nodes.js';
import type {Analysis} from './analysis.js';
import {gslbMovesOf, type GslbMove} from './gslb-moves.js';
import {
  impactOfRoot,
  rowsBetween,
  rowsOfImpact,
  standing,
  type ServiceRow,
} from './service-rows.js';

export type {ServiceRow};

/** What the impact panel says about the selected row. */
export type Subject =
  | {type: 'none'}
  | {
      type: 'preview';
      kind: Kind;
      id: string;
      fellWith: Counts;
      rows: ServiceRow[];
      moves: GslbMove[];
    }
  | {
      type: 'down';
      kind: Kind;
      id: string;
      root: string;
      rootKind: Kind;
      how: 'sim' | 'live';
      reason?: string;
      fellWith: Counts;
      rows: ServiceRow[];
    }
  | {type: 'standing'; kind: Kind | 'group'; id: string; note?: MessageId; rows: ServiceRow[]};

export type Counts = Partial<Record<Kind, number>>;

function countRadius(model: Model, radius: Iterable<string>, self: string): Counts {
  const counts: Counts = {};
  for (const id of radius) {
    if (id === self) continue;
    const kind = model.components.get(id)!.kind;
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

function preview(analysis: Analysis, component: Component): Subject {
  const {model, snapshot} = analysis;
  const radius = new Set<string>();
  for (const id of blastRadius(model, component.id)) if (!snapshot.down.has(id)) radius.add(id);
  const effect = analysis.effectOf(component.id);
  const before = (id: string) => snapshot.evaluation.served.get(id) ?? 0;
  const rows = rowsBetween(model, before, (id) => effect?.after.get(id) ?? before(id));
  return {
    type: 'preview',
    kind: component.kind,
    id: component.id,
    fellWith: countRadius(model, radius, component.id),
    rows,
    moves: gslbMovesOf(analysis, radius, rows),
  };
}

export function subjectOf(
  analysis: Analysis,
  failure: FailureState,
  node: TreeNode | undefined,
): Subject {
  if (!node) return {type: 'none'};
  const {model, snapshot} = analysis;
  if (node.role === 'group')
    return {type: 'standing', kind: 'group', id: node.id, rows: standing(analysis, failure)};
  const component = model.components.get(node.id);
  if (!component) return {type: 'none'};
  const cause = snapshot.down.get(component.id);
  if (cause) {
    const how = failure.simulated.has(cause.root) ? 'sim' : 'live';
    const impact = impactOfRoot(model, failure, cause.root, how);
    const reason = how === 'live' ? failure.observed.get(cause.root) : undefined;
    const fellWith = countRadius(
      model,
      impact.down.map((d) => d.id),
      cause.root,
    );
    return {
      type: 'down',
      kind: component.kind,
      id: component.id,
      root: cause.root,
      rootKind: cause.rootKind,
      how,
      ...(reason !== undefined ? {reason} : {}),
      fellWith,
      rows: rowsOfImpact(impact),
    };
  }
  if (node.role === 'component' && isFailable(component, analysis.includeGslb))
    return preview(analysis, component);
  const note: MessageId | undefined = component.kind === 'router' ? 'impact.redundant' : undefined;
  return {
    type: 'standing',
    kind: component.kind,
    id: component.id,
    ...(note ? {note} : {}),
    rows: standing(analysis, failure),
  };
}
