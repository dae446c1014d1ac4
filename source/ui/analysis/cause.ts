import {likelyCause, type Explanation, type LikelyCause} from '../../core/likely-cause.js';
import {liveObservations} from '../../core/live-observations.js';
import type {LiveSources} from '../../core/live.js';
import type {Model} from '../../core/model.js';

export type {LikelyCause};

/** One line of the cause pane: a smallest explanation, or a lead when none is a single failure. */
export interface CauseItem extends Explanation {
  type: 'explanation' | 'lead';
}

interface Asked {
  model: Model;
  sources: LiveSources;
  includeGslb: boolean;
  cause: LikelyCause;
  items: CauseItem[];
  /** How many components are observed down, up and unknown: counted from what was asked. */
  observed: Record<'down' | 'up' | 'unknown', number>;
}

let last: Asked | undefined;

/**
 * The core's likely cause of what the live sources observe now, asked once per observed state:
 * a key press keeps the same sources, so it does not search again.
 */
export function causeOf(state: {model: Model; sources: LiveSources; includeGslb: boolean}): Asked {
  const {model, sources, includeGslb} = state;
  if (last?.model === model && last.sources === sources && last.includeGslb === includeGslb)
    return last;
  const seen = liveObservations(sources);
  const cause = likelyCause(model, seen, {includeGslb});
  const observed = {down: 0, up: 0, unknown: 0};
  for (const state of seen.values()) observed[state]++;
  const items: CauseItem[] = [
    ...cause.explanations.map((e) => ({...e, type: 'explanation' as const})),
    ...cause.partial.map((e) => ({...e, type: 'lead' as const})),
  ];
  last = {model, sources, includeGslb, cause, items, observed};
  return last;
}

/** The likely cause's failures for the header, when live sources observe something down. */
export function likelyFailures(state: {
  model: Model;
  sources: LiveSources;
  includeGslb: boolean;
}): string[] | undefined {
  if (state.sources.observed.size === 0) return undefined;
  return causeOf(state).cause.explanations[0]?.failed;
}
