import {useEffect, useRef} from 'react';
import type {LiveUpdate} from '../types.js';
import type {Dispatch} from './use-store.js';

/** Feeds live updates (reloads, observed failures, source errors) into the dashboard. */
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
    const iterator = updates[Symbol.asyncIterator]();
    const pump = async () => {
      for (;;) {
        const next = await iterator.next();
        if (next.done || stopped) return;
        const update = next.value;
        if (update.type === 'model') dispatch({type: 'liveModel', model: update.model});
        else if (update.type === 'observed')
          dispatch({type: 'liveObserved', observed: update.observed, at: clock.current()});
        else dispatch({type: 'liveError', message: update.message});
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
      void iterator.return?.();
    };
  }, [updates, dispatch]);
}
