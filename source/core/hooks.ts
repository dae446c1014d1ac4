import type {Model} from './model.js';

export type HookAction = 'failover' | 'restore';

/** A hook to run: the argv the topology names; the component's id is appended when it runs. */
export interface HookCommand {
  id: string;
  action: HookAction;
  argv: readonly string[];
  /** Whose `hooks:` it came from: the component's own, or the file's global ones. */
  from: 'component' | 'global';
}

/** How a hook ended; the output is bounded by the runner. */
export interface HookOutcome {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  durationMs: number;
  /** stdout and stderr as they came, at most the runner's bound. */
  output: string;
  /** Bytes of output dropped beyond the bound. */
  dropped: number;
  /** Set when the program could not be started at all. */
  error?: string;
}

/**
 * The hook for an action on a component (docs/topology-format.md, docs/live-sources.md): a GSLB's, load balancer's or VM's own
 * `hooks:` entry overrides the global one; other kinds use the global one. None: undefined.
 */
export function hookFor(model: Model, id: string, action: HookAction): HookCommand | undefined {
  const component = model.components.get(id);
  if (!component) return undefined;
  const own =
    component.kind === 'gslb' || component.kind === 'lb' || component.kind === 'vm'
      ? component.hooks?.[action]
      : undefined;
  if (own) return {id, action, argv: own, from: 'component'};
  const global = model.hooks?.[action];
  if (global) return {id, action, argv: global, from: 'global'};
  return undefined;
}

/** The command as a person would read it, id appended, each argument quoted when it needs to be. */
export function commandLine(hook: Pick<HookCommand, 'argv' | 'id'>): string {
  return [...hook.argv, hook.id]
    .map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`))
    .join(' ');
}
