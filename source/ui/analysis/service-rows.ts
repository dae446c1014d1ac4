import type {ServiceChange} from '../../core/analyze.js';
import type {Status} from '../../core/capacity.js';
import type {Snapshot} from '../../core/analyze.js';
import type {Model} from '../../core/model.js';

/** One line of the services table: served before → after, and the status after. */
export interface ServiceRow {
  id: string;
  demand: number;
  before: number;
  after: number;
  status: Status;
  changed: boolean;
  /** Over a latency budget (the core's answer): marked SLOW beside its status. */
  slow?: boolean;
}

const noneSlow: ReadonlySet<string> = new Set();

/** Changed services first, each group in the topology's order. */
export function ordered(rows: ServiceRow[]): ServiceRow[] {
  return [...rows.filter((row) => row.changed), ...rows.filter((row) => !row.changed)];
}

/** The core's service changes as table rows, changed first, with the status after (or now). */
export function rowsOfChanges(
  services: readonly ServiceChange[],
  status: 'after' | 'now' = 'after',
  slow: ReadonlySet<string> = noneSlow,
): ServiceRow[] {
  return ordered(
    services.map((s) => ({
      id: s.id,
      demand: s.demand,
      before: s.before,
      after: s.after,
      status: status === 'now' ? s.statusBefore : s.status,
      changed: s.after !== s.before || s.status !== s.statusBefore,
      ...(slow.has(s.id) ? {slow: true} : {}),
    })),
  );
}

/** Every service as it stands in a snapshot (nothing changes: before and after are now). */
export function rowsNow(
  model: Model,
  now: Snapshot,
  slow: ReadonlySet<string> = noneSlow,
): ServiceRow[] {
  return model.services.map((service) => {
    const served = now.evaluation.served.get(service.id)!;
    return {
      id: service.id,
      demand: service.demand,
      before: served,
      after: served,
      status: now.status.get(service.id)!,
      changed: false,
      ...(slow.has(service.id) ? {slow: true} : {}),
    };
  });
}
