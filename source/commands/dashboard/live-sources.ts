import type {LiveUpdate} from '../../core/live.js';
import type {Model} from '../../core/model.js';
import type {JournalRecord} from '../../core/journal.js';
import type {HookRunner} from '../../shared/types.js';
import {dirname, resolve} from 'node:path';
import {intervalSeconds} from '../shared/interval.js';
import {usageError} from '../shared/errors.js';
import type {Flags} from '../shared/invocation.js';

export interface LiveInputs {
  updates?: AsyncIterable<LiveUpdate>;
  onJournal?: (records: readonly JournalRecord[]) => void;
  runHook?: HookRunner;
}

/** --watch, --events, --cloudstack and --audit: the dashboard's live inputs and its journal. */
export async function liveSources(
  flags: Pick<
    Flags,
    | 'watch'
    | 'events'
    | 'audit'
    | 'probe'
    | 'prometheus'
    | 'promQuery'
    | 'alertmanager'
    | 'interval'
    | 'allowHooks'
    | 'cloudstack'
    | 'endpoint'
  >,
  file: string,
  model: Model,
  hasFile: boolean,
  signal: AbortSignal,
): Promise<LiveInputs> {
  const sources = [];
  let current = model;
  if (flags.watch) {
    if (!hasFile) usageError('--watch needs a FILE to watch');
    const {watchTopology} = await import('../../adapters/watch.js');
    sources.push(watchTopology(file, signal));
  }
  if (flags.events !== undefined) {
    const {followEvents} = await import('../../adapters/events.js');
    sources.push(followEvents(flags.events, () => current, signal));
  }
  if (flags.probe) {
    const {runProbes} = await import('../../adapters/probes.js');
    const {probeTargets} = await import('../../core/probes.js');
    // Every probe target is watched: up unless its round says down or unknown.
    sources.push(
      withWatched(
        runProbes(() => current, signal),
        () => probeTargets(current).map((target) => target.id),
      ),
    );
  }
  const intervalMs = intervalSeconds(flags) * 1000;
  if (flags.prometheus !== undefined) {
    const {pollPrometheus} = await import('../../adapters/prometheus.js');
    const token = process.env['FAILSIGHT_PROMETHEUS_TOKEN'];
    const options = {
      intervalMs,
      ...(flags.promQuery === undefined ? {} : {query: flags.promQuery}),
      ...(token === undefined ? {} : {token}),
    };
    const url = checkedUrl('--prometheus', flags.prometheus);
    sources.push(pollPrometheus(url, options, () => current, signal));
  }
  if (flags.alertmanager !== undefined) {
    const {pollAlertmanager} = await import('../../adapters/alertmanager.js');
    const url = checkedUrl('--alertmanager', flags.alertmanager);
    sources.push(pollAlertmanager(url, {intervalMs}, () => current, signal));
  }
  if (flags.cloudstack) {
    const {cloudStackSource} = await import('../cloudstack/cloudstack-live.js');
    sources.push(cloudStackSource(flags, () => current, signal));
  }
  const live: LiveInputs = {};
  if (sources.length > 0) {
    const {merge, tap} = await import('../../adapters/channel.js');
    const {redactUpdate} = await import('../../adapters/secrets.js');
    // The event stream names components of the newest good topology. Every text from a source
    // passes the one redaction before the screen or the journal sees it.
    live.updates = tap(merge(sources, signal), redactUpdate, (update) => {
      if (update.type === 'model') current = update.model;
    });
  }
  let journal: ReturnType<typeof import('../../adapters/audit.js').auditJournal> | undefined;
  if (flags.audit !== undefined) {
    const {auditJournal} = await import('../../adapters/audit.js');
    try {
      journal = auditJournal(flags.audit);
    } catch (error) {
      usageError(`--audit ${flags.audit}: cannot write the journal (${(error as Error).message})`);
    }
    const write = journal;
    live.onJournal = (records) => write.all(records);
  }
  if (flags.allowHooks) {
    const {hookRunner} = await import('./hook-runner.js');
    const {stopRunningHooks} = await import('../../adapters/hooks.js');
    live.runHook = hookRunner(dirname(resolve(file)), journal);
    // Quitting ends a running hook's process group at once, not at the hook's timeout.
    signal.addEventListener('abort', () => stopRunningHooks(), {once: true});
  }
  return live;
}

/** A source's snapshots, each with the components it watches added. */
async function* withWatched(
  source: AsyncIterable<LiveUpdate>,
  watched: () => Iterable<string>,
): AsyncIterable<LiveUpdate> {
  for await (const update of source)
    yield update.type === 'observed' ? {...update, watched: new Set(watched())} : update;
}

/**
 * The live flags' values, checked as the dashboard would check them: also when stdout is not a
 * terminal and the check report is printed instead, so that a bad value is refused either way.
 */
export function checkLiveFlags(
  flags: Pick<Flags, 'interval' | 'prometheus' | 'alertmanager'>,
): void {
  intervalSeconds(flags);
  if (flags.prometheus !== undefined) checkedUrl('--prometheus', flags.prometheus);
  if (flags.alertmanager !== undefined) checkedUrl('--alertmanager', flags.alertmanager);
}

/** An http(s) URL, or a usage error that does not echo credentials written into it. */
function checkedUrl(flag: string, text: string): string {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:')
    usageError(`${flag}: expected an http:// or https:// URL`);
  return text;
}
