import {snapshot} from './analyze.js';
import {checkReport, type CheckOptions, type CheckReport, type ServiceCheck} from './check.js';
import type {Model} from './model.js';
import type {UnitKind as Kind} from './cut-sets.js';
import {emptyState} from './state.js';
import {sweep, type Tolerance, type ToleranceKind} from './sweep.js';

/**
 * What a topology change does to resilience (`failsight diff OLD NEW`): both sides are analysed
 * once each by the check's own sweep, and this file only compares the two answers. No rule of
 * the analyzer is derived again here.
 */

/**
 * One side of a diff: the check report, what each service serves while one zone is down, and the
 * file's entries by id. Plain data, not the model: the model can go once it is analysed.
 */
export interface SideAnalysis {
  name: string;
  unit: string;
  report: CheckReport;
  /** Zone id → service id → served in the steady state after that zone alone fails. */
  zoneServed: Map<string, Map<string, number>>;
  /** Component id → its kind and its entry in the file (routers: their id and redundancy). */
  entries: Map<string, Entry>;
  /** The top-level settings compared as a whole. */
  settings: Partial<Record<(typeof settingKeys)[number], unknown>>;
}

export type AnalyzeOptions = Pick<CheckOptions, 'includeGslb' | 'availabilityOf'>;

export function analyzeSide(model: Model, options: AnalyzeOptions): SideAnalysis {
  const base = snapshot(model, emptyState);
  const result = sweep(model, base, {includeGslb: options.includeGslb ?? false});
  const report = checkReport(model, {...options, analysis: {base, sweep: result}});
  const zoneServed = new Map<string, Map<string, number>>();
  for (const effect of result.effects) {
    if (effect.kind !== 'zone') continue;
    const served = new Map<string, number>();
    for (const service of model.services)
      served.set(
        service.id,
        effect.after.get(service.id) ?? base.evaluation.served.get(service.id)!,
      );
    zoneServed.set(effect.id, served);
  }
  const settings: SideAnalysis['settings'] = {};
  for (const key of settingKeys) settings[key] = model.topology[key];
  return {
    name: model.name,
    unit: model.unit,
    report,
    zoneServed,
    entries: entriesOf(model),
    settings,
  };
}

export type Presence = 'both' | 'added' | 'removed';

export interface ComponentRef {
  id: string;
  kind: Kind;
}

export interface ComponentChange extends ComponentRef {
  /** Fields of the file entry that differ, e.g. ["capacity", "members"]; ["kind"] when it changed kind. */
  fields: string[];
}

export interface ComponentChanges {
  added: ComponentRef[];
  removed: ComponentRef[];
  changed: ComponentChange[];
  /** Top-level settings that differ: name, unit, availability, probes, hooks. */
  settings: string[];
}

export interface ToleranceChange {
  kind: ToleranceKind;
  before: Tolerance | undefined;
  after: Tolerance | undefined;
}

export interface ZoneServed {
  zone: string;
  presence: Presence;
  /** Served with this zone down; absent on the side without the zone. */
  before?: number;
  after?: number;
}

export interface FailoverChange {
  gslb: string;
  before?: {totalS: number; capacityAfter: number};
  after?: {totalS: number; capacityAfter: number};
}

export interface ServiceDiff {
  id: string;
  presence: Presence;
  before?: ServiceCheck;
  after?: ServiceCheck;
  spofGained: string[];
  spofLost: string[];
  /** Failure kinds whose tolerance (survives, full or worst) changed. */
  tolerance: ToleranceChange[];
  /** Every zone of either side. */
  zones: ZoneServed[];
  failover: FailoverChange[];
  /** True when anything of this service's analysis differs. */
  changed: boolean;
}

export type FindingKind =
  | 'belowMinimum'
  | 'spofGained'
  | 'toleranceLost'
  | 'zoneServedLess'
  | 'availabilityLower'
  | 'latencyOverBudget'
  | 'rtoExceeded'
  | 'aboveMinimum'
  | 'spofLost'
  | 'toleranceGained'
  | 'zoneServedMore'
  | 'availabilityHigher'
  | 'latencyWithinBudget'
  | 'rtoMet';

/** One reason a change is worse or better, about one service and the component it concerns. */
export interface Finding {
  direction: 'worse' | 'better';
  kind: FindingKind;
  service: string;
  /** The component to show: the SPOF, the zone, or the service itself. */
  component: string;
  componentKind: Kind;
  /** Failure kind, for tolerance findings. */
  failureKind?: ToleranceKind;
  /** Served (zone findings, minimum findings) or P(not DOWN) (availability findings); ms of a
   * dependency's round trip (latency findings); seconds to recover (recovery findings). */
  before?: number;
  after?: number;
  /** Latency and recovery findings: the budget (ms) or the target (s). */
  budget?: number;
  /** Latency findings: the zone or site whose failure puts it over (absent: without a failure). */
  failed?: string;
}

