import type {LiveUpdate} from '../core/live.js';
import type {Model} from '../core/model.js';
import {observeSeries, type Series} from '../core/monitoring.js';
import {endpointOf, getJson, pollSource} from './poll.js';

/** The vector of an instant query's answer; anything else is an error with what was wrong. */
export function seriesOf(answer: unknown): Series[] {
  const body = answer as {
    status?: string;
    error?: string;
    data?: {resultType?: string; result?: unknown};
  };
  if (body?.status !== 'success')
    throw new Error(`query failed: ${typeof body?.error === 'string' ? body.error : 'no status'}`);
  if (body.data?.resultType !== 'vector' || !Array.isArray(body.data.result))
    throw new Error(`the query must give an instant vector (got ${String(body.data?.resultType)})`);
  return body.data.result.flatMap((item: unknown) => {
    const entry = item as {metric?: Record<string, string>; value?: [number, string]};
    if (typeof entry?.metric !== 'object' || !Array.isArray(entry.value)) return [];
    return [{labels: entry.metric, value: Number(entry.value[1])}];
  });
}

/**
 * `--prometheus URL` (DESIGN §6), as source `prometheus`: every interval the instant query
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
  return pollSource('prometheus', options.intervalMs, signal, async (stop) => {
    const answer = await getJson(
      endpoint,
      `api/v1/query?query=${encodeURIComponent(query)}`,
      Math.min(options.intervalMs, 10_000),
      stop,
    );
    const result = observeSeries(model(), seriesOf(answer), query, watched);
    watched = result.watched;
    return {observed: result.observed, unknown: result.unknown, watched: result.watched};
  });
}
