import type {LiveUpdate} from '../core/live.js';
import type {Model} from '../core/model.js';
import {alertsOf, observeAlerts} from '../core/monitoring.js';
import {endpointOf, getJson, pollSource} from './poll.js';

/**
 * `--alertmanager URL` (docs/live-sources.md), as source `alertmanager`: the active, unsilenced,
 * uninhibited alerts; a resolved alert leaves the list, which brings its component back up.
 */
export function pollAlertmanager(
  url: string,
  options: {intervalMs: number},
  model: () => Model,
  signal: AbortSignal,
): AsyncIterable<LiveUpdate> {
  const endpoint = endpointOf(url);
  return pollSource('alertmanager', options.intervalMs, signal, async (stop) => {
    const answer = await getJson(
      endpoint,
      'api/v2/alerts?active=true&silenced=false&inhibited=false&unprocessed=false',
      Math.min(options.intervalMs, 10_000),
      stop,
    );
    if (!Array.isArray(answer)) throw new Error('the answer is not a list of alerts');
    const {alerts, skipped} = alertsOf(answer);
    return {observed: observeAlerts(model(), alerts), skipped};
  });
}
