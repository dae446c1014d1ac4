import {actionCommands} from '../command-line/action-commands.js';
import type {Binding} from './binding.js';

/** The command names a config file may give a key to. */
export const rebindable: ReadonlySet<string> = new Set(Object.values(actionCommands));

/**
 * The table with keys given by the config file (`keys: {fail: f}`): each binding of that
 * command answers to the new key instead, in its place in the table; a binding the new key
 * took from no longer answers to it, and its help and footer no longer name it.
 */
export function rebound<A extends string>(
  table: readonly Binding<A>[],
  keys: Readonly<Record<string, string>>,
): Binding<A>[] {
  const command = (binding: Binding<A>) =>
    (actionCommands as Record<string, string | undefined>)[binding.action];
  const taken = new Set(Object.values(keys));
  return table.map((binding) => {
    const key = keys[command(binding) ?? ''];
    if (key === undefined)
      return {...binding, keys: binding.keys.filter((name) => !taken.has(name))};
    return {...binding, keys: [key]};
  });
}
