import {runHook} from '../../adapters/hooks.js';
import type {HookRunner} from '../../shared/types.js';

type Journal = (entry: Record<string, unknown>) => void;

/**
 * Confirmed hooks, run for real (--allow-hooks). Every start and end is journaled before the
 * screen hears of it; a journal that refuses the start means the hook does not run.
 */
export function hookRunner(cwd: string, journal: Journal | undefined): HookRunner {
  return (hook, report) => {
    const argv = [...hook.argv, hook.id];
    const at = Date.now();
    try {
      journal?.({action: 'hook-start', ids: [hook.id], argv, simulated: false});
    } catch (error) {
      report({type: 'started', at});
      report({
        type: 'ended',
        outcome: {
          exitCode: null,
          signal: null,
          timedOut: false,
          durationMs: 0,
          output: '',
          dropped: 0,
          error: `the audit journal refused it, so it was not run (${(error as Error).message})`,
        },
      });
      return;
    }
    report({type: 'started', at});
    void runHook(hook.argv, hook.id, {cwd}).then((result) => {
      const outcome = {
        exitCode: result.exitCode,
        signal: result.signal,
        timedOut: result.timedOut,
        durationMs: result.durationMs,
        output: result.output,
        dropped: result.dropped,
        ...(result.error === undefined ? {} : {error: result.error}),
      };
      try {
        journal?.({
          action: 'hook-end',
          ids: [hook.id],
          argv,
          simulated: false,
          exitCode: result.exitCode,
          signal: result.signal,
          timedOut: result.timedOut,
          durationMs: result.durationMs,
          ...(result.error === undefined ? {} : {error: result.error}),
        });
      } catch (error) {
        outcome.output += `\n(the audit journal refused the end record: ${(error as Error).message})`;
      }
      report({type: 'ended', outcome});
    });
  };
}
