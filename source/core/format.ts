/** Numbers as every screen and report shows them: the dashboard and the CLI share these. */

/** Amounts as whole units where they are whole, else one decimal. */
export function amount(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** A probability as a percentage with four decimals (99.9500%), so columns of them align. */
export function percent(probability: number): string {
  return `${(probability * 100).toFixed(4)}%`;
}

/** Minutes of downtime: whole from 100 on, else one decimal. */
export function minutes(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

/** A recovery time as people say it: whole minutes from two on as "2 m", else seconds ("60 s"). */
export function duration(seconds: number): string {
  return seconds >= 120 && seconds % 60 === 0 ? `${seconds / 60} m` : `${amount(seconds)} s`;
}

/** A round trip in ms, or "unknown" where the file does not give the pair. */
export function roundTrip(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? 'unknown' : `${amount(ms)} ms`;
}

/**
 * A dependency's round trip after a change beside the one before: "+2 ms (5 ms)", "5 ms" when
 * it was unknown, or undefined when it is unknown now.
 */
export function latencyShift(beforeMs: number | undefined, afterMs: number | undefined) {
  if (afterMs === undefined) return undefined;
  if (beforeMs === undefined) return `${amount(afterMs)} ms`;
  const sign = afterMs >= beforeMs ? '+' : '\u2212';
  return `${sign}${amount(Math.abs(afterMs - beforeMs))} ms (${amount(afterMs)} ms)`;
}
