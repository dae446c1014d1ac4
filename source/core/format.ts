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
