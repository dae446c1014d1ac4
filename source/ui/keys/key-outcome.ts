import type {Key} from 'ink';
import {footerKeys} from './key-names.js';
import {bindingElsewhere, bindingFor, type Binding, type KeyAction} from '../keymap.js';
import {refusals} from './binding.js';
import type {DashboardAction, DashboardState, Notice} from '../state/types.js';
import {dashboardAction, filterAction, keyContext, scopesOf} from './key-actions.js';

/** What a key press does: a reducer action, quitting, a demo control, or nothing. */
export type KeyOutcome =
  | {type: 'dispatch'; action: DashboardAction}
  | {type: 'quit'; code: number}
  | {type: 'demo'; action: Extract<KeyAction, 'demoPause' | 'demoNext' | 'demoPrev'>}
  /** y on a failover's hook: the screen hands it to the runner (it opens no process itself). */
  | {type: 'runHook'}
  /** `:` opens the command line; y copies the focused panel: both are the screen's to do. */
  | {type: 'commandLine' | 'copy'}
  | undefined;

const warn = (id: Notice['id'], params?: Notice['params']): DashboardAction => ({
  type: 'notice',
  notice: {id, tone: 'warn', ...(params ? {params} : {})},
});

/** A key as the operator typed it, for a hint; undefined for keys with no printable name. */
function typed(input: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (input === '' || input === ' ' || /[\u0000-\u001f\u007f-\u009f]/.test(input)) return undefined;
  return Array.from(input).length === 1 ? input : undefined;
}

/**
 * The keymap decides: a key off right now says why (the same reason the help shows), a key
 * of another panel says where it works, an unknown key points to `?`.
 */
export function keyOutcome(
  state: DashboardState,
  input: string,
  key: Key,
  options: {at: number; ascii: boolean},
): KeyOutcome {
  if (key.ctrl && input === 'c') return {type: 'quit', code: 130};
  if (state.filter.editing) {
    const action = filterAction(state, input, key);
    return action ? {type: 'dispatch', action} : undefined;
  }
  const scopes = scopesOf(state);
  const binding = bindingFor(scopes, input, key);
  if (!binding) {
    const name = typed(input);
    if (name === undefined) return undefined;
    // A hook waits for y or n; other keys do nothing, so nothing runs by accident.
    if (state.hooks.pending) return undefined;
    // A failover preview waits: say again which keys answer it.
    if (state.pending) return {type: 'dispatch', action: warn('msg.confirmFailover', {key: 'y'})};
    const elsewhere = bindingElsewhere(scopes, input, key);
    if (elsewhere?.scopes.includes('tree') && !state.help)
      return {type: 'dispatch', action: warn('msg.keyInTree', {key: name})};
    return {type: 'dispatch', action: warn('msg.unknownKey', {key: name})};
  }
  return bindingOutcome(state, binding, options);
}

/** What a binding does now, whether reached by its key or by its `:` command. */
export function bindingOutcome(
  state: DashboardState,
  binding: Binding<KeyAction>,
  options: {at: number; ascii: boolean},
): KeyOutcome {
  const reason = binding.unavailable?.(keyContext(state));
  if (reason) {
    // The demo's step keys, as its footer shows them.
    const arrows = footerKeys([['left'], ['right']], options.ascii);
    const params = reason === 'reason.demo' ? {arrows} : undefined;
    return {type: 'dispatch', action: warn(refusals[reason] ?? reason, params)};
  }
  if (binding.action === 'quit') return {type: 'quit', code: 0};
  if (binding.action === 'confirmHook') return {type: 'runHook'};
  if (binding.action === 'commandLine' || binding.action === 'copy') return {type: binding.action};
  if (
    binding.action === 'demoPause' ||
    binding.action === 'demoNext' ||
    binding.action === 'demoPrev'
  )
    return {type: 'demo', action: binding.action};
  const action = dashboardAction(binding.action, state, options.at);
  return action ? {type: 'dispatch', action} : undefined;
}
