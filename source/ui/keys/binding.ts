import type {Key} from 'ink';
import type {MessageId} from '../i18n.js';
import type {Lang} from '../types.js';

/** `confirm`: a failover preview waits for its confirmation key. */
export type Scope = 'tree' | 'list' | 'help' | 'demo' | 'confirm';

/** What decides whether a key applies right now. */
export interface KeyContext {
  readOnly: boolean;
  demo: boolean;
  canUndo: boolean;
  hasSimulated: boolean;
  filterActive: boolean;
  /** Started with --compare OLD: the diff panel has something to show. */
  hasCompare: boolean;
}

export type Words = Record<Lang, string>;
export type Glyph = {unicode: string; ascii: string};

export interface Binding<A extends string = string> {
  action: A;
  scopes: readonly Scope[];
  keys: Glyph;
  label: Words;
  /** Shown in the footer under this shorter name; bindings sharing a footer name show once. */
  footer?: {keys: Glyph; label: Words};
  matches: (input: string, key: Key) => boolean;
  unavailable?: (context: KeyContext) => MessageId | undefined;
}

export const is = (wanted: string) => (input: string, key: Key) => input === wanted && !key.ctrl;
export const same = (text: string): Glyph => ({unicode: text, ascii: text});
export const glyph = (unicode: string, ascii: string): Glyph => ({unicode, ascii});

export const tree: readonly Scope[] = ['tree'];
export const list: readonly Scope[] = ['list'];
export const demo: readonly Scope[] = ['demo'];
export const anywhere: readonly Scope[] = ['tree', 'list', 'help'];

/** Failure keys change the simulation: off in read-only mode and while the demo drives. */
export const changes = (context: KeyContext): MessageId | undefined =>
  context.readOnly ? 'reason.readOnly' : context.demo ? 'reason.demo' : undefined;
