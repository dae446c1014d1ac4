import {commandLine, hookFor, type HookCommand, type HookOutcome} from '../../core/hooks.js';
import {shown as printable} from '../../core/live.js';
import type {DashboardState} from './types.js';

const keptRuns = 20;

/**
 * After a failover the topology's hook for it (docs/live-sources.md): with --allow-hooks it waits for the
 * confirmation key; without, the message shows the command that would have run (a dry run).
 */
export function offerHook(before: DashboardState, after: DashboardState): DashboardState {
  if (after.pending && after.pending !== before.pending) return previewHook(after);
  const done =
    after.journal.seq !== before.journal.seq && after.journal.last?.action === 'failover';
  const id = after.journal.last?.ids[0];
  if (!done || id === undefined) return after;
  const hook = hookFor(after.model, id, 'failover');
  if (!hook) return after;
  if (!after.hooks.allowed)
    return {...after, notice: {id: 'msg.hookDryRun', tone: 'info', params: shown(hook)}};
  return {
    ...after,
    hooks: {...after.hooks, pending: hook},
    notice: {id: 'msg.hookAsk', tone: 'warn', params: shown(hook)},
  };
}

export function confirmHook(state: DashboardState): DashboardState {
  if (!state.hooks.pending) return state;
  return {...state, hooks: {...state.hooks, pending: undefined}};
}

export function skipHook(state: DashboardState): DashboardState {
  const hook = state.hooks.pending;
  if (!hook) return state;
  return {
    ...state,
    hooks: {...state.hooks, pending: undefined},
    notice: {id: 'msg.hookSkipped', tone: 'info', params: shown(hook)},
  };
}

/** A hook began (already journaled): it shows in the hooks pane, which opens. */
export function hookStarted(state: DashboardState, hook: HookCommand, at: number): DashboardState {
  const runs = [{hook, at}, ...state.hooks.runs].slice(0, keptRuns);
  return {
    ...state,
    panel: 'hooks',
    detail: false,
    list: {index: 0, top: 0},
    hooks: {...state.hooks, runs},
    notice: {id: 'msg.hookRunning', tone: 'info', params: shown(hook)},
  };
}

/** A hook ended (already journaled): its outcome replaces "running" on the newest run of it. */
export function hookEnded(
  state: DashboardState,
  hook: HookCommand,
  outcome: HookOutcome,
): DashboardState {
  const index = state.hooks.runs.findIndex((run) => run.hook === hook && !run.outcome);
  if (index === -1) return state;
  const runs = state.hooks.runs.map((run, i) => (i === index ? {...run, outcome} : run));
  const ok = outcome.exitCode === 0 && !outcome.timedOut;
  return {
    ...state,
    hooks: {...state.hooks, runs},
    notice: {
      id: ok ? 'msg.hookDone' : 'msg.hookFailed',
      tone: ok ? 'info' : 'error',
      params: shown(hook),
    },
  };
}

function shown(hook: HookCommand): {id: string; command: string} {
  return {id: printable(hook.id), command: printable(commandLine(hook))};
}

/** A failover preview waiting for its key says what hook the failover would bring. */
function previewHook(state: DashboardState): DashboardState {
  const hook = state.pending ? hookFor(state.model, state.pending.id, 'failover') : undefined;
  if (!hook) return state;
  const id = state.hooks.allowed ? 'msg.confirmFailoverHook' : 'msg.confirmFailoverDryRun';
  return {...state, notice: {id, tone: 'warn', params: shown(hook)}};
}
