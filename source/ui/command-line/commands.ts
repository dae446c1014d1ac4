import {
  completed,
  completionOf,
  nearestCommand,
  parseCommand,
  type Argument,
} from '../../core/commands-spec.js';
import {didYouMean} from '../../core/nearest.js';
import {printable} from '../../core/printable.js';
import type {Model} from '../../core/model.js';
import {scopesOf} from '../keys/key-actions.js';
import {keymap, type Binding, type KeyAction} from '../keymap.js';
import type {DashboardAction, DashboardState, Notice} from '../state/types.js';
import {isThemeName, themeNames, type ThemeName} from '../themes/names.js';
import {views, type View} from '../../shared/types.js';
import {actionCommands, actionsOf} from './action-commands.js';

/** One thing a command does; a command is a few of these, done in order. */
export type CommandEffect =
  | {type: 'dispatch'; action: DashboardAction}
  /** A key's binding, run on the state as it is when its turn comes (after a `select`). */
  | {type: 'binding'; binding: Binding<KeyAction>}
  | {type: 'quit'; code: number}
  | {type: 'theme'; name: ThemeName}
  | {type: 'write'; path: string; overwrite: boolean}
  | {type: 'copy'};

const viewCommands: Record<string, View> = {zone: 'zone', account: 'account', svc: 'service'};
const stateFilters = {down: 'down', unknown: 'unsure', all: 'all'} as const;

/** The commands that are not one key: what each takes after its name. */
const ownCommands: Record<string, Argument> = {
  zone: 'optional-id',
  account: 'optional-id',
  svc: 'optional-id',
  service: 'optional-id',
  view: 'view',
  fail: 'optional-id',
  restore: 'optional-id',
  failover: 'optional-id',
  filter: 'text',
  down: 'none',
  unknown: 'none',
  all: 'none',
  theme: 'theme',
  w: 'file',
  q: 'none',
  quit: 'none',
};

/** Every command name: the key actions' and the command line's own. */
export const commandNames: readonly string[] = [
  ...new Set([...Object.keys(ownCommands), ...Object.values(actionCommands)]),
].sort();

const sortedIds = new WeakMap<Model, string[]>();

/** The topology's ids in order, once per model (Tab on a big topology must stay quick). */
function idsOf(model: Model): string[] {
  let ids = sortedIds.get(model);
  if (!ids) {
    ids = [...model.components.keys()].sort();
    sortedIds.set(model, ids);
  }
  return ids;
}

function choicesFor(model: Model, name: string): Iterable<string> | undefined {
  const argument = ownCommands[name];
  if (argument === 'id' || argument === 'optional-id') return idsOf(model);
  if (argument === 'view') return views;
  if (argument === 'theme') return themeNames;
  return undefined;
}

/** The completion of the line (the command's name, or its argument) and its choices. */
export function completeLine(model: Model, text: string) {
  const completion = completionOf(text, commandNames, (name) => choicesFor(model, name));
  const name = completion.candidates[0] ?? '';
  const argument = ownCommands[name];
  const follows = argument !== undefined && argument !== 'none';
  return {text: completed(completion, follows), completion};
}

const warn = (id: Notice['id'], params?: Notice['params']): CommandEffect => ({
  type: 'dispatch',
  action: {type: 'notice', notice: {id, tone: 'warn', ...(params ? {params} : {})}},
});

/** The binding of a key action that applies where the keys are now, else its first one. */
function bindingOf(state: DashboardState, actions: readonly KeyAction[]) {
  const scopes = scopesOf(state);
  const mine = keymap.filter((binding) => actions.includes(binding.action));
  return mine.find((binding) => binding.scopes.some((scope) => scopes.includes(scope))) ?? mine[0];
}

/** An id of the topology, as typed or in another case. */
function idIn(model: Model, typed: string): string | undefined {
  if (model.components.has(typed)) return typed;
  const lower = typed.toLowerCase();
  return idsOf(model).find((id) => id.toLowerCase() === lower);
}

function missingId(model: Model, typed: string): CommandEffect {
  return warn('cmd.noId', {id: printable(typed), hint: didYouMean(typed, idsOf(model))});
}

/** `:fail KR-CA`: the key's refusal first (read-only), then the selection, then the key. */
function onId(state: DashboardState, name: string, argument: string): CommandEffect[] {
  const binding = bindingOf(state, actionsOf(name));
  if (!binding) return [];
  if (argument === '') return [{type: 'binding', binding}];
  const id = idIn(state.model, argument);
  if (!id) return [missingId(state.model, argument)];
  return [
    {type: 'dispatch', action: {type: 'select', id}},
    {type: 'binding', binding},
  ];
}

/** What the line typed after `:` does; an unknown command says the nearest one. */
export function commandEffects(state: DashboardState, text: string): CommandEffect[] {
  const {name, bang, argument} = parseCommand(text);
  if (name === '') return [];
  const own = ownCommands[name];
  if (own === 'none' && argument !== '') return [warn('cmd.noArgument', {name})];
  if (name === 'q' || name === 'quit') return [{type: 'quit', code: 0}];
  if (name === 'w') {
    if (argument === '') return [warn('cmd.needsFile')];
    return [{type: 'write', path: argument, overwrite: bang}];
  }
  if (name === 'theme') {
    if (!isThemeName(argument)) return [warn('cmd.badTheme', {name: printable(argument)})];
    return [{type: 'theme', name: argument}];
  }
  if (name in stateFilters) {
    const filter = stateFilters[name as keyof typeof stateFilters];
    return [{type: 'dispatch', action: {type: 'setStateFilter', filter}}];
  }
  if (name === 'view') {
    if (argument === '') return [{type: 'dispatch', action: {type: 'switchView'}}];
    const view = views.find((candidate) => candidate === argument);
    return view ? [{type: 'dispatch', action: {type: 'switchView', view}}] : [warn('cmd.badView')];
  }
  const viewName = name === 'service' ? 'svc' : name;
  if (viewName in viewCommands) {
    const view = viewCommands[viewName]!;
    const switched: CommandEffect = {type: 'dispatch', action: {type: 'switchView', view}};
    if (argument === '') return [switched];
    const id = idIn(state.model, argument);
    if (!id) return [missingId(state.model, argument)];
    return [switched, {type: 'dispatch', action: {type: 'select', id}}];
  }
  if (name === 'fail' || name === 'restore' || name === 'failover')
    return onId(state, name, argument);
  if (name === 'filter') {
    const start: CommandEffect = {type: 'dispatch', action: {type: 'startFilter'}};
    if (argument === '') return [start];
    return [
      start,
      {type: 'dispatch', action: {type: 'editFilter', text: argument}},
      {type: 'dispatch', action: {type: 'applyFilter'}},
    ];
  }
  if (name === 'copy') return [{type: 'copy'}];
  const actions = actionsOf(name);
  if (actions.length > 0) {
    if (argument !== '') return [warn('cmd.noArgument', {name})];
    const binding = bindingOf(state, actions);
    return binding ? [{type: 'binding', binding}] : [];
  }
  // Any id: jump to it, in the current view when it shows there.
  const id = idIn(state.model, [name, argument].filter(Boolean).join(' '));
  if (id) return [{type: 'dispatch', action: {type: 'select', id}}];
  const near = nearestCommand(name, commandNames);
  const shown = printable(name);
  return [near ? warn('cmd.unknownNear', {name: shown, near}) : warn('cmd.unknown', {name: shown})];
}
