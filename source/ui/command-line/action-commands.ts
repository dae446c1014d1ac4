import type {KeyAction} from '../keys/key-action.js';

/**
 * The command of every key action: `:` reaches whatever a key does. Keys that do one thing in
 * the tree and the same in a panel (↑ moves the cursor or the list) share one command.
 */
export const actionCommands: Record<KeyAction, string> = {
  demoPause: 'pause',
  demoNext: 'next-step',
  demoPrev: 'previous-step',
  moveUp: 'move-up',
  moveDown: 'move-down',
  pageUp: 'page-up',
  pageDown: 'page-down',
  first: 'top',
  last: 'bottom',
  fold: 'fold',
  unfold: 'unfold',
  toggleFold: 'toggle-fold',
  listUp: 'move-up',
  listDown: 'move-down',
  listPageUp: 'page-up',
  listPageDown: 'page-down',
  listFirst: 'top',
  listLast: 'bottom',
  jump: 'jump',
  focusNext: 'focus',
  focusPrevious: 'focus-back',
  fail: 'fail',
  restore: 'restore',
  restoreAll: 'restore-all',
  undo: 'undo',
  failover: 'failover',
  confirm: 'confirm',
  cancel: 'cancel',
  nextView: 'view',
  viewZone: 'zone',
  viewAccount: 'account',
  viewService: 'svc',
  filter: 'filter',
  nextMatch: 'next',
  previousMatch: 'previous',
  sweep: 'sweep',
  availability: 'availability',
  plan: 'plan',
  diff: 'diff',
  cause: 'cause',
  help: 'help',
  close: 'close',
  quit: 'q',
  events: 'events',
  sources: 'sources',
  timeline: 'timeline',
  hooks: 'hooks',
  confirmHook: 'run-hook',
  skipHook: 'skip-hook',
  stateFilter: 'state',
  nextDown: 'next-down',
  previousDown: 'previous-down',
  detail: 'detail',
  closeDetail: 'back',
  commandLine: 'command',
  copy: 'copy',
};

/** Every key action answering to a command name, in the keymap's order. */
export function actionsOf(name: string): KeyAction[] {
  return (Object.keys(actionCommands) as KeyAction[]).filter(
    (action) => actionCommands[action] === name,
  );
}
