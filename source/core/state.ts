/**
 * What has happened to a topology: failures observed by live sources and failures
 * simulated by the operator, kept apart, and the failovers done.
 */
export interface FailureState {
  /** Observed down by a live source (probe, event, cloud API): id → reason. */
  readonly observed: ReadonlyMap<string, string>;
  /** Failed on purpose by the operator or a command line. */
  readonly simulated: ReadonlySet<string>;
  /** Standby VMs promoted to serve. */
  readonly promoted: ReadonlySet<string>;
  /** GSLB id → the target traffic was forced to by a manual failover. */
  readonly forced: ReadonlyMap<string, string>;
}

export const emptyState: FailureState = {
  observed: new Map(),
  simulated: new Set(),
  promoted: new Set(),
  forced: new Map(),
};

export function failedIds(state: FailureState): string[] {
  return [...new Set([...state.observed.keys(), ...state.simulated])];
}

export function withSimulated(state: FailureState, ids: Iterable<string>): FailureState {
  return {...state, simulated: new Set([...state.simulated, ...ids])};
}
