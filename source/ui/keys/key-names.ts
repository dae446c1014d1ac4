import type {Key} from 'ink';

/**
 * A key as a binding names it: one printable character, or one of these. A binding's list of
 * names is the one spec of its keys: what it answers to, and what the footer and help show.
 */
export type KeyName =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'pageup'
  | 'pagedown'
  | 'home'
  | 'end'
  | 'return'
  | 'space'
  | 'tab'
  | 'shift+tab'
  | 'escape'
  | 'ctrl+c'
  | (string & {});

const named: Record<
  string,
  {unicode: string; ascii: string; pressed: (input: string, key: Key) => boolean}
> = {
  up: {unicode: '↑', ascii: 'up', pressed: (_, key) => key.upArrow},
  down: {unicode: '↓', ascii: 'down', pressed: (_, key) => key.downArrow},
  left: {unicode: '←', ascii: 'left', pressed: (_, key) => key.leftArrow},
  right: {unicode: '→', ascii: 'right', pressed: (_, key) => key.rightArrow},
  pageup: {unicode: 'PgUp', ascii: 'PgUp', pressed: (_, key) => key.pageUp},
  pagedown: {unicode: 'PgDn', ascii: 'PgDn', pressed: (_, key) => key.pageDown},
  home: {unicode: 'Home', ascii: 'Home', pressed: (_, key) => key.home},
  end: {unicode: 'End', ascii: 'End', pressed: (_, key) => key.end},
  return: {unicode: 'Enter', ascii: 'Enter', pressed: (_, key) => key.return},
  space: {unicode: 'Space', ascii: 'Space', pressed: (input) => input === ' '},
  tab: {unicode: 'Tab', ascii: 'Tab', pressed: (_, key) => key.tab && !key.shift},
  'shift+tab': {unicode: 'S-Tab', ascii: 'S-Tab', pressed: (_, key) => key.tab && key.shift},
  escape: {unicode: 'Esc', ascii: 'Esc', pressed: (_, key) => key.escape},
  'ctrl+c': {
    unicode: 'Ctrl-C',
    ascii: 'Ctrl-C',
    pressed: (input, key) => key.ctrl && input === 'c',
  },
};

const arrows = new Set(['up', 'down', 'left', 'right']);

/** A character key is its character typed without Ctrl. */
export function pressed(name: KeyName, input: string, key: Key): boolean {
  const special = named[name];
  return special ? special.pressed(input, key) : input === name && !key.ctrl;
}

export function matchesAny(names: readonly KeyName[], input: string, key: Key): boolean {
  return names.some((name) => pressed(name, input, key));
}

export function shown(name: KeyName, ascii: boolean): string {
  const special = named[name];
  return special ? (ascii ? special.ascii : special.unicode) : name;
}

/**
 * The keys of one help line, from the bindings that share it: their first keys, then their
 * second ones (↑↓ k j). Arrows that go together are drawn as a pair (↑↓, ←→).
 */
export function helpKeys(lists: readonly (readonly KeyName[])[], ascii: boolean): string {
  const names: KeyName[] = [];
  const longest = Math.max(0, ...lists.map((list) => list.length));
  for (let at = 0; at < longest; at++)
    for (const list of lists) {
      const name = list[at];
      if (name !== undefined && !names.includes(name)) names.push(name);
    }
  return joined(names, ascii);
}

function joined(names: readonly KeyName[], ascii: boolean): string {
  let text = '';
  names.forEach((name, at) => {
    const before = names[at - 1];
    const pair =
      !ascii && ((before === 'up' && name === 'down') || (before === 'left' && name === 'right'));
    text += (at === 0 || pair ? '' : ' ') + shown(name, ascii);
  });
  return text;
}

/**
 * A footer entry's keys: each sharing binding's first key. Without arrows (ASCII), an arrow
 * gives way to the letter that does the same (j/k, h/l), else to its name (left/right).
 */
export function footerKeys(lists: readonly (readonly KeyName[])[], ascii: boolean): string {
  const first = [...new Set(lists.map((list) => list[0]).filter((name) => name !== undefined))];
  if (!ascii || !first.some((name) => arrows.has(name))) return joined(first, ascii);
  const plain = lists.map((list) => list.find((name) => !named[name]) ?? shown(list[0]!, true));
  return [...new Set(plain)].sort().join('/');
}
