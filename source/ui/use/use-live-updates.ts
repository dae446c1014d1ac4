import {useEffect, useRef} from 'react';
import type {LiveUpdate} from '../../shared/types.js';
import type {Dispatch} from './use-store.js';

/**
 * Of the updates that arrived together, the ones that still matter: each reload and each
 * observed set replaces the one before it, and one error line says as much as many. Kept in
 * the order of their last arrival.
 */
export function coalesce(updates: readonly LiveUpdate[]): LiveUpdate[] {
  // Each source's snapshot replaces only that source's: the key is the type and the source.
  const last = new Map<string, number>();
  updates.forEach((update, index) =>
    last.set('source' in update ? `${update.type} ${update.source}` : update.type, index),
  );
  return [...last.values()].sort((a, b) => a - b).map((index) => updates[index]!);
}

/**
 * Feeds live updates (reloads, observed failures, source errors) into the dashboard. A flood
 * of events becomes one state change per turn of the event loop, not one screen per event.
 */
export function useLiveUpdates(
  updates: AsyncIterable<LiveUpdate> | undefined,
  dispatch: Dispatch,
  now: () => number = Date.now,
) {
  // The clock stamps when an observed failure began; read through a ref so a new clock
  // function does not restart the source.
  const clock = useRef(now);
  clock.current = now;
  useEffect(() => {
    if (!updates) return;
    let stopped = false;
    let pending: LiveUpdate[] = [];
    // When each kept update arrived: a failure begins when it was seen, not when it is drawn.
    const arrived = new Map<LiveUpdate, number>();
    let flushing: NodeJS.Immediate | undefined;
    const flush = () => {
      flushing = undefined;
      const batch = coalesce(pending);
      const at = new Map(batch.map((update) => [update, arrived.get(update)!]));
      pending = [];
      arrived.clear();
      for (const update of batch) {
        if (stopped) return;
        if (update.type === 'model') dispatch({type: 'liveModel', model: update.model});
        else if (update.type !== 'error')
          dispatch({type: 'liveSource', update, at: at.get(update)!});
        // A plain message: a bad edit of the watched file.
        else dispatch({type: 'liveError', message: update.message});
      }
    };
    const iterator = updates[Symbol.asyncIterator]();
    const pump = async () => {
      for (;;) {
        const next = await iterator.next();
        if (next.done || stopped) return;
        pending.push(next.value);
        arrived.set(next.value, clock.current());
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
