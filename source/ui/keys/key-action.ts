import type {ChangeAction} from './changes.js';
import type {CommandLineAction} from './command-line.js';
import type {DemoAction} from './demo.js';
import type {IncidentAction} from './incident.js';
import type {LiveAction} from './live.js';
import type {NavigationAction} from './navigation.js';
import type {PanelAction} from './panels.js';

/** Every action a key (or its `:` command) can ask for. */
export type KeyAction =
  | DemoAction
  | NavigationAction
  | ChangeAction
  | PanelAction
  | LiveAction
  | IncidentAction
  | CommandLineAction;
