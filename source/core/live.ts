import type {Model} from './model.js';
import {printable} from './printable.js';
import {compareIds} from './order.js';
import {failableIds} from './propagate.js';

/**
 * A full snapshot of what one source observes; it replaces that source's previous snapshot.
 * `observed` maps component id → reason it is down; `unknown` lists components the source
 * watches but cannot see now (a series that vanished): shown as unknown, never as up.
 */
export interface ObservedUpdate {
  type: 'observed';
  source: string;
  observed: ReadonlyMap<string, string>;
  unknown?: ReadonlySet<string>;
  /** Every component this answer speaks of, up ones included (a poll's full view). */
  watched?: ReadonlySet<string>;
  /** How often the source answers: its data turns stale after `staleIntervals` of them. */
  intervalMs?: number;
  at: number;
}

/** A poll that failed or a stream that was lost: shown with the last good time, the state kept. */
export interface SourceErrorUpdate {
  type: 'sourceError';
  source: string;
  message: string;
  /** What the source would see had it answered: unknown until its first good answer. */
  expected?: ReadonlySet<string>;
  intervalMs?: number;
  at: number;
}

/** A line of a stream that is not an event: counted and shown, never fatal. */
export interface BadLineUpdate {
  type: 'badLine';
  source: string;
  message: string;
  count: number;
  at: number;
}

/** A source that recovered or changed how it reads (a rotated file followed again). */
export interface SourceNoticeUpdate {
  type: 'sourceNotice';
  source: string;
  message: string;
  at: number;
}

export type SourceUpdate = ObservedUpdate | SourceErrorUpdate | BadLineUpdate | SourceNoticeUpdate;

/** What a live source tells the dashboard: a new topology, a source's news, or a problem. */
export type LiveUpdate =
  {type: 'model'; model: Model} | SourceUpdate | {type: 'error'; message: string};

export interface SourceStatus {
  name: string;
  /** When the last good data arrived (a snapshot), if ever. */
  lastGood?: number;
  /** The last failure, cleared by the next good snapshot. */
  error?: {message: string; at: number};
  badLines: number;
  observed: ReadonlyMap<string, string>;
  unknown: ReadonlySet<string>;
  /** Every component the source has spoken of (down, unknown or up): what it watches. */
  watched?: ReadonlySet<string>;
  /** Before a first good answer, what it would watch: shown unknown, never vouched up. */
  expected?: ReadonlySet<string>;
  /** How often it answers, when it polls; a stream that only speaks on change has none. */
  intervalMs?: number;
}

/** One arrival in the live-events pane: a component going down, coming up or turning unknown. */
export interface LiveEntry {
  id: string;
  state: 'down' | 'up' | 'unknown';
  at: number;
  /** Why it is down (every source's reason), or for an `up`, when it went down. */
  reason?: string;
  /** The same reason, one "source: reason" per source that says it is down. */
  reasons?: readonly string[];
  downSince?: number;
}

export interface LiveSources {
  sources: ReadonlyMap<string, SourceStatus>;
  /** Merged over every source: down wins, each reason listed. */
  observed: ReadonlyMap<string, string>;
  /** Seen by no source as down and by some source as unknown. */
  unknown: ReadonlySet<string>;
  /** Component id → when it was first observed down (for "down since 14:02, 6 min"). */
  downSince: ReadonlyMap<string, number>;
  /** Newest first, bounded. */
  history: readonly LiveEntry[];
  /** The time the sources' freshness is judged at: the last update or the dashboard's tick. */
  now?: number;
}

export const historyLimit = 200;

export const noLiveSources: LiveSources = {
  sources: new Map(),
  observed: new Map(),
  unknown: new Set(),
  downSince: new Map(),
  history: [],
};

/**
 * Observed state across sources, per component: down when any source says down, with every
 * source's reason; unknown when some source cannot see it and none says down.
 */
export function mergeObserved(sources: Iterable<SourceStatus>): {
  observed: Map<string, string>;
  unknown: Set<string>;
  /** Component id → "source: reason" of each source that says it is down. */
  reasons: Map<string, string[]>;
} {
  const reasons = new Map<string, string[]>();
  const unknown = new Set<string>();
  for (const source of sources) {
    for (const [id, reason] of source.observed) {
      const list = reasons.get(id) ?? [];
      list.push(`${source.name}: ${reason}`);
      reasons.set(id, list);
    }
    for (const id of source.unknown) unknown.add(id);
  }
  const observed = new Map<string, string>();
  for (const [id, list] of reasons) {
    observed.set(id, list.join('; '));
    unknown.delete(id);
  }
  return {observed, unknown, reasons};
}

function statusOf(live: LiveSources, name: string): SourceStatus {
  return live.sources.get(name) ?? {name, badLines: 0, observed: new Map(), unknown: new Set()};
}

/**
 * Text from files, events and APIs as the screen may show it: control characters escaped (the
 * core's one rule for that), and cut so that one reason cannot fill the screen.
 */
export function shown(text: string, limit = 300): string {
  const clean = printable(text);
  return clean.length > limit ? `${clean.slice(0, limit - 1)}…` : clean;
}

/**
 * A reason is read whole in the events pane's detail, so it is cut only far beyond what a
 * monitoring system writes (an alert's summary and description): a bound against a stream gone
 * wrong, not a display width.
 */
export const reasonLimit = 4000;

