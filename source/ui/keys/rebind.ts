import {actionCommands} from '../command-line/action-commands.js';
import {is, same, type Binding, type Glyph} from './binding.js';

/** The command names a config file may give a key to. */
export const rebindable: ReadonlySet<string> = new Set(Object.values(actionCommands));

/**
 * A key's written form without the keys another command took: "j/k" less k is "j", "x" less x
 * is "" (the entry then has only its `:` command). Keys are written apart by "/" or a space.
 */
export function withoutKeys(text: string, taken: ReadonlySet<string>): string {
  const parts = text.split(/([/ ])/);
  const kept: string[] = [];
  for (let at = 0; at < parts.length; at += 2) {
    if (taken.has(parts[at]!)) continue;
    if (kept.length > 0) kept.push(parts[at - 1]!);
    kept.push(parts[at]!);
  }
  return kept.join('');
}

const glyphWithout = (glyph: Glyph, taken: ReadonlySet<string>): Glyph => ({
  unicode: withoutKeys(glyph.unicode, taken),
  ascii: withoutKeys(glyph.ascii, taken),
});

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
      return {
        ...binding,
        keys: glyphWithout(binding.keys, taken),
        ...(binding.footer
          ? {footer: {...binding.footer, keys: glyphWithout(binding.footer.keys, taken)}}
          : {}),
        matches: (input, pressed) =>
          !(taken.has(input) && !pressed.ctrl) && binding.matches(input, pressed),
      };
    return {
      ...binding,
      keys: same(key),
      ...(binding.footer ? {footer: {...binding.footer, keys: same(key)}} : {}),
      matches: is(key),
    };
  });
}