export type Verdict = 'worse' | 'better' | 'same';

export interface TopologyDiff {
  before: {name: string; unit: string};
  after: {name: string; unit: string};
  verdict: Verdict;
  /** Worse findings first, the most serious first; then the better ones. */
  findings: Finding[];
  components: ComponentChanges;
  services: ServiceDiff[];
  /** Availability may drop by this many percentage points before it counts as worse. */
  tolerancePoints: number;
}

export interface DiffOptions {
  /** Percentage points of availability (P(not DOWN)) a service may lose; default 0. */
  tolerancePoints?: number;
}

/** Below this, two availabilities or served ratios are the same number computed two ways. */
const epsilon = 1e-9;

export function diffTopologies(
  before: SideAnalysis,
  after: SideAnalysis,
  options: DiffOptions = {},
): TopologyDiff {
  const tolerancePoints = options.tolerancePoints ?? 0;
  const oldChecks = new Map(before.report.services.map((s) => [s.id, s]));
  const newChecks = new Map(after.report.services.map((s) => [s.id, s]));
  const services = serviceIds(before.report, after.report).map((id) =>
    serviceDiff(id, oldChecks.get(id), newChecks.get(id), before, after),
  );
  const findings = services.flatMap((service) =>
    findingsOf(service, before, after, tolerancePoints),
  );
  const rank = (finding: Finding) => findingOrder.indexOf(finding.kind);
  findings.sort((a, b) => rank(a) - rank(b));
  const verdict: Verdict = findings.some((f) => f.direction === 'worse')
    ? 'worse'
    : findings.length > 0
      ? 'better'
      : 'same';
  return {
    before: {name: before.name, unit: before.unit},
    after: {name: after.name, unit: after.unit},
    verdict,
    findings,
    components: componentChanges(before, after),
    services,
    tolerancePoints,
  };
}

/** 1 when the change made anything worse (docs/semantics.md). */
export function diffExitCode(diff: TopologyDiff): 0 | 1 {
  return diff.verdict === 'worse' ? 1 : 0;
}

/** The order findings are listed in, which is also their weight: the first worse one heads the verdict. */
const findingOrder: readonly FindingKind[] = [
  'belowMinimum',
  'spofGained',
  'toleranceLost',
  'zoneServedLess',
  'availabilityLower',
  'latencyOverBudget',
  'rtoExceeded',
  'aboveMinimum',
  'spofLost',
  'toleranceGained',
  'zoneServedMore',
  'availabilityHigher',
  'latencyWithinBudget',
  'rtoMet',
];

/** The worse findings: those listed before the first better one. */
const worseKinds: ReadonlySet<FindingKind> = new Set(
  findingOrder.slice(0, findingOrder.indexOf('aboveMinimum')),
);

function serviceIds(before: CheckReport, after: CheckReport): string[] {
  const ids = after.services.map((s) => s.id);
  const seen = new Set(ids);
  for (const s of before.services) if (!seen.has(s.id)) ids.push(s.id);
  return ids;
}

function serviceDiff(
  id: string,
  before: ServiceCheck | undefined,
  after: ServiceCheck | undefined,
  old: SideAnalysis,
  now: SideAnalysis,
): ServiceDiff {
  const presence: Presence = before && after ? 'both' : after ? 'added' : 'removed';
  const spofBefore = new Set(before?.spof ?? []);
  const spofAfter = new Set(after?.spof ?? []);
  const spofGained = before ? [...spofAfter].filter((c) => !spofBefore.has(c)) : [];
  // A service left DOWN has no SPOFs because it is down, not because it lost them.
  const spofLost =
    after && after.status !== 'DOWN' ? [...spofBefore].filter((c) => !spofAfter.has(c)) : [];
  const tolerance: ToleranceChange[] = [];
  const kinds = new Set([
    ...(Object.keys(before?.tolerance ?? {}) as ToleranceKind[]),
    ...(Object.keys(after?.tolerance ?? {}) as ToleranceKind[]),
  ]);
  if (presence === 'both')
    for (const kind of kinds) {
      const b = before!.tolerance[kind];
      const a = after!.tolerance[kind];
      if (!sameJson(b, a)) tolerance.push({kind, before: b, after: a});
    }
  const zones = zoneRows(id, old, now);
  const failover = failoverRows(before, after);
  const changed =
    presence !== 'both' ||
    spofGained.length + spofLost.length + tolerance.length > 0 ||
    !sameJson(before, after) ||
    zones.some((z) => z.presence !== 'both' || z.before !== z.after);
  return {
    id,
    presence,
    ...(before ? {before} : {}),
    ...(after ? {after} : {}),
    spofGained,
    spofLost,
    tolerance,
    zones,
    failover,
    changed,
  };
}

