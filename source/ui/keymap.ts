import type {Key} from 'ink';
import {actionCommands} from './command-line/action-commands.js';
import {t} from '../i18n/i18n.js';
import type {Binding, KeyContext, Scope} from './keys/binding.js';
import {changeKeys, type ChangeAction} from './keys/changes.js';
import {commandLineKeys, type CommandLineAction} from './keys/command-line.js';
import {demoKeys, type DemoAction} from './keys/demo.js';
import {incidentKeys, type IncidentAction} from './keys/incident.js';
import {liveKeys, type LiveAction} from './keys/live.js';
import {navigation, type NavigationAction} from './keys/navigation.js';
import {panelKeys, type PanelAction} from './keys/panels.js';
import {rebound} from './keys/rebind.js';
import type {Lang} from '../shared/types.js';

export type {Binding, KeyContext, Scope};
export {plainContext} from './keys/binding.js';
export type KeyAction =
  | DemoAction
  | NavigationAction
  | ChangeAction
  | PanelAction
  | LiveAction
  | IncidentAction
  | CommandLineAction;

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
  return keymap.find((binding) => inScope(binding, scopes) && binding.matches(input, key));
}

/**
 * The keys in force for an action in the tree, as the help writes them (the config file may have
 * moved them); its `:` command when no key is left to it.
 */
export function keysOf(action: KeyAction): string {
  const binding = keymap.find((entry) => entry.action === action && inScope(entry, ['tree']));
  return binding?.keys.unicode || `:${actionCommands[action]}`;
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
  for (const binding of keymap) {
    if (!binding.footer || !inScope(binding, scopes) || binding.unavailable?.(context)) continue;
    const keys = ascii ? binding.footer.keys.ascii : binding.footer.keys.unicode;
    // Its key was given to another command by the config file: nothing to press here.
    if (keys === '') continue;
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
      !inScope(binding, scopes) && !binding.scopes.includes('demo') && binding.matches(input, key),
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
  for (const binding of keymap) {
    if (!inScope(binding, scopes)) continue;
    const label = binding.label[lang];
    const command = `:${actionCommands[binding.action]}`;
    // A key the config file gave to another command: the `:` command still does it.
    const keys = (ascii ? binding.keys.ascii : binding.keys.unicode) || command;
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
