import {spawn} from 'node:child_process';
import type {HookOutcome} from '../core/hooks.js';

export interface HookResult extends HookOutcome {
  /** The program and its arguments as configured; the id followed them. */
  argv: readonly string[];
  id: string;
}

export interface HookOptions {
  timeoutMs?: number;
  maxOutputBytes?: number;
  env?: NodeJS.ProcessEnv;
  /** Where it runs: relative programs in the topology are relative to the topology's directory. */
  cwd?: string;
}

/** How long a hook has to end after SIGTERM when the program quits, before SIGKILL. */
export const quitGraceMs = 2_000;

/** Hooks running now, by process group: ended with the program. */
const running = new Map<number, () => void>();

/**
 * Ends every running hook's whole process group: SIGTERM now, SIGKILL after a short grace, and
 * lets go of their pipes and timers so the program can exit at once. The SIGKILL is sent by a
 * small detached process, so it comes even when this program has already gone.
 */
export function stopRunningHooks(graceMs = quitGraceMs): void {
  if (running.size === 0) return;
  const groups = [...running.keys()];
  for (const [group, release] of running) {
    signalGroup(group, 'SIGTERM');
    release();
  }
  running.clear();
  const reaper = `setTimeout(() => { for (const g of ${JSON.stringify(groups)}) try { process.kill(-g, 'SIGKILL'); } catch {} }, ${graceMs});`;
  try {
    spawn(process.execPath, ['-e', reaper], {detached: true, stdio: 'ignore'}).unref();
  } catch {
    // Cannot start the reaper: kill now rather than leave them.
    for (const group of groups) signalGroup(group, 'SIGKILL');
  }
}

function signalGroup(group: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-group, signal);
  } catch {
    // The group is already gone.
  }
}

// However the program ends (q, Ctrl-C, SIGTERM, SIGHUP, a crash), its hooks end with it.
process.once('exit', () => stopRunningHooks());

/**
 * Runs a hook (docs/live-sources.md): the program itself, never a shell, so an id such as `; touch pwned`
 * is one argument and nothing more; the id is also in FAILSIGHT_COMPONENT. It runs in a process
 * group of its own: at the timeout, and once it has exited, the whole group is killed, so no
 * child it started lives on. Its output is kept up to a bound.
 */
export function runHook(
  argv: readonly string[],
  id: string,
  options: HookOptions = {},
): Promise<HookResult> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxOutput = options.maxOutputBytes ?? 64 * 1024;
  const started = Date.now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let dropped = 0;
    let timedOut = false;
    const child = spawn(argv[0]!, [...argv.slice(1), id], {
      shell: false,
      ...(options.cwd === undefined ? {} : {cwd: options.cwd}),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {...(options.env ?? process.env), FAILSIGHT_COMPONENT: id},
    });
    const killGroup = () => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group is already gone.
      }
    };
    if (child.pid !== undefined)
      running.set(child.pid, () => {
        // The program is quitting: nothing of the hook may hold it open.
        clearTimeout(timer);
        child.stdout.destroy();
        child.stderr.destroy();
        child.unref();
      });
    const take = (chunk: Buffer) => {
      const room = maxOutput - kept;
      if (room > 0) chunks.push(chunk.subarray(0, room));
      kept += Math.min(room, chunk.length);
      dropped += Math.max(0, chunk.length - Math.max(0, room));
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, timeoutMs);
    let done = false;
    let exit: {code: number | null; signal: string | null} = {code: null, signal: null};
    const finish = (error?: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      killGroup();
      if (child.pid !== undefined) running.delete(child.pid);
      resolve({
        argv,
        id,
        exitCode: exit.code,
        signal: exit.signal,
        timedOut,
        durationMs: Date.now() - started,
        output: Buffer.concat(chunks).toString('utf8'),
        dropped,
        ...(error === undefined ? {} : {error}),
      });
    };
    child.once('error', (error) => finish(error.message));
    // Once the hook has exited, what it left running is killed, so the pipes close.
    child.once('exit', (code, signal) => {
      exit = {code, signal};
      killGroup();
    });
    child.once('close', () => finish());
  });
}
