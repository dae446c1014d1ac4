import type {Key} from 'ink';
import {actionCommands} from './command-line/action-commands.js';
import {t} from '../i18n/i18n.js';
import type {Binding, KeyContext, Scope} from './keys/binding.js';
import {changeKeys} from './keys/changes.js';
import {commandLineKeys} from './keys/command-line.js';
import {demoKeys} from './keys/demo.js';
import {incidentKeys} from './keys/incident.js';
import {liveKeys} from './keys/live.js';
import {navigation} from './keys/navigation.js';
import {panelKeys} from './keys/panels.js';
import {rebound} from './keys/rebind.js';
import {footerKeys, helpKeys, matchesAny} from './keys/key-names.js';
import type {Lang} from '../shared/types.js';

export type {Binding, KeyContext, Scope};
export {plainContext} from './keys/binding.js';
export type {KeyAction} from './keys/key-action.js';
import type {KeyAction} from './keys/key-action.js';

/**
 * The one table of keys: it drives the input handler, the footer and the help screen, so
 * the three never disagree. Demo keys come first: in the demo ←/→/Space step the script.
 */
export const keymap: Binding<KeyAction>[] = [
  ...demoKeys,
  ...navigation,
  ...changeKeys,
  ...panelKeys,
  ...liveKeys,
  ...incidentKeys,
  ...commandLineKeys,
];

/** Keys from the config file, set once before the first frame (keys/rebind.ts). */
export function rebindKeys(keys: Readonly<Record<string, string>>): void {
  keymap.splice(0, keymap.length, ...rebound(keymap, keys));
}

const inScope = (binding: Binding, scopes: readonly Scope[]) =>
  binding.scopes.some((scope) => scopes.includes(scope));

export function bindingFor(
  scopes: readonly Scope[],
  input: string,
  key: Key,
): Binding<KeyAction> | undefined {
  return keymap.find((binding) => inScope(binding, scopes) && matchesAny(binding.keys, input, key));
}

/**
 * The keys in force for an action in the tree, as the help writes them (the config file may have
 * moved them); its `:` command when no key is left to it.
 */
export function keysOf(action: KeyAction): string {
  const binding = keymap.find((entry) => entry.action === action && inScope(entry, ['tree']));
  return (binding && helpKeys([binding.keys], false)) || `:${actionCommands[action]}`;
}

export interface KeyHint {
  keys: string;
  label: string;
  /** What a narrow footer keeps first: lower stays longer. */
  rank: number;
}

/** The footer: keys that apply now, shared names shown once, in table order. */
export function footerHints(
  scopes: readonly Scope[],
  context: KeyContext,
  lang: Lang,
  ascii: boolean,
): KeyHint[] {
  const hints: KeyHint[] = [];
  const seen = new Set<string>();
  const shown = keymap.filter(
    (binding) => binding.footer && inScope(binding, scopes) && !binding.unavailable?.(context),
  );
  for (const binding of shown) {
    if (!binding.footer) continue;
    // Bindings under one footer name are one entry: ↑ and ↓ are "↑↓ move".
    const name = binding.footer.label.en;
    const sharing = shown.filter((other) => other.footer?.label.en === name);
    const keys = footerKeys(
      sharing.map((other) => other.keys),
      ascii,
    );
    const label = (binding.footer.labelIn?.(context) ?? binding.footer.label)[lang];
    // One footer entry per key: in the demo ←→ step the story, so they are not also "fold".
    if (seen.has(keys)) continue;
    seen.add(keys);
    hints.push({keys, label, rank: binding.footer.rank?.(context) ?? 5});
  }
  return hints;
}

export interface HelpEntry {
  keys: string;
  label: string;
  reason?: string;
  /** The `:` commands doing the same (command-line/action-commands.ts). */
  commands?: string[];
}

/** The binding of another scope that `input` would trigger: "x works in the tree". */
export function bindingElsewhere(
  scopes: readonly Scope[],
  input: string,
  key: Key,
): Binding<KeyAction> | undefined {
  return keymap.find(
    (binding) =>
      !inScope(binding, scopes) &&
      !binding.scopes.includes('demo') &&
      matchesAny(binding.keys, input, key),
  );
}

/** Every key of the scopes, with the reason a key is off when it is. */
export function helpEntries(
  scopes: readonly Scope[],
  context: KeyContext,
  lang: Lang,
  ascii: boolean,
): HelpEntry[] {
  const entries: HelpEntry[] = [];
  const shown = keymap.filter((binding) => inScope(binding, scopes));
  for (const binding of shown) {
    // Bindings under one help label are one line with all their keys, whichever scope each
    // works in: "→ ← l h read an entry whole, and back".
    const sharing = keymap.filter((other) => other.label.en === binding.label.en);
    const label = binding.label[lang];
    const command = `:${actionCommands[binding.action]}`;
    // A key the config file gave to another command: the `:` command still does it.
    const keys =
      helpKeys(
        sharing.map((other) => other.keys),
        ascii,
      ) || command;
    const same = entries.find((entry) => entry.keys === keys && entry.label === label);
    if (same) {
      if (!same.commands?.includes(command)) same.commands = [...(same.commands ?? []), command];
      continue;
    }
    const reason = binding.unavailable?.(context);
    entries.push({keys, label, commands: [command], ...(reason ? {reason: t(lang, reason)} : {})});
  }
  return entries;
}
