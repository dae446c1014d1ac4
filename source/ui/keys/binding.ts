import type {MessageId} from '../../i18n/i18n.js';
import type {Lang} from '../../shared/types.js';
import type {KeyName} from './key-names.js';

/**
 * Who has the keys: the tree, a list panel (sweep, availability, plan), the impact panel,
 * one list entry read whole (`detail`), help; `confirm`: a failover preview waits for its confirmation key; `hook`: a failover's hook
 * waits for y; `loading`: the frame drawn while a big topology loads.
 */
export type Scope =
  'tree' | 'list' | 'panel' | 'detail' | 'help' | 'demo' | 'confirm' | 'hook' | 'loading';

/** What decides whether a key applies right now, and how much it matters in the footer. */
export interface KeyContext {
  readOnly: boolean;
  demo: boolean;
  /** The demo stands still: Space plays it. */
  demoPaused: boolean;
  canUndo: boolean;
  hasSimulated: boolean;
  filterActive: boolean;
  /** Something is down, simulated or observed: recovery keys come first. */
  hasFailure: boolean;
  /** A live source observes something down: finding it comes first. */
  observedDown: boolean;
  /** The plan is open: Enter there applies a failover, a change like `o`. */
  planOpen: boolean;
  /** Started with --compare OLD: the diff panel has something to show. */
  hasCompare: boolean;
}

/** Nothing on and nothing off: no simulation, filter, plan or comparison, nothing read-only. */
export const plainContext: KeyContext = {
  readOnly: false,
  demo: false,
  demoPaused: false,
  canUndo: false,
  hasSimulated: false,
  filterActive: false,
  hasFailure: false,
  observedDown: false,
  planOpen: false,
  hasCompare: false,
};

export type Words = Record<Lang, string>;

export interface Binding<A extends string = string> {
  action: A;
  scopes: readonly Scope[];
  /**
   * The keys it answers to, which are also the keys the footer and help show (key-names.ts):
   * bindings sharing a help label are one help line, their keys together.
   */
  keys: readonly KeyName[];
  label: Words;
  /**
   * Shown in the footer under this shorter name, with its first key; bindings sharing a footer
   * name show once, their first keys together.
   * `rank` orders what a narrow footer keeps: lower stays longer (default 5).
   */
  footer?: {
    label: Words;
    /** The footer's word when it depends on the state (Space: "pause" or "play"). */
    labelIn?: (context: KeyContext) => Words;
    rank?: (context: KeyContext) => number;
  };
  /** The one place that says a key is off: the footer hides it, help and the handler say why. */
  unavailable?: (context: KeyContext) => MessageId | undefined;
}

export const rank = (value: number) => () => value;

export const tree: readonly Scope[] = ['tree'];
export const list: readonly Scope[] = ['list'];
/** Where ↑↓, pages and edges move a list or scroll lines: the right panel, and the help. */
export const panels: readonly Scope[] = ['list', 'panel', 'detail', 'help'];
export const demo: readonly Scope[] = ['demo'];
export const anywhere: readonly Scope[] = ['tree', 'list', 'panel', 'detail', 'help'];

/** Failure keys change the simulation: off in read-only mode and while the demo drives. */
export const changes = (context: KeyContext): MessageId | undefined =>
  context.readOnly ? 'reason.readOnly' : context.demo ? 'reason.demo' : undefined;

/**
 * The message a refused key shows: the short reason of the help screen, said in full.
 * A reason without an entry is shown as it is.
 */
export const refusals: Partial<Record<MessageId, MessageId>> = {
  'reason.readOnly': 'msg.readOnly',
  'reason.demo': 'msg.demoDrives',
  'reason.nothingToUndo': 'msg.nothingToUndo',
  'reason.nothingSimulated': 'msg.nothingSimulated',
  'reason.noFilter': 'msg.noFilter',
};
