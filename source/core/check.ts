import {snapshot, type Snapshot} from './analyze.js';
import type {AvailabilityEstimate} from './availability.js';
import type {Status} from './capacity.js';
import type {Model, Service} from './model.js';
import type {CoreMessage} from './messages.js';
import {emptyState, type FailureState} from './state.js';
import {recommend, strategyOf, type Strategy} from './strategy.js';
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
  failover: {gslb: string; detectS: number; ttlS: number; totalS: number; capacityAfter: number}[];
}

export interface CheckReport {
  name: string;
  unit: string;
  services: ServiceCheck[];
}

export interface CheckOptions {
  includeGslb?: boolean;
  state?: FailureState;
  availabilityOf: (
    model: Model,
    serviceId: string,
    options: {includeGslb: boolean},
  ) => AvailabilityEstimate;
  /** The snapshot and sweep when the caller holds them already (diff uses the sweep's zones too). */
  analysis?: {base: Snapshot; sweep: Sweep};
}

/** The N-1 report of DESIGN §3 and §5 for every service, from one snapshot and one sweep. */
export function checkReport(model: Model, options: CheckOptions): CheckReport {
  const includeGslb = options.includeGslb ?? false;
  const base: Snapshot = options.analysis?.base ?? snapshot(model, options.state ?? emptyState);
  const result = options.analysis?.sweep ?? sweep(model, base, {includeGslb});
  const services = model.services.map((service: Service): ServiceCheck => {
    const summary = result.services.get(service.id)!;
    const strategy = strategyOf(model, service);
    return {
      id: service.id,
      strategy,
      demand: service.demand,
      served: base.evaluation.served.get(service.id)!,
      status: base.status.get(service.id)!,
      spof: summary.spof,
      weak: summary.weak,
      tolerance: summary.tolerance,
      recommendation: recommend(model, service, strategy, summary, (id) => result.services.get(id)),
      availability: options.availabilityOf(model, service.id, {includeGslb}),
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
  });
  return {name: model.name, unit: model.unit, services};
}

/** 1 when any service has a single point of failure or is below its minimum now. */
export function checkExitCode(report: CheckReport): 0 | 1 {
  return report.services.some((s) => s.spof.length > 0 || s.status === 'DOWN') ? 1 : 0;
}
