import {snapshot, type Snapshot} from './analyze.js';
import type {AvailabilityEstimate, AvailabilityOptions} from './availability.js';
import type {Status} from './capacity.js';
import {cutSets} from './cut-sets.js';
import {groupPointsIn, groupUnits} from './failure-groups.js';
import {serviceAvailability} from './service-availability.js';
import {dependencyLatencies, latencyBreaches, speaksOfLatency} from './latency.js';
import {recoveryChecks} from './rto.js';
import type {Model, Service} from './model.js';
import type {CoreMessage} from './messages.js';
import {emptyState, type FailureState} from './state.js';
import {recommendWithGroups, strategyOf, type Strategy} from './strategy.js';
import {sweep, type Sweep, type Tolerance, type ToleranceKind} from './sweep.js';
import {failoverTimings} from './timing.js';

export interface ServiceCheck {
  id: string;
  strategy: Strategy;
  demand: number;
  served: number;
  status: Status;
  spof: string[];
  weak: string[];
  tolerance: Partial<Record<ToleranceKind, Tolerance>>;
  recommendation: CoreMessage;
  availability: AvailabilityEstimate;
  /** The components it would gain most from if they never failed, best first (at most 5). */
  improvement: Array<{id: string; up: number; upIfPerfect: number; gain: number}>;
  failover: {gslb: string; detectS: number; ttlS: number; totalS: number; capacityAfter: number}[];
  /** With an order of 2 or more: every minimal cut set up to that order, singles first. */
  cuts?: string[][];
  /** Cuts of two or more by their kinds ("zone+site"), every cut counted. */
  cutCounts?: Record<string, number>;
  /** Its dependencies' round trips now (ms: null when unknown), when the file speaks of latency. */
  latency?: Array<{dependency: string; ms: number | null; budgetMs?: number; slow: boolean}>;
  /** Dependencies over their budget once one zone or site has failed. */
  latencyBreaches?: Array<{failed: string; dependency: string; ms: number; budgetMs: number}>;
  /** Its recovery-time target against the failovers its GSLB makes. */
  rto?: {gslb: string; targetS: number; recoversInS: number; met: boolean; recovers: string[]};
}

export interface CheckReport {
  name: string;
  unit: string;
  /** The order of the cut sets asked for: 1 is the N-1 report alone. */
  order: number;
  services: ServiceCheck[];
}

export interface CheckOptions {
  includeGslb?: boolean;
  /** Minimal cut sets up to this many components (1, the default: the single points only). */
  order?: number;
  state?: FailureState;
  availabilityOf: (
    model: Model,
    serviceId: string,
    options: AvailabilityOptions,
  ) => AvailabilityEstimate;
  /** The snapshot and sweep when the caller holds them already (diff uses the sweep's zones too). */
  analysis?: {base: Snapshot; sweep: Sweep};
}

/** The N-1 report of docs/semantics.md for every service, from one snapshot and one sweep. */
export function checkReport(model: Model, options: CheckOptions): CheckReport {
  const includeGslb = options.includeGslb ?? false;
  const base: Snapshot = options.analysis?.base ?? snapshot(model, options.state ?? emptyState);
  const result = options.analysis?.sweep ?? sweep(model, base, {includeGslb});
  const order = options.order ?? 1;
  const extraUnits = groupUnits(model);
  const cuts = order > 1 ? cutSets(model, base, {order, includeGslb, extraUnits}) : undefined;
  const groups = groupPointsIn(model, base);
  const latencyToo = speaksOfLatency(model);
  const latencies = latencyToo ? dependencyLatencies(model, base) : [];
  const breaches = latencyToo ? latencyBreaches(model, base) : [];
  const recoveries = recoveryChecks(model, base);
  const services = model.services.map((service: Service): ServiceCheck => {
    const summary = result.services.get(service.id)!;
    const strategy = strategyOf(model, service);
    // A group fails as one component: its points come first, as the widest failure.
    const byGroups = groups.get(service.id)!;
    const answer = serviceAvailability(
      model,
      service.id,
      base,
      result,
      options.availabilityOf,
      includeGslb,
    );
    const check: ServiceCheck = {
      id: service.id,
      strategy,
      demand: service.demand,
      served: base.evaluation.served.get(service.id)!,
      status: base.status.get(service.id)!,
      spof: [...byGroups.spof, ...summary.spof],
      weak: [...byGroups.weak, ...summary.weak],
      tolerance: summary.tolerance,
      recommendation: recommendWithGroups(
        model,
        service,
        strategy,
        summary,
        (id) => result.services.get(id),
        byGroups.spof,
      ),
      availability: answer.availability,
      improvement: answer.improvement(),
      failover: failoverTimings(model, base, service).map(
        ({gslb, detectS, ttlS, totalS, capacityAfter}) => ({
          gslb,
          detectS,
          ttlS,
          totalS,
          capacityAfter,
        }),
      ),
    };
    if (latencyToo && service.dependsOn.length > 0) {
      check.latency = latencies
        .filter((l) => l.service === service.id)
        .map(({dependency, ms, budgetMs, slow}) => ({
          dependency,
          ms: ms ?? null,
          ...(budgetMs === undefined ? {} : {budgetMs}),
          slow,
        }));
      check.latencyBreaches = breaches
        .filter((b) => b.latency.service === service.id)
        .map(({failed, latency}) => ({
          failed,
          dependency: latency.dependency,
          ms: latency.ms!,
          budgetMs: latency.budgetMs!,
        }));
    }
    const recovery = recoveries.find((r) => r.service === service.id);
    if (recovery) {
      const {gslb, targetS, recoversInS, met, recovers} = recovery;
      check.rto = {gslb, targetS, recoversInS, met, recovers};
    }
    const found = cuts?.get(service.id);
    if (found) {
      check.cuts = found.cuts;
      check.cutCounts = Object.fromEntries(found.byKinds.map(({kinds, count}) => [kinds, count]));
    }
    return check;
  });
  return {name: model.name, unit: model.unit, order, services};
}

/**
 * 1 when any service has a single point of failure or is below its minimum now, or (with an
 * order of 2 or more) has a cut of more than one component: it does not survive that many; or
 * when a latency budget or a recovery-time target is broken now or under a single failure.
 */
export function checkExitCode(report: CheckReport): 0 | 1 {
  return report.services.some(
    (s) =>
      s.spof.length > 0 ||
      s.status === 'DOWN' ||
      (s.cuts ?? []).some((c) => c.length > 1) ||
      (s.latency ?? []).some((l) => l.slow) ||
      (s.latencyBreaches ?? []).length > 0 ||
      s.rto?.met === false,
  )
    ? 1
    : 0;
}
