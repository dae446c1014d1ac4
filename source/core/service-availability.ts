import type {Snapshot} from './analyze.js';
import type {AvailabilityEstimate, AvailabilityOptions} from './availability.js';
import {groupPointsIn, withGroups} from './failure-groups.js';
import {improvementPotential, type Improvement} from './improvement.js';
import type {Model} from './model.js';
import type {Sweep} from './sweep.js';

type Estimate = (
  model: Model,
  serviceId: string,
  options: AvailabilityOptions,
) => AvailabilityEstimate;

/** A service's availability with its failure groups, and what to improve first (lazy). */
export interface ServiceAvailability {
  availability: AvailabilityEstimate;
  /** The components it would gain most from if they never failed, best first (at most 5). */
  improvement: () => Improvement[];
}

/**
 * One service's estimate as `check` and the availability panel give it: the estimator's figure
 * with the groups' own failures (`withGroups`), and its improvement potential over its single
 * and weak points, groups first (as the widest failures).
 */
export function serviceAvailability(
  model: Model,
  serviceId: string,
  base: Snapshot,
  sweep: Sweep,
  estimate: Estimate,
  includeGslb: boolean,
): ServiceAvailability {
  const summary = sweep.services.get(serviceId)!;
  const byGroups = groupPointsIn(model, base).get(serviceId) ?? {spof: [], weak: []};
  const own = estimate(model, serviceId, {includeGslb});
  const given = (options: AvailabilityOptions) => ({
    serviceId,
    given: (failed: ReadonlySet<string>) => estimate(model, serviceId, {...options, failed}),
  });
  const availability = withGroups(own, model, byGroups, given({includeGslb}));
  let ranked: Improvement[] | undefined;
  const improvement = () =>
    (ranked ??= improvementPotential(
      model,
      serviceId,
      [...byGroups.spof, ...summary.spof, ...byGroups.weak, ...summary.weak],
      availability,
      (m, id, o) => withGroups(estimate(m, id, o), model, byGroups, given(o)),
      {
        includeGslb,
        // A group made perfect: its own failure gone, its members' as they were.
        groupGain: (id) =>
          model.failureGroups.some((g) => g.id === id)
            ? withGroups(
                own,
                model,
                {
                  spof: byGroups.spof.filter((g) => g !== id),
                  weak: byGroups.weak.filter((g) => g !== id),
                },
                given({includeGslb}),
              ).up
            : undefined,
      },
    ).slice(0, 5));
  return {availability, improvement};
}
