import type {AvailabilityEstimate, AvailabilityOptions} from './availability.js';
import type {Model} from './model.js';

/** What making one component perfect (never failing) would do for a service (docs/semantics.md). */
export interface Improvement {
  id: string;
  /** P(not DOWN) now and with the component made perfect. */
  up: number;
  upIfPerfect: number;
  /** upIfPerfect − up. */
  gain: number;
}

type Estimate = (
  model: Model,
  serviceId: string,
  options: AvailabilityOptions,
) => AvailabilityEstimate;

/** Estimates per service at most: each is a full estimate of the service. */
const maxCandidates = 24;

/** Changes smaller than this are rounding of the estimate, not a gain (docs/semantics.md). */
const noise = 1e-11;

/**
 * The components a service would gain most from, best first: its availability if each never
 * failed, minus its availability now. The candidates are the components whose failure alone
 * lowers what it serves (its single and weak points, groups included): any other matters only
 * together with a second failure, a gain of the order of two failure probabilities multiplied.
 * A group is made perfect as its own failure only (its members still fail on their own). At
 * most the first `maxCandidates` are estimated, in the order given.
 */
export function improvementPotential(
  model: Model,
  serviceId: string,
  candidates: readonly string[],
  now: AvailabilityEstimate,
  estimate: Estimate,
  options: AvailabilityOptions & {groupGain?: (id: string) => number | undefined} = {},
): Improvement[] {
  const ranked: Improvement[] = [];
  // Single points first, then weak points, widest first: a long list of weak VMs is cut short.
  for (const id of [...new Set(candidates)].slice(0, maxCandidates)) {
    const grouped = options.groupGain?.(id);
    let upIfPerfect: number;
    if (grouped !== undefined) upIfPerfect = grouped;
    else if (model.components.has(id))
      upIfPerfect = estimate(model, serviceId, {...options, perfect: new Set([id])}).up;
    else continue;
    const gain = upIfPerfect - now.up;
    if (gain > noise) ranked.push({id, up: now.up, upIfPerfect, gain});
  }
  return ranked.sort((a, b) => b.gain - a.gain);
}