function zoneRows(serviceId: string, old: SideAnalysis, now: SideAnalysis): ZoneServed[] {
  const ids = [...now.zoneServed.keys()];
  const seen = new Set(ids);
  for (const zone of old.zoneServed.keys()) if (!seen.has(zone)) ids.push(zone);
  return ids.map((zone) => {
    const b = old.zoneServed.get(zone)?.get(serviceId);
    const a = now.zoneServed.get(zone)?.get(serviceId);
    const presence: Presence = old.zoneServed.has(zone)
      ? now.zoneServed.has(zone)
        ? 'both'
        : 'removed'
      : 'added';
    return {
      zone,
      presence,
      ...(b === undefined ? {} : {before: b}),
      ...(a === undefined ? {} : {after: a}),
    };
  });
}

function failoverRows(before?: ServiceCheck, after?: ServiceCheck): FailoverChange[] {
  const rows = new Map<string, FailoverChange>();
  const pick = (f: ServiceCheck['failover'][number]) => ({
    totalS: f.totalS,
    capacityAfter: f.capacityAfter,
  });
  for (const f of before?.failover ?? []) rows.set(f.gslb, {gslb: f.gslb, before: pick(f)});
  for (const f of after?.failover ?? [])
    rows.set(f.gslb, {...(rows.get(f.gslb) ?? {gslb: f.gslb}), after: pick(f)});
  return [...rows.values()];
}

/** Share of demand served: the yardstick when the demand itself changed. */
function ratio(served: number, demand: number): number {
  return demand > 0 ? served / demand : 1;
}

function findingsOf(
  service: ServiceDiff,
  oldSide: SideAnalysis,
  newSide: SideAnalysis,
  tolerancePoints: number,
): Finding[] {
  const {before, after} = service;
  const findings: Finding[] = [];
  const add = (kind: FindingKind, component: string, componentKind: Kind, extra = {}) =>
    findings.push({
      direction: worseKinds.has(kind) ? 'worse' : 'better',
      kind,
      service: service.id,
      component,
      componentKind,
      ...extra,
    });
  const kindIn = (side: SideAnalysis, id: string): Kind => side.entries.get(id)?.kind ?? 'service';
  const down = (check: ServiceCheck | undefined): boolean => check?.status === 'DOWN';
  // A new service counts only for what it is now; a removed one is listed among the components.
  if (after && down(after) && !down(before))
    add('belowMinimum', service.id, 'service', {
      ...(before ? {before: before.served} : {}),
      after: after.served,
    });
  if (before && after && down(before) && !down(after))
    add('aboveMinimum', service.id, 'service', {before: before.served, after: after.served});
  if (!before || !after) return findings;
  for (const id of service.spofGained) add('spofGained', id, kindIn(newSide, id));
  for (const id of service.spofLost) add('spofLost', id, kindIn(oldSide, id));
  for (const change of service.tolerance) {
    const was = change.before?.survives ?? true;
    const is = change.after?.survives ?? true;
    if (was === is) continue;
    add(is ? 'toleranceGained' : 'toleranceLost', service.id, 'service', {
      failureKind: change.kind,
    });
  }
  const gained = new Set(service.spofGained);
  const lost = new Set(service.spofLost);
  for (const zone of service.zones) {
    if (zone.before === undefined || zone.after === undefined) continue;
    const b = ratio(zone.before, before.demand);
    const a = ratio(zone.after, after.demand);
    // A zone that became (or stopped being) a SPOF is already said, more strongly.
    if (a < b - epsilon && !gained.has(zone.zone))
      add('zoneServedLess', zone.zone, 'zone', {before: zone.before, after: zone.after});
    else if (a > b + epsilon && !lost.has(zone.zone))
      add('zoneServedMore', zone.zone, 'zone', {before: zone.before, after: zone.after});
  }
  budgetFindings(service.id, before, after, add);
  const points = (after.availability.up - before.availability.up) * 100;
  if (points < -tolerancePoints - epsilon)
    add('availabilityLower', service.id, 'service', {
      before: before.availability.up,
      after: after.availability.up,
    });
  else if (points > tolerancePoints + epsilon)
    add('availabilityHigher', service.id, 'service', {
      before: before.availability.up,
      after: after.availability.up,
    });
  // A service the change leaves DOWN gains nothing: it lost its SPOFs only by being down already.
  return down(after) ? findings.filter((finding) => finding.direction === 'worse') : findings;
}

