import type {LiveUpdate} from '../../core/live.js';
import type {Model} from '../../core/model.js';
import {intervalSeconds} from '../shared/interval.js';
import {followCloudStack} from '../../adapters/cloudstack/poll.js';
import {usageError} from '../shared/errors.js';
import {redact} from '../../adapters/secrets.js';
import {cloudClient, importedModel} from './import.js';
import type {Flags} from '../shared/invocation.js';
import type {OpenTopology} from '../shared/open-topology.js';

/** --cloudstack: the cloud's VMs, routers and zones, polled every --interval. */
export function cloudStackSource(
  flags: Pick<Flags, 'interval' | 'endpoint'>,
  model: () => Model,
  signal: AbortSignal,
): AsyncIterable<LiveUpdate> {
  const interval = intervalSeconds(flags);
  try {
    const client = cloudClient(process.env, flags.endpoint, {
      // A poll gives up before the next is due, and retries once.
      timeoutMs: Math.min(20_000, interval * 1000),
      retries: 1,
      signal,
    });
    return followCloudStack(client, model, interval, signal);
  } catch (error) {
    usageError(`--cloudstack: ${(error as Error).message}`);
  }
}

/** --cloudstack without a FILE: the dashboard opens on an import held in memory. */
export async function importForDashboard(
  flags: Pick<Flags, 'endpoint' | 'zone' | 'kt' | 'interval'>,
): Promise<OpenTopology> {
  intervalSeconds(flags);
  const imported = await importedModel({
    endpoint: flags.endpoint,
    zones: (flags.zone ?? []).flatMap((zone) => zone.split(',')).filter(Boolean),
    kt: flags.kt,
    env: process.env,
  });
  if (!imported.ok) {
    process.stderr.write(`failsight: --cloudstack: ${redact(imported.message)}\n`);
    process.exit(2);
  }
  return {model: imported.model, file: imported.source, warnings: []};
}
