import {availability} from '../core/availability.js';
import type {AvailabilityOf} from '../ui/types.js';

/** The `a` panel's figures: the core's estimate for the model on screen. */
export function availabilityOf(includeGslb: boolean): AvailabilityOf {
  return (serviceId, model) => availability(model, serviceId, {includeGslb});
}