/** A dependency over its latency budget, now (failed '') or with one zone or site down. */
function overBudget(
  check: ServiceCheck,
): Map<string, {ms: number; budget: number; failed: string}> {
  const over = new Map<string, {ms: number; budget: number; failed: string}>();
  for (const l of check.latency ?? [])
    if (l.slow) over.set(`${l.dependency}\u0000`, {ms: l.ms!, budget: l.budgetMs!, failed: ''});
  for (const b of check.latencyBreaches ?? [])
    over.set(`${b.dependency}\u0000${b.failed}`, {ms: b.ms, budget: b.budgetMs, failed: b.failed});
  return over;
}

/** Latency budgets and recovery targets broken by the change, or kept again. */
function budgetFindings(
  id: string,
  before: ServiceCheck,
  after: ServiceCheck,
  add: (kind: FindingKind, component: string, componentKind: Kind, extra?: object) => unknown,
): void {
  const was = overBudget(before);
  const is = overBudget(after);
  const dependencyOf = (key: string) => key.slice(0, key.indexOf('\u0000'));
  const where = (failed: string) => (failed === '' ? {} : {failed});
  for (const [key, over] of is)
    if (!was.has(key))
      add('latencyOverBudget', dependencyOf(key), 'service', {
        after: over.ms,
        budget: over.budget,
        ...where(over.failed),
      });
  for (const [key, over] of was)
    if (!is.has(key))
      add('latencyWithinBudget', dependencyOf(key), 'service', {
        before: over.ms,
        budget: over.budget,
        ...where(over.failed),
      });
  const rtoBefore = before.rto;
  const rtoAfter = after.rto;
  if (rtoAfter && !rtoAfter.met && rtoBefore?.met !== false)
    add('rtoExceeded', id, 'service', {
      ...(rtoBefore ? {before: rtoBefore.recoversInS} : {}),
      after: rtoAfter.recoversInS,
      budget: rtoAfter.targetS,
    });
  if (rtoBefore && !rtoBefore.met && rtoAfter?.met === true)
    add('rtoMet', id, 'service', {
      before: rtoBefore.recoversInS,
      after: rtoAfter.recoversInS,
      budget: rtoAfter.targetS,
    });
}

type Section =
  'zones' | 'sites' | 'accounts' | 'vms' | 'loadBalancers' | 'gslbs' | 'services' | 'failureGroups';
const sections: readonly [Section, Kind][] = [
  ['zones', 'zone'],
  ['sites', 'site'],
  ['accounts', 'account'],
  ['vms', 'vm'],
  ['loadBalancers', 'lb'],
  ['gslbs', 'gslb'],
  ['services', 'service'],
  // A failure group is one failable unit: a finding about it names it a group.
  ['failureGroups', 'group'],
];
const settingKeys = ['name', 'unit', 'availability', 'probes', 'hooks'] as const;

export type Entry = {kind: Kind; fields: Record<string, unknown>};

function entriesOf(model: Model): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  for (const [section, kind] of sections)
    for (const entry of (model.topology[section] ?? []) as ReadonlyArray<{id: string}>)
      entries.set(entry.id, {kind, fields: entry as Record<string, unknown>});
  // Routers are implicit: they come and go with the VMs of an account in a zone.
  for (const router of model.routers)
    entries.set(router.id, {kind: 'router', fields: {id: router.id, redundant: router.redundant}});
  return entries;
}

/** Components by id: added, removed, and changed with the fields of their entry that differ. */
export function componentChanges(oldSide: SideAnalysis, newSide: SideAnalysis): ComponentChanges {
  const old = oldSide.entries;
  const now = newSide.entries;
  const changes: ComponentChanges = {added: [], removed: [], changed: [], settings: []};
  for (const [id, entry] of now) {
    const was = old.get(id);
    if (!was) changes.added.push({id, kind: entry.kind});
    else if (was.kind !== entry.kind)
      changes.changed.push({id, kind: entry.kind, fields: ['kind']});
    else if (!sameEntry(was.fields, entry.fields)) {
      const fields = changedFields(was.fields, entry.fields);
      if (fields.length > 0) changes.changed.push({id, kind: entry.kind, fields});
    }
  }
  for (const [id, entry] of old) if (!now.has(id)) changes.removed.push({id, kind: entry.kind});
  for (const key of settingKeys)
    if (!sameJson(oldSide.settings[key], newSide.settings[key])) changes.settings.push(key);
  return changes;
}

function changedFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((key) => !sameJson(a[key], b[key]));
}

/** Equality of two file entries without allocating: most fields are scalars, compared at once. */
function sameEntry(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  let count = 0;
  for (const key in a) {
    count++;
    const x = a[key];
    const y = b[key];
    if (x !== y && (typeof x !== 'object' || !sameJson(x, y))) return false;
  }
  for (const key in b) if (--count < 0 || !(key in a)) return false;
  return count === 0;
}

/** Structural equality of plain data (parsed files and reports), whatever the key order. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => sameJson(item, other[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  for (const key of keys) if (!sameJson(x[key], y[key])) return false;
  return true;
}
