import type {AnyFlags, TypedFlags} from 'meow';
import type {TerminalOptions} from './terminal.js';

/** The command line's flags, one line each; cli.tsx documents them in its usage text. */
export const flagSpec = {
  fail: {type: 'string', isMultiple: true},
  all: {type: 'boolean', default: false},
  brief: {type: 'boolean', default: false},
  failover: {type: 'string', isMultiple: true},
  plan: {type: 'boolean', default: false},
  down: {type: 'string', isMultiple: true},
  up: {type: 'string', isMultiple: true},
  unknown: {type: 'string', isMultiple: true},
  json: {type: 'boolean', default: false},
  includeGslb: {type: 'boolean', default: false},
  order: {type: 'string'},
  format: {type: 'string', choices: ['text', 'markdown', 'json']},
  tolerance: {type: 'string'},
  compare: {type: 'string'},
  readOnly: {type: 'boolean', default: false},
  watch: {type: 'boolean', default: false},
  events: {type: 'string'},
  audit: {type: 'string'},
  probe: {type: 'boolean', default: false},
  prometheus: {type: 'string'},
  promQuery: {type: 'string'},
  alertmanager: {type: 'string'},
  interval: {type: 'string'},
  allowHooks: {type: 'boolean', default: false},
  cloudstack: {type: 'boolean', default: false},
  endpoint: {type: 'string'},
  zone: {type: 'string', isMultiple: true},
  out: {type: 'string'},
  merge: {type: 'string'},
  kt: {type: 'boolean', default: false},
  lang: {type: 'string', choices: ['en', 'ko']},
  ascii: {type: 'boolean', default: false},
  color: {type: 'boolean', default: true},
  theme: {type: 'string', choices: ['dark', 'light', 'high-contrast', 'mono']},
  mouse: {type: 'boolean', default: true},
  config: {type: 'boolean', default: true},
} satisfies AnyFlags;

export type Flags = TypedFlags<typeof flagSpec>;

/** What every command receives: its files, the flags, the terminal it writes to. */
export interface Invocation {
  files: string[];
  flags: Flags;
  terminal: TerminalOptions;
  write: (text: string) => void;
}

export type Command = (invocation: Invocation) => Promise<number>;
