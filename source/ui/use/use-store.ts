import {useCallback, useRef, useState} from 'react';
import {reduce} from '../state/reducer.js';
import type {DashboardAction, DashboardState} from '../state/types.js';
import type {JournalRecord} from '../../core/journal.js';

export type Dispatch = (action: DashboardAction) => void;

/**
 * The reducer, run synchronously so that what a step journals (an action, an observed change,
 * an announcement, the analysis after it) is written before the screen shows it; if the
 * journal refuses an action, the action is not applied.
 */
export function useDashboardStore(
  initial: () => DashboardState,
  onJournal: ((records: readonly JournalRecord[]) => void) | undefined,
) {
  const [state, setState] = useState(initial);
  const current = useRef(state);
  const audit = useRef(onJournal);
  audit.current = onJournal;
  const dispatch = useCallback<Dispatch>((action) => {
    const before = current.current;
    let next = reduce(before, action);
    // An action that changes nothing (a clock tick with nothing to announce) draws nothing.
    if (next === before) return;
    const records = next.journal.records;
    if (records !== before.journal.records && records && records.length > 0 && audit.current) {
      try {
        audit.current(records);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // An action is refused; what the sources observed is shown all the same (stale data
        // must not look current), saying it was not journaled.
        next =
          next.journal.seq !== before.journal.seq
            ? {...before, notice: {id: 'msg.auditFailed', tone: 'error', params: {message}}}
            : {...next, notice: {id: 'msg.auditLiveFailed', tone: 'error', params: {message}}};
      }
    }
    current.current = next;
    setState(next);
  }, []);
  return {state, dispatch, current};
}
