import {nextFreshnessChange} from '../../core/freshness.js';
import {
  applySourceUpdate,
  errorLimit,
  liveAt,
  shown as printable,
  type SourceUpdate,
} from '../../core/live.js';
import {announcement} from '../../core/announce.js';
import {announcedRecord, observedRecord, type JournalRecord} from '../../core/journal.js';
import {observedChanges} from '../../core/live-changes.js';
import {analyze} from '../analysis/analysis.js';
import type {Model} from '../../core/model.js';
import {stamped} from '../../core/state.js';
import {treeOf} from '../tree/trees.js';
import {pruneFailure} from './failures.js';
import {cursorOf, reveal, rowFor, selectedNode, settle} from './navigation.js';
import type {DashboardState} from './types.js';

/**
 * A reloaded topology replaces the model; the selection (by row, else by component), folds,
 * filter and simulated failures of components that still exist are kept.
 */
export function liveModel(state: DashboardState, model: Model): DashboardState {
  const before = selectedNode(state);
  const index = cursorOf(state);
  const has = (id: string) => model.components.has(id);
  const next: DashboardState = {
    ...state,
    model,
    failure: pruneFailure(state.failure, has),
    undo: state.undo.map((entry) => ({...entry, failure: pruneFailure(entry.failure, has)})),
    notice: {id: 'msg.reloaded', tone: 'info', params: {components: model.components.size}},
  };
  if (state.selected !== undefined && treeOf(model, state.view).nodeByKey(state.selected))
    return settle(next, index);
  const same = before ? rowFor(next, state.view, before.id) : undefined;
  if (same) return reveal(next, same);
  return settle({...next, selected: undefined}, index);
}

export function liveObserved(
  state: DashboardState,
  observed: ReadonlyMap<string, string>,
  at: number,
): DashboardState {
  return {...state, failure: stamped(state.failure, {...state.failure, observed}, at)};
}

/** One source's news: its snapshot is merged with the others'; an error keeps what was observed. */
export function liveSource(
  state: DashboardState,
  update: SourceUpdate,
  at: number,
): DashboardState {
  const applied = applySourceUpdate(state.sources, update);
  const live = liveAt(applied, Math.max(applied.now ?? at, at));
  const next: DashboardState =
    live.observed === state.sources.observed
      ? {...state, sources: live}
      : {
          ...state,
          sources: live,
          failure: stamped(state.failure, {...state.failure, observed: live.observed}, at),
        };
  if (update.type === 'observed') return announced(state, next);
  // An outage's announcement stays until the next change of health or a key, or a source
  // failing: then what is on screen may be stale, and that is said first.
  if (state.notice?.announcement && update.type !== 'sourceError') return next;
  // A source that keeps failing the same way says so once; the header keeps showing it.
  const before = state.sources.sources.get(update.source)?.error;
  if (update.type === 'sourceError' && before?.message === printable(update.message, errorLimit))
    return next;
  const id = update.type === 'sourceError' ? 'msg.sourceError' : 'msg.sourceNotice';
  const tone =
    update.type === 'sourceNotice' ? 'info' : update.type === 'badLine' ? 'warn' : 'error';
  return {
    ...next,
    notice: {id, tone, params: {source: update.source, message: printable(update.message)}},
  };
}

/**
 * The clock's tick: the sources are judged again when one turns stale or an untrusted one's age
 * gains a minute, so a source that died says so with no news from it. Else the same state.
 */
export function sourcesAt(state: DashboardState, at: number): DashboardState {
  const next = nextFreshnessChange(state.sources);
  if (next === undefined || next > at) return state;
  return {...state, sources: liveAt(state.sources, at)};
}

/**
 * What changed in the observation is journaled; when it changed some service's health, the
 * message line says so (core/announce.ts), and that is journaled too, before it is shown.
 */
function announced(before: DashboardState, next: DashboardState): DashboardState {
  const changes = observedChanges(before.sources, next.sources, next.model);
  if (changes.length === 0) return next;
  const records: JournalRecord[] = changes.map(observedRecord);
  const said =
    next.failure === before.failure
      ? undefined
      : announcement(
          analyze(before.model, before.failure, before.includeGslb).snapshot.status,
          analyze(next.model, next.failure, next.includeGslb).snapshot.status,
          changes,
        );
  if (!said) return {...next, journal: {...next.journal, records}};
  records.push(announcedRecord(said));
  return {
    ...next,
    notice: {
      id: 'msg.announced',
      tone: said.tone === 'outage' ? 'error' : 'info',
      announcement: said,
    },
    journal: {...next.journal, records},
  };
}
