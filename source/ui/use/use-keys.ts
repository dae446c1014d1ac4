import {useInput, type Key} from 'ink';
import type {RefObject} from 'react';
import type {KeyAction} from '../keymap.js';
import type {DashboardState} from '../state/types.js';
import {keyOutcome, type KeyOutcome} from '../keys/key-outcome.js';
import type {Dispatch} from './use-store.js';

export interface KeyHandlers {
  now: () => number;
  /** 0 for q, 130 for Ctrl-C (as a shell reports an interrupted program). */
  quit: (code: number) => void;
  /** y on a pending hook: the screen runs it (it opens no process itself; the caller does). */
  confirmHook?: () => void;
  demo?: (action: Extract<KeyAction, 'demoPause' | 'demoNext' | 'demoPrev'>) => void;
  ascii?: boolean;
  /** `:`: the command line opens. */
  openCommandLine?: () => void;
  /** y: the focused panel to the clipboard. */
  copy?: () => void;
  /** Sees each read first, whole: mouse reports; true when it took the read. */
  mouse?: (input: string) => boolean;
  /** Sees every key first (the open command line); true when it took the key. */
  intercept?: (input: string, key: Key) => boolean;
}

/** The key flags of one character of a string read at once. */
function keyOf(char: string, key: Key): Key {
  const tab = char === '\t';
  const enter = char === '\r';
  return {...key, shift: /[A-Z]/.test(char), tab, return: enter};
}

/** One input handler for the whole screen, driven by the keymap table. */
export function useDashboardKeys(
  current: RefObject<DashboardState>,
  dispatch: Dispatch,
  handlers: KeyHandlers,
  isActive = true,
) {
  const handle = (input: string, key: Key) => {
    const at = handlers.now();
    // The clock first: a key answers the state as it stands now (a GSLB may have moved since).
    if (!handlers.demo) dispatch({type: 'tick', at});
    const outcome = keyOutcome(current.current, input, key, {at, ascii: handlers.ascii ?? false});
    applyOutcome(outcome, dispatch, handlers);
  };
  useInput(
    (input, key) => {
      if (handlers.mouse?.(input)) return;
      // Keys typed faster than the terminal is read (key repeat, a slow link, a pasted line)
      // come as one string: each is handled as if typed alone, Tab and Enter included; the
      // command line, once open, takes the rest.
      const chars = input.length > 1 && /^[\x20-\x7e\t\r]+$/.test(input) ? [...input] : [input];
      for (const char of chars) {
        const each = chars.length > 1 ? keyOf(char, key) : key;
        if (handlers.intercept?.(char, each)) continue;
        handle(char, each);
      }
    },
    {isActive},
  );
}

/** Does what a key (or its `:` command) comes to. */
export function applyOutcome(outcome: KeyOutcome, dispatch: Dispatch, handlers: KeyHandlers) {
  if (outcome?.type === 'quit') handlers.quit(outcome.code);
  else if (outcome?.type === 'demo') handlers.demo?.(outcome.action);
  else if (outcome?.type === 'dispatch') dispatch(outcome.action);
  else if (outcome?.type === 'runHook') handlers.confirmHook?.();
  else if (outcome?.type === 'copy') handlers.copy?.();
  else if (outcome?.type === 'commandLine') handlers.openCommandLine?.();
}
