import {useEffect} from 'react';
import type {LiveUpdate} from '../types.js';
import type {Dispatch} from './use-store.js';

/**
 * Of the updates that arrived together, the ones that still matter: each reload and each
 * observed set replaces the one before it, and one error line says as much as many. Kept in
 * the order of their last arrival.
 */
export function coalesce(updates: readonly LiveUpdate[]): LiveUpdate[] {
  const last = new Map<LiveUpdate['type'], number>();
  updates.forEach((update, index) => last.set(update.type, index));
  return [...last.values()].sort((a, b) => a - b).map((index) => updates[index]!);
}

/**
 * Feeds live updates (reloads, observed failures, source errors) into the dashboard. A flood
 * of events becomes one state change per turn of the event loop, not one screen per event.
 */
export function useLiveUpdates(updates: AsyncIterable<LiveUpdate> | undefined, dispatch: Dispatch) {
  useEffect(() => {
    if (!updates) return;
    let stopped = false;
    let pending: LiveUpdate[] = [];
    let flushing: NodeJS.Immediate | undefined;
    const flush = () => {
      flushing = undefined;
      const batch = coalesce(pending);
      pending = [];
      for (const update of batch) {
        if (stopped) return;
        if (update.type === 'model') dispatch({type: 'liveModel', model: update.model});
        else if (update.type === 'observed')
          dispatch({type: 'liveObserved', observed: update.observed});
        else dispatch({type: 'liveError', message: update.message});
      }
    };
    const iterator = updates[Symbol.asyncIterator]();
    const pump = async () => {
      for (;;) {
        const next = await iterator.next();
        if (next.done || stopped) return;
        pending.push(next.value);
        flushing ??= setImmediate(flush);
      }
    };
    pump().catch((error: unknown) =>
      dispatch({
        type: 'liveError',
        message: error instanceof Error ? error.message : String(error),
      }),
    );
    return () => {
      stopped = true;
      if (flushing) clearImmediate(flushing);
      void iterator.return?.();
    };
  }, [updates, dispatch]);
}
