import {useInput, type Key} from 'ink';
import type {RefObject} from 'react';
import type {KeyAction} from '../keymap.js';
import type {DashboardState} from '../state/types.js';
import {bindingFor} from '../keymap.js';
import {dashboardAction, filterAction, scopesOf} from './key-actions.js';
import type {Dispatch} from './use-store.js';

export interface KeyHandlers {
  now: () => number;
  /** 0 for q, 130 for Ctrl-C (as a shell reports an interrupted program). */
  quit: (code: number) => void;
  /** y on a pending hook: the screen runs it (it opens no process itself; the caller does). */
  confirmHook?: () => void;
  demo?: (action: Extract<KeyAction, 'demoPause' | 'demoNext' | 'demoPrev'>) => void;
}

/** One input handler for the whole screen, driven by the keymap table. */
export function useDashboardKeys(
  current: RefObject<DashboardState>,
  dispatch: Dispatch,
  handlers: KeyHandlers,
  isActive = true,
) {
  const handle = (input: string, key: Key) => {
    const state = current.current;
    if (key.ctrl && input === 'c') return handlers.quit(130);
    if (state.filter.editing) {
      const action = filterAction(state, input, key);
      if (action) dispatch(action);
      return;
    }
    const binding = bindingFor(scopesOf(state), input, key);
    if (!binding) return;
    if (binding.action === 'quit') return handlers.quit(0);
    if (binding.action === 'confirmHook') return handlers.confirmHook?.();
    if (
      binding.action === 'demoPause' ||
      binding.action === 'demoNext' ||
      binding.action === 'demoPrev'
    )
      return handlers.demo?.(binding.action);
    const action = dashboardAction(binding.action, state, handlers.now());
    if (action) dispatch(action);
  };
  useInput(
    (input, key) => {
      // Keys typed faster than the terminal is read (key repeat, a slow link) come as one string.
      if (!current.current.filter.editing && input.length > 1 && /^[\x20-\x7e]+$/.test(input)) {
        for (const char of input) handle(char, {...key, shift: /[A-Z]/.test(char)});
        return;
      }
      handle(input, key);
    },
    {isActive},
  );
}
