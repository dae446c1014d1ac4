import type {Snapshot} from './analyze.js';
import {reachedBy, type AvailabilityEstimate} from './availability.js';
import {statusOf} from './capacity.js';
import {containmentOf} from './containment.js';
import type {ExtraUnit} from './cut-sets.js';
import {incrementalOf} from './incremental.js';
import {blastRadius} from './propagate.js';
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

/**
 * The groups that are a single point of failure for a service, those that only lower it, and
 * those with an availability of their own that hold a component bearing on it at all.
 */
export function groupPoints(
  model: Model,
  base: Snapshot,
  effects: readonly GroupEffect[],
  serviceId: string,
): {spof: string[]; weak: string[]; bearing: string[]} {
  const service = model.services.find((s) => s.id === serviceId)!;
  const before = base.evaluation.served.get(serviceId)!;
  const spof: string[] = [];
  const weak: string[] = [];
  const failing = model.failureGroups.filter((g) => (g.availability ?? 1) < 1);
  let bearing: string[] = [];
  if (failing.length > 0) {
    // Through the blast radius: a member may be no failable component on its own (a redundant
    // router pair that a shared cause takes down together).
    const reached = reachedBy(model, serviceId);
    const touches = (group: FailureGroup) => {
      const radius = groupRadius(model, group);
      for (const id of reached) if (radius.has(id)) return true;
      return false;
    };
    bearing = failing.filter(touches).map((g) => g.id);
  }
  if (statusOf(service, before) === 'DOWN') return {spof, weak, bearing};
  for (const {group, after} of effects) {
    const served = after.get(serviceId);
    if (served === undefined || served >= before) continue;
    if (statusOf(service, served) === 'DOWN') spof.push(group.id);
    else weak.push(group.id);
  }
  return {spof, weak, bearing};
}

const radii = new WeakMap<Model, Map<string, ReadonlySet<string>>>();

/** Everything a group's failure takes down, once per model: services ask it in turn. */
function groupRadius(model: Model, group: FailureGroup): ReadonlySet<string> {
  let byGroup = radii.get(model);
  if (!byGroup) radii.set(model, (byGroup = new Map()));
  let radius = byGroup.get(group.id);
  if (!radius) {
    radius = new Set(group.members.flatMap((id) => blastRadius(model, id)));
    byGroup.set(group.id, radius);
  }
  return radius;
}

/** The service's estimate given some components down (a group's members), other options alike. */
export interface GivenFailed {
  serviceId: string;
  given: (failed: ReadonlySet<string>) => AvailabilityEstimate;
}

/** At most this many single-point groups of a GSLB service are combined exactly (2^n estimates). */
const maxCombinedGroups = 3;

/**
 * The estimate with the groups' own failures, each an event independent of its members' own
 * (a group without `availability` never fails on its own). A group that takes the service DOWN
 * alone multiplies both probabilities by its availability, exactly when more failures can only
 * lower what the service serves — when it reaches no GSLB. Through a GSLB they can raise it: a
 * failed target sends its share to the others (a load balancer behind a TCP check, up with its
 * members dead, stops taking a share it serves 0 of when it fails too). There each combination
 * of those groups' failures is weighed with the estimate given their members down (up to
 * `maxCombinedGroups` groups; beyond, the product, not exact). A group that only lowers it is
 * counted as taking it out of OK; that one, and any other group bearing on the service, make
 * the estimate say it is not exact.
 */
