import {render, type Instance} from 'ink';
import type {ReactElement} from 'react';
import type {TerminalSize} from '../ui/use/use-terminal-size.js';
import type {PaintCells} from '../shared/types.js';
import {saveCompileCache} from './save-compile-cache.js';
import {idleCollector} from './idle-memory.js';
import {terminalOutput} from './terminal-output.js';
import {redact} from '../adapters/secrets.js';

const enterAlternateScreen = '\u001B[?1049h\u001B[H\u001B[2J';
const leaveAlternateScreen = '\u001B[?1049l';
/** Mouse reports: clicks and the wheel (1000), in SGR form (1006), which has no column limit. */
const mouseOn = '\u001B[?1000h\u001B[?1006h';
const mouseOff = '\u001B[?1006l\u001B[?1000l';
const showCursor = '\u001B[?25h';
const clearScreen = '\u001B[H\u001B[2J';
/** Longer than one frame at Ink's 30 fps, so a throttled frame cannot land after the clear. */
const settleMs = 60;

const signalCodes: Partial<Record<NodeJS.Signals, number>> = {
  SIGHUP: 129,
  SIGINT: 130,
  SIGTERM: 143,
};

export interface FrameProps {
  quit: (code: number) => void;
  size: TerminalSize;
  /** True for a moment after a resize: an empty frame makes Ink forget the old one. */
  blank: boolean;
  /** Writes cells of the frame directly, cursor saved and restored around them (a tty only). */
  paint: PaintCells | undefined;
}

/** What the caller may do once the first frame is up: draw again from its current state. */
export interface DrawnScreen {
  redraw: () => void;
}

/**
 * Holds what is written to stderr while the screen is up: written over the frame it would break
 * it, and on the alternate screen it would vanish with it. `release` writes it out after.
 */
function holdStderr(): {release: () => void} {
  const stderr = process.stderr;
  const write = stderr.write;
  const held: string[] = [];
  stderr.write = ((chunk: unknown, ...rest: unknown[]) => {
    held.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString());
    const done = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    done?.();
    return true;
  }) as typeof stderr.write;
  return {
    release: () => {
      stderr.write = write;
      if (held.length > 0) write.call(stderr, redact(held.join('')));
    },
  };
}

/**
 * Draws a full-screen Ink app on the alternate screen and leaves the terminal as it was found
 * however it ends: quit, Ctrl-C, SIGTERM, SIGHUP (a dropped SSH link), a crash, or an exit from
 * elsewhere (a bad file found while a big one loads exits 2): stderr is held meanwhile and
 * written once the screen is gone. A resize repaints the whole screen. `drawn` is called once
 * the first frame is up; `release`, once the screen has been still a while (see idle-memory.ts).
 * Resolves with the exit code.
 */
export async function runFullScreen(
  draw: (props: FrameProps) => ReactElement,
  drawn?: (screen: DrawnScreen) => void,
  options: {mouse?: boolean; release?: () => void} = {},
): Promise<number> {
  const mouse = options.mouse ?? false;
  const stdout = process.stdout;
  const tty = Boolean(stdout.isTTY);
  const collector = idleCollector(options.release ? {release: options.release} : {});
  const output = terminalOutput(stdout, () => collector.activity());
  let code = 0;
  let restored = false;
  const stderr = tty ? holdStderr() : undefined;
  const restore = () => {
    if (restored) return;
    restored = true;
    if (!tty) return;
    try {
      stdout.write((mouse ? mouseOff : '') + showCursor + clearScreen + leaveAlternateScreen);
    } catch {
      // The terminal may be gone (SIGHUP); there is nothing left to restore then.
    }
    stderr?.release();
  };
  // A hung-up terminal fails writes asynchronously; that must not become a crash.
  const ignore = () => {};
  stdout.on('error', ignore);
  if (tty) stdout.write(enterAlternateScreen + (mouse ? mouseOn : ''));

  let instance: Instance | undefined;
  let ended = false;
  const quit = (exitCode: number) => {
    code = exitCode;
    ended = true;
    instance?.unmount();
  };
  const sizeNow = (): TerminalSize => ({columns: stdout.columns || 80, rows: stdout.rows || 24});
  // The frame starts at the top left of the alternate screen, so its cells are the screen's.
  const paint: PaintCells | undefined = tty
    ? (row, column, text, style) => {
        if (restored) return;
        const styled = style.dim ? `\u001B[2m${text}\u001B[22m` : text;
        stdout.write(`\u001B7\u001B[${row + 1};${column + 1}H${styled}\u001B8`);
      }
    : undefined;
  const frame = (blank: boolean) => draw({quit, size: sizeNow(), blank, paint});

  let settling: NodeJS.Timeout | undefined;
  const onResize = () => {
    clearTimeout(settling);
    instance?.rerender(frame(true));
    settling = setTimeout(() => {
      stdout.write(clearScreen);
      instance?.rerender(frame(false));
    }, settleMs);
  };
  const forceExit = () => setTimeout(() => process.exit(code), 500).unref();
  // Unmounted first, so that Ink's own exit handler has no frame left to write after the restore.
  // Also the compile cache's save (commands/compile-cache.ts) when the dashboard ends by a
  // signal or an exit from elsewhere, which skip the save after the screen below.
  const end = () => {
    ended = true;
    instance?.unmount();
    restore();
    saveCompileCache();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    code = signalCodes[signal] ?? 1;
    end();
    forceExit();
  };
  const onCrash = (error: unknown) => {
    code = 70;
    end();
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`failsight: internal error: ${detail}\n`);
    process.exitCode = 70;
    forceExit();
  };
  const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT'];
  for (const signal of signals) process.on(signal, onSignal);
  process.on('exit', end);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  stdout.on('resize', onResize);
  try {
    instance = render(frame(false), {
      stdout: output,
      incrementalRendering: true,
      exitOnCtrlC: false,
      patchConsole: true,
      maxFps: 30,
    });
    drawn?.({
      redraw: () => {
        if (!ended) instance?.rerender(frame(false));
      },
    });
    await instance.waitUntilExit();
  } catch (error) {
    restore();
    process.stderr.write(`failsight: ${error instanceof Error ? error.message : String(error)}\n`);
    code = 70;
  } finally {
    clearTimeout(settling);
    collector.stop();
    restore();
    stdout.off('resize', onResize);
    for (const signal of signals) process.off(signal, onSignal);
    process.off('exit', end);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
    stdout.off('error', ignore);
  }
  // The dashboard was up: what it compiled is the next start's (commands/compile-cache.ts).
  saveCompileCache();
  return code;
}