function printableUpdate(update: SourceUpdate): SourceUpdate {
  // An error is kept whole (the sources pane wraps it); a line of a stream is cut.
  if (update.type === 'sourceError') return {...update, message: shown(update.message, errorLimit)};
  if (update.type !== 'observed') return {...update, message: shown(update.message)};
  const observed = new Map<string, string>();
  for (const [id, reason] of update.observed) observed.set(id, shown(reason, reasonLimit));
  return {...update, observed};
}

/** A source's error is kept up to this long: whole, for any error an API writes. */
export const errorLimit = 4000;

/** The live sources after one update; errors and bad lines never clear what was observed. */
export function applySourceUpdate(live: LiveSources, raw: SourceUpdate): LiveSources {
  const update = printableUpdate(raw);
  const before = statusOf(live, update.source);
  const sources = new Map(live.sources);
  const now = Math.max(live.now ?? update.at, update.at);
  if (update.type === 'sourceError') {
    sources.set(update.source, {
      ...before,
      ...intervalOf(update),
      ...(update.expected ? {expected: update.expected} : {}),
      error: {message: update.message, at: update.at},
    });
    return {...live, sources, now};
  }
  if (update.type === 'badLine') {
    sources.set(update.source, {...before, badLines: update.count});
    return {...live, sources, now};
  }
  if (update.type === 'sourceNotice') return live;
  const {error: _cleared, expected: _answered, ...rest} = before;
  const unknown = update.unknown ?? new Set<string>();
  sources.set(update.source, {
    ...rest,
    ...intervalOf(update),
    ...watchedAfter(before, [...(update.watched ?? []), ...update.observed.keys(), ...unknown]),
    lastGood: update.at,
    observed: update.observed,
    unknown,
  });
  return {...withMerged(live, sources, update.at), now};
}

function intervalOf(update: {intervalMs?: number}): {intervalMs?: number} {
  return update.intervalMs === undefined ? {} : {intervalMs: update.intervalMs};
}

/** What a source watches grows with what it speaks of: a component it saw once stays its own. */
function watchedAfter(
  before: SourceStatus,
  ids: Iterable<string>,
): {watched?: ReadonlySet<string>} {
  const watched = new Set(before.watched);
  const size = watched.size;
  for (const id of ids) watched.add(id);
  return {watched: before.watched && watched.size === size ? before.watched : watched};
}

/** The sources as they stand at `now`: a tick of the dashboard's clock, nothing else changed. */
export function liveAt(live: LiveSources, now: number): LiveSources {
  return live.now === now ? live : {...live, now};
}

/** The merged view after a source's snapshot changed, with what arrived added to the history. */
function withMerged(
  live: LiveSources,
  sources: ReadonlyMap<string, SourceStatus>,
  at: number,
): LiveSources {
  const {observed, unknown, reasons} = mergeObserved(sources.values());
  const downSince = new Map<string, number>();
  const arrived: LiveEntry[] = [];
  /** Down before and still down, for another reason: its line is updated, not repeated. */
  const reasoned = new Map<string, LiveEntry>();
  for (const [id, reason] of observed) {
    const since = live.downSince.get(id);
    downSince.set(id, since ?? at);
    const entry: LiveEntry = {
      id,
      state: 'down',
      at: since ?? at,
      reason,
      reasons: reasons.get(id)!,
    };
    if (since === undefined) arrived.push(entry);
    else if (live.observed.get(id) !== reason) reasoned.set(id, entry);
  }
  for (const [id, since] of live.downSince)
    if (!observed.has(id))
      arrived.push(
        unknown.has(id)
          ? {id, state: 'unknown', at, downSince: since}
          : {id, state: 'up', at, downSince: since},
      );
  for (const id of unknown)
    if (!live.unknown.has(id) && !live.downSince.has(id)) arrived.push({id, state: 'unknown', at});
  arrived.sort((a, b) => compareIds(a.id, b.id));
  const kept =
    reasoned.size === 0
      ? live.history
      : live.history.map((entry) => {
          const update = entry.state === 'down' ? reasoned.get(entry.id) : undefined;
          return update && update.at === entry.at ? update : entry;
        });
  const history = arrived.length === 0 ? kept : [...arrived, ...kept].slice(0, historyLimit);
  return {...live, sources, observed, unknown, downSince, history};
}

export interface EventLine {
  id: string;
  state: 'down' | 'up';
  at?: string;
  reason?: string;
}

/** One line of an events stream (docs/live-sources.md); undefined with a reason when it is not one. */
export function parseEventLine(
  line: string,
): {ok: true; event: EventLine} | {ok: false; reason: string} {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return {ok: false, reason: 'not JSON'};
  }
  if (typeof value !== 'object' || value === null) return {ok: false, reason: 'not an object'};
  const record = value as Record<string, unknown>;
  if (typeof record['id'] !== 'string' || record['id'] === '')
    return {ok: false, reason: 'no "id"'};
  if (record['state'] !== 'down' && record['state'] !== 'up')
    return {ok: false, reason: '"state" is neither "down" nor "up"'};
  const event: EventLine = {id: record['id'], state: record['state']};
  if (typeof record['at'] === 'string') event.at = record['at'];
  // A reason is shown as it came, escaped: it is the stream's text, not the dashboard's.
  if (typeof record['reason'] === 'string') event.reason = printable(record['reason']);
  return {ok: true, event};
}

/**
 * What a source that names components by a label of its own (Prometheus' `failsight_id`) is
 * taken to watch when it fails: what it has spoken of, or before any answer, every failable
 * component, since any of them may be one its series names. Shown unknown, never vouched up.
 */
export function expectedWatch(model: Model, watched: ReadonlySet<string>): ReadonlySet<string> {
  return watched.size > 0 ? watched : failableIds(model);
}
