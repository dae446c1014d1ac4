import {useCallback, useRef, useState} from 'react';
import {reduce} from '../state/reducer.js';
import type {DashboardAction, DashboardState} from '../state/types.js';
import type {AuditAction} from '../types.js';

export type Dispatch = (action: DashboardAction) => void;

/**
 * The reducer, run synchronously so that an action reaches the audit journal before the
 * screen shows it; if the journal refuses it, the action is not applied.
 */
export function useDashboardStore(
  initial: () => DashboardState,
  onAction: ((action: AuditAction) => void) | undefined,
) {
  const [state, setState] = useState(initial);
  const current = useRef(state);
  const audit = useRef(onAction);
  audit.current = onAction;
  const dispatch = useCallback<Dispatch>((action) => {
    const before = current.current;
    let next = reduce(before, action);
    // An action that changes nothing (a clock tick with nothing to announce) draws nothing.
    if (next === before) return;
    const last = next.journal.last;
    if (next.journal.seq !== before.journal.seq && last && audit.current) {
      try {
        audit.current(last);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        next = {...before, notice: {id: 'msg.auditFailed', tone: 'error', params: {message}}};
      }
    }
    current.current = next;
    // The impact's length only bounds scrolling; while the scroll stays, the screen is the same
    // and drawing it again would cost a whole frame after every cursor move.
    if (action.type === 'panelLength' && next.panelTop === before.panelTop) return;
    setState(next);
  }, []);
  return {state, dispatch, current};
}
