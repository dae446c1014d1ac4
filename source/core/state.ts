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
  /**
   * When each event of the state began (ms), by event key (see `eventKeys`): failover windows
   * are derived from it. Only keys of events still in force are kept.
   */
  readonly since?: ReadonlyMap<string, number>;
}

export const emptyState: FailureState = {
  observed: new Map(),
  simulated: new Set(),
  promoted: new Set(),
  forced: new Map(),
};

/**
 * Nothing has happened: no failure observed or simulated, no promotion, no forced target. Its
 * snapshot is the nominal one but for the (as empty) state it carries, which a property test
 * holds, so it need not be computed again: after a flood of events has come and gone, the
 * dashboard is back on the nominal snapshot.
 */
export function nothingHappened(state: FailureState): boolean {
  return (
    state.observed.size === 0 &&
    state.simulated.size === 0 &&
    state.promoted.size === 0 &&
    state.forced.size === 0
  );
}

export function failedIds(state: FailureState): string[] {
  return [...new Set([...state.observed.keys(), ...state.simulated])];
}

export function withSimulated(state: FailureState, ids: Iterable<string>): FailureState {
  return {...state, simulated: new Set([...state.simulated, ...ids])};
}

/** One event in force: a live or simulated failure, a promotion or a forced GSLB target. */
export type EventKey =
  `live:${string}` | `sim:${string}` | `promoted:${string}` | `forced:${string}`;

export function eventKeys(state: FailureState): EventKey[] {
  return [
    ...[...state.observed.keys()].map((id): EventKey => `live:${id}`),
    ...[...state.simulated].map((id): EventKey => `sim:${id}`),
    ...[...state.promoted].map((id): EventKey => `promoted:${id}`),
    ...[...state.forced.keys()].map((id): EventKey => `forced:${id}`),
  ];
}

/** The state without one event, as it was just before that event began. */
export function withoutEvent(state: FailureState, key: EventKey): FailureState {
  const at = key.indexOf(':');
  const kind = key.slice(0, at);
  const id = key.slice(at + 1);
  const drop = <T>(set: ReadonlySet<T>) => new Set([...set].filter((x) => x !== id));
  const dropKey = <V>(map: ReadonlyMap<string, V>) => new Map([...map].filter(([k]) => k !== id));
  switch (kind) {
    case 'live':
      return {...state, observed: dropKey(state.observed)};
    case 'sim':
      return {...state, simulated: drop(state.simulated)};
    case 'promoted':
      return {...state, promoted: drop(state.promoted)};
    default:
      return {...state, forced: dropKey(state.forced)};
  }
}

/**
 * `next` with the start time of each of its events: kept from `previous` when the event was
 * already in force there, else `at`. Events that ended are dropped with their time.
 */
export function stamped(previous: FailureState, next: FailureState, at: number): FailureState {
  const since = new Map<string, number>();
  for (const key of eventKeys(next)) since.set(key, previous.since?.get(key) ?? at);
  return {...next, since};
}

/**
 * How a failure came about: simulated by the operator, or observed by a live source. A root
 * both simulated and observed is simulated: restoring it is the operator's to do.
 */
export function howDown(state: FailureState, root: string): 'sim' | 'live' {
  return state.simulated.has(root) ? 'sim' : 'live';
}