export function withGroups(
  estimate: AvailabilityEstimate,
  model: Model,
  points: {spof: readonly string[]; weak: readonly string[]; bearing?: readonly string[]},
  conditional: GivenFailed,
): AvailabilityEstimate {
  const groupOf = (id: string) => model.failureGroups.find((group) => group.id === id);
  const availabilityOf = (id: string) => groupOf(id)?.availability ?? 1;
  let {ok, up, exact} = estimate;
  const spof = points.spof.filter((id) => availabilityOf(id) < 1);
  // Asked only with a group to weigh: the walk down the dependencies costs a long chain dearly.
  const monotone = spof.length === 0 || !reachesGslb(model, conditional.serviceId);
  if (monotone || spof.length > maxCombinedGroups) {
    for (const id of spof) {
      ok *= availabilityOf(id);
      up *= availabilityOf(id);
    }
    if (!monotone) exact = false;
  } else if (spof.length > 0) {
    ok = 0;
    up = 0;
    for (let mask = 0; mask < 2 ** spof.length; mask++) {
      let weight = 1;
      const failed = new Set<string>();
      spof.forEach((id, bit) => {
        if (mask & (1 << bit)) {
          weight *= 1 - availabilityOf(id);
          for (const member of groupOf(id)!.members) failed.add(member);
        } else weight *= availabilityOf(id);
      });
      const given = mask === 0 ? estimate : conditional.given(failed);
      ok += weight * given.ok;
      up += weight * given.up;
      if (!given.exact) exact = false;
    }
  }
  for (const id of points.weak) {
    const a = availabilityOf(id);
    if (a >= 1) continue;
    ok *= a;
    exact = false;
  }
  // A group that bears on the service but takes it DOWN only with other failures (it spends
  // the redundancy they would need) is not in the numbers: they are no longer exact.
  for (const id of points.bearing ?? [])
    if (!points.spof.includes(id) && availabilityOf(id) < 1) exact = false;
  // A group that only lowers a service never OK leaves the numbers as they were, but not exact:
  // with other failures it can still take the service DOWN.
  if (ok === estimate.ok && up === estimate.up && exact === estimate.exact) return estimate;
  return {ok, up, downtimeMinutesPerYear: (1 - up) * 525_600, exact};
}

/** Whether the service or one it depends on enters through a GSLB. */
function reachesGslb(model: Model, serviceId: string): boolean {
  const seen = new Set<string>();
  const pending = [serviceId];
  while (pending.length > 0) {
    const id = pending.pop()!;
    const service = model.components.get(id);
    if (seen.has(id) || service?.kind !== 'service') continue;
    seen.add(id);
    if (model.components.get(service.entry)?.kind === 'gslb') return true;
    pending.push(...service.dependsOn);
  }
  return false;
}

/** Where a group stands in a state: down when every member is, partly when some are. */
export interface GroupStanding {
  state: 'up' | 'partial' | 'down';
  /** Every member that is down was failed by the simulation (not observed). */
  simulated: boolean;
  /** Members down, each with the failure that took it down (its root). */
  roots: string[];
}

export function groupStanding(group: FailureGroup, snap: Snapshot): GroupStanding {
  const roots: string[] = [];
  for (const id of group.members) {
    const cause = snap.down.get(id);
    if (cause) roots.push(cause.root);
  }
  const state =
    roots.length === 0 ? 'up' : roots.length === group.members.length ? 'down' : 'partial';
  return {state, simulated: roots.every((root) => snap.state.simulated.has(root)), roots};
}

/** The group with this id, if the file has one. */
export function groupById(model: Model, id: string): FailureGroup | undefined {
  return model.failureGroups.find((group) => group.id === id);
}

const pointsBySnapshot = new WeakMap<
  Snapshot,
  ReadonlyMap<string, {spof: string[]; weak: string[]}>
>();

/**
 * Each service's group points in a state (see `groupPoints`), asked once per snapshot: the
 * sweep pane lists them and the header counts the services a group alone takes DOWN.
 */
export function groupPointsIn(
  model: Model,
  snap: Snapshot,
): ReadonlyMap<string, {spof: string[]; weak: string[]}> {
  let points = pointsBySnapshot.get(snap);
  if (!points) {
    const effects = groupEffects(model, snap);
    points = new Map(
      model.services.map((service) => [
        service.id,
        effects.length === 0 ? {spof: [], weak: []} : groupPoints(model, snap, effects, service.id),
      ]),
    );
    pointsBySnapshot.set(snap, points);
  }
  return points;
}
