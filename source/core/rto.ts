import type {Snapshot} from './analyze.js';
import {statusOf, targetStateIn, type TargetState} from './capacity.js';
import type {Model} from './model.js';
import {gslbInFront, windowsBetween} from './timing.js';

/** A service's recovery-time target against the failovers its GSLB makes (docs/semantics.md, RTO). */
export interface RecoveryCheck {
  service: string;
  gslb: string;
  targetS: number;
  /** The failover time (detection + TTL) of the failures the GSLB recovers. */
  recoversInS: number;
  met: boolean;
  /** The targets whose loss the GSLB recovers: traffic moves and the service stays up. */
  recovers: string[];
}

/** A failover of `totalS` seconds against a target: met when it is done by then. */
export function meetsRto(totalS: number, targetS: number): boolean {
  return totalS <= targetS;
}

/** A service's target beside one failover of it (the countdown, a what-if): undefined without one. */
export function rtoBeside(
  model: Model,
  serviceId: string,
  totalS: number,
): {targetS: number; met: boolean} | undefined {
  const service = model.components.get(serviceId);
  if (service?.kind !== 'service' || service.rtoS === undefined) return undefined;
  return {targetS: service.rtoS, met: meetsRto(totalS, service.rtoS)};
}

/**
 * For each service with an `rto` and a GSLB in front: the single failures the GSLB recovers are
 * the losses of a target it sends traffic to after which traffic moves and the service is not
 * DOWN; each takes the GSLB's failover time, which the timing module computes (the one place).
 * A service whose GSLB recovers nothing has no failover to time and is left out.
 */
export function recoveryChecks(model: Model, base: Snapshot): RecoveryCheck[] {
  const checks: RecoveryCheck[] = [];
  const now = targetStateIn(base);
  for (const service of model.services) {
    if (service.rtoS === undefined) continue;
    const gslb = gslbInFront(model, service);
    if (!gslb || base.down.has(gslb.id)) continue;
    const recovers: string[] = [];
    let slowest = 0;
    for (const {ref} of gslb.targets) {
      if (base.down.has(ref)) continue;
      const lost = (id: string): TargetState => (id === ref ? {capacity: 0, up: false} : now(id));
      const window = windowsBetween(
        model,
        [gslb.id],
        {targets: now, forced: base.state.forced},
        {targets: lost, forced: base.state.forced, isDown: (id) => id === ref || base.down.has(id)},
        false,
      ).find((w) => w.service === service.id);
      if (!window?.moves || statusOf(service, window.servedAfter) === 'DOWN') continue;
      recovers.push(ref);
      slowest = Math.max(slowest, window.totalS);
    }
    if (recovers.length === 0) continue;
    checks.push({
      service: service.id,
      gslb: gslb.id,
      targetS: service.rtoS,
      recoversInS: slowest,
      met: meetsRto(slowest, service.rtoS),
      recovers,
    });
  }
  return checks;
}
