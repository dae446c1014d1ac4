import type {Key} from 'ink';
import {readFileSync} from 'node:fs';
import {parseTopology} from '../../source/core/load.js';
import type {Model} from '../../source/core/model.js';
import {initialState, type InitOptions} from '../../source/ui/state/init.js';
import {selectedNode} from '../../source/ui/state/navigation.js';
import {reduce} from '../../source/ui/state/reducer.js';
import type {DashboardAction, DashboardState} from '../../source/ui/state/types.js';

export function loadFixture(path = 'fixtures/demo.yaml'): Model {
  const result = parseTopology(readFileSync(path, 'utf8'), path);
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.model;
}

export const at = Date.UTC(2026, 10, 25, 5, 3, 22);

export function start(options: Partial<InitOptions> = {}): DashboardState {
  return initialState({model: loadFixture(), treeRows: 18, listRows: 14, ...options});
}

export function apply(state: DashboardState, ...actions: DashboardAction[]): DashboardState {
  return actions.reduce(reduce, state);
}

/** Moves the cursor onto the first row showing `id` (by walking with moveDown, as a user would). */
export function walkTo(state: DashboardState, id: string): DashboardState {
  let current = apply(state, {type: 'first'});
  for (let step = 0; step < 200; step++) {
    if (selectedNode(current)?.id === id) return current;
    current = apply(current, {type: 'moveDown'});
  }
  throw new Error(`no row for ${id} in the ${state.view} view`);
}

export function selectedId(state: DashboardState): string | undefined {
  return selectedNode(state)?.id;
}

/** An ink Key with nothing pressed but what `overrides` says. */
export const key = (overrides: Partial<Key> = {}): Key => ({
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
  ...overrides,
});
