import {snapshot, type Snapshot} from '../../core/analyze.js';
import {availability} from '../../core/availability.js';
import type {Model} from '../../core/model.js';
import {serviceAvailability} from '../../core/service-availability.js';
import {sweepOf} from '../../core/single-points.js';
import {emptyState} from '../../core/state.js';
import type {AvailabilityOf} from '../../shared/types.js';

const nominal = new WeakMap<Model, Snapshot>();

/**
 * The `a` panel's figures: the core's estimate for the model on screen, with its failure groups
 * as `check` gives it, and what to improve first (asked only for the row under the cursor).
 */
export function availabilityOf(includeGslb: boolean): AvailabilityOf {
  return (serviceId, model) => {
    let base = nominal.get(model);
    if (!base) nominal.set(model, (base = snapshot(model, emptyState)));
    const sweep = sweepOf(model, base, includeGslb);
    const answer = serviceAvailability(model, serviceId, base, sweep, availability, includeGslb);
    return {...answer.availability, improvement: answer.improvement};
  };
}
