export interface Row {
  name: string;
  value: string;
  /** The target as the issue states it, e.g. "≤ 5×". */
  target?: string;
  /** Whether the target is met; absent for figures without one. */
  met?: boolean;
  note?: string;
}

/** Median wall time of `runs` calls, in milliseconds. */
export function timeMs(run: () => unknown, runs = 3): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'n/a');
export const ratio = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');
export const mb = (value: number) => (Number.isFinite(value) ? `${value.toFixed(0)} MB` : 'n/a');
export const kb = (bytes: number) =>
  Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(2)} KB` : 'n/a';

/** A row measured against an upper bound: met when the value is finite and at most the bound. */
export function atMost(
  name: string,
  value: number,
  bound: number,
  format: (value: number) => string,
  note?: string,
): Row {
  const target = `≤ ${format(bound).replace(/\.0+(?= |×|$)/, '')}`;
  return {
    name,
    value: format(value),
    target,
    met: Number.isFinite(value) && value <= bound,
    ...(note ? {note} : {}),
  };
}

/** Bench settings from the command line: `--quick` runs fewer rounds and fewer keys. */
export interface BenchOptions {
  quick: boolean;
  /** Rounds of every side-by-side comparison; the median is taken. */
  rounds: number;
}
