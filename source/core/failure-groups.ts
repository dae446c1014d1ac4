import type {Snapshot} from './analyze.js';
import type {AvailabilityEstimate} from './availability.js';
import {statusOf} from './capacity.js';
import {containmentOf} from './containment.js';
import type {ExtraUnit} from './cut-sets.js';
import {incrementalOf} from './incremental.js';
import type {FailureGroup, Model} from './model.js';

/**
 * Failure groups (docs/semantics.md): components that fail together — a power feed behind a zone and a
 * customer IDC, one DNS provider behind every GSLB. A group is one failable unit: its failure
 * is its members' failures at once, so the blast radius is the union of theirs.
 */

/** The group a command-line name means: `group:feed-a`, or `feed-a` when no component has that id. */
export function groupNamed(model: Model, name: string): FailureGroup | undefined {
  const id = name.startsWith('group:') ? name.slice('group:'.length) : name;
  if (id === name && model.components.has(name)) return undefined;
  return model.failureGroups.find((group) => group.id === id);
}

/** The groups as units of the cut-set search: widest first, before every component kind. */
export function groupUnits(model: Model): ExtraUnit[] {
  const count = model.failureGroups.length;
  return model.failureGroups.map((group, index) => ({
    id: group.id,
    kind: 'group',
    rank: index - count - 1,
    members: group.members,
  }));
}

/** What one group's failure does to a service from a state: DOWN, lower, or nothing. */
export interface GroupEffect {
  group: FailureGroup;
  /** Service id → served after; services left untouched are absent. */
  after: ReadonlyMap<string, number>;
}

/** Each group failed alone on top of the snapshot, by the incremental engine (groups already down are skipped). */
export function groupEffects(model: Model, base: Snapshot): GroupEffect[] {
  if (model.failureGroups.length === 0) return [];
  const {index} = containmentOf(model);
  const engine = incrementalOf(model, base);
  const effects: GroupEffect[] = [];
  for (const group of model.failureGroups) {
    if (group.members.some((id) => base.down.has(id))) continue;
    const roots = group.members.map((id) => index.get(id)!);
    effects.push({group, after: new Map(engine.afterAllAt(roots))});
  }
  return effects;
}

/** The groups that are a single point of failure for a service, and those that only lower it. */
export function groupPoints(
  model: Model,
  base: Snapshot,
  effects: readonly GroupEffect[],
  serviceId: string,
): {spof: string[]; weak: string[]} {
  const service = model.services.find((s) => s.id === serviceId)!;
  const before = base.evaluation.served.get(serviceId)!;
  const spof: string[] = [];
  const weak: string[] = [];
  if (statusOf(service, before) === 'DOWN') return {spof, weak};
  for (const {group, after} of effects) {
    const served = after.get(serviceId);
    if (served === undefined || served >= before) continue;
    if (statusOf(service, served) === 'DOWN') spof.push(group.id);
    else weak.push(group.id);
  }
  return {spof, weak};
}

/**
 * The estimate with the groups' own failures, each an event independent of its members' own
 * (a group without `availability` never fails on its own). A group that takes the service DOWN
 * alone multiplies both probabilities by its availability, exactly: the service is up only
 * with the group up, and then as the members' independent failures leave it. A group that only
 * lowers it is counted as taking it out of OK, and the estimate then says it is not exact.
 */
export function withGroups(
  estimate: AvailabilityEstimate,
  model: Model,
  points: {spof: readonly string[]; weak: readonly string[]},
): AvailabilityEstimate {
  const availabilityOf = (id: string) =>
    model.failureGroups.find((group) => group.id === id)?.availability ?? 1;
  let {ok, up, exact} = estimate;
  for (const id of points.spof) {
    ok *= availabilityOf(id);
    up *= availabilityOf(id);
  }
  for (const id of points.weak) {
    const a = availabilityOf(id);
    if (a >= 1) continue;
    ok *= a;
    exact = false;
  }
  if (ok === estimate.ok && up === estimate.up) return estimate;
  return {ok, up, downtimeMinutesPerYear: (1 - up) * 525_600, exact};
}
