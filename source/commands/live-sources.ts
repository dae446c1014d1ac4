import type {LiveUpdate} from '../core/live.js';
import type {Model} from '../core/model.js';
import type {AuditAction} from '../ui/types.js';
import {usageError} from './errors.js';
import type {Flags} from './invocation.js';

export interface LiveSources {
  updates?: AsyncIterable<LiveUpdate>;
  onAction?: (action: AuditAction) => void;
}

/** --watch, --events, --cloudstack and --audit: the dashboard's live inputs and its journal. */
export async function liveSources(
  flags: Pick<Flags, 'watch' | 'events' | 'audit' | 'cloudstack' | 'interval' | 'endpoint'>,
  file: string,
  model: Model,
  hasFile: boolean,
  signal: AbortSignal,
): Promise<LiveSources> {
  const sources = [];
  let current = model;
  if (flags.watch) {
    if (!hasFile) usageError('--watch needs a FILE to watch');
    const {watchTopology} = await import('../adapters/watch.js');
    sources.push(watchTopology(file, signal));
  }
  if (flags.events !== undefined) {
    const {followEvents} = await import('../adapters/events.js');
    sources.push(followEvents(flags.events, () => current, signal));
  }
  if (flags.cloudstack) {
    const {cloudStackSource} = await import('./cloudstack-live.js');
    sources.push(cloudStackSource(flags, () => current, signal));
  }
  const live: LiveSources = {};
  if (sources.length > 0) {
    const {merge, tap} = await import('../adapters/channel.js');
    // The event stream names components of the newest good topology.
    live.updates = tap(merge(sources, signal), (update) => {
      if (update.type === 'model') current = update.model;
    });
  }
  if (flags.audit !== undefined) {
    const {auditJournal} = await import('../adapters/audit.js');
    let journal: ReturnType<typeof auditJournal>;
    try {
      journal = auditJournal(flags.audit);
    } catch (error) {
      usageError(`--audit ${flags.audit}: cannot write the journal (${(error as Error).message})`);
    }
    live.onAction = (action) => journal({...action});
  }
  return live;
}
