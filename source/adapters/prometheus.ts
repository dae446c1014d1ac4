import {expectedWatch, type LiveUpdate} from '../core/live.js';
import type {Model} from '../core/model.js';
import {labelsOf, observeSeries, type Series} from '../core/monitoring.js';
import {endpointOf, getJson, pollSource} from './poll.js';

/**
 * The vector of an instant query's answer, and how many of its items were not series (skipped);
 * an answer that is not a vector is an error with what was wrong.
 */
export function seriesOf(answer: unknown): {series: Series[]; skipped: number} {
  const body = answer as {
    status?: string;
    error?: string;
    data?: {resultType?: string; result?: unknown};
  };
  if (body?.status !== 'success')
    throw new Error(`query failed: ${typeof body?.error === 'string' ? body.error : 'no status'}`);
  if (body.data?.resultType !== 'vector' || !Array.isArray(body.data.result))
    throw new Error(`the query must give an instant vector (got ${String(body.data?.resultType)})`);
  const result: unknown[] = body.data.result;
  const series = result.flatMap((item: unknown) => {
    const entry = item as {metric?: unknown; value?: unknown} | null;
    const labels = typeof entry === 'object' && entry !== null ? labelsOf(entry.metric) : undefined;
    if (labels === undefined || !Array.isArray(entry!.value) || entry!.value.length !== 2)
      return [];
    return [{labels, value: Number(entry!.value[1])}];
  });
  return {series, skipped: result.length - series.length};
}

/**
 * `--prometheus URL` (docs/live-sources.md), as source `prometheus`: every interval the instant query
 * (default `up`); a matched series at 0 is down, a series that disappears is unknown.
 */
export function pollPrometheus(
  url: string,
  options: {query?: string; intervalMs: number; token?: string},
  model: () => Model,
  signal: AbortSignal,
): AsyncIterable<LiveUpdate> {
  const endpoint = endpointOf(url, options.token);
  const query = options.query ?? 'up';
  let watched: ReadonlySet<string> = new Set();
  return pollSource(
    'prometheus',
    options.intervalMs,
    signal,
    async (stop) => {
      const answer = await getJson(
        endpoint,
        `api/v1/query?query=${encodeURIComponent(query)}`,
        Math.min(options.intervalMs, 10_000),
        stop,
      );
      const {series, skipped} = seriesOf(answer);
      const result = observeSeries(model(), series, query, watched);
      watched = result.watched;
      return {observed: result.observed, unknown: result.unknown, watched, skipped};
    },
    () => expectedWatch(model(), watched),
  );
}
