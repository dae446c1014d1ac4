import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import './fresh-build.js';
import {recordCapture, registerInvocation} from '../support/secret-scan.js';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

let sessions = 0;

/** A plain UTF-8 terminal. CI stays set when it is: the dashboard must draw all the same. */
function paneEnvironment(): NodeJS.ProcessEnv {
  // No user's config file: a test that wants one sets XDG_CONFIG_HOME in its options.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LANG: 'C.UTF-8',
    TERM: 'xterm-256color',
    XDG_CONFIG_HOME: join(root, 'test', 'fixtures', 'no-config'),
  };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'LC_ALL', 'LC_CTYPE', 'LC_MESSAGES', 'TMUX'])
    delete env[name];
  return env;
}

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * The real binary in a real pseudo-terminal: a tmux server of its own, one pane that stays
 * after the program exits so its exit status and terminal modes can be read.
 */
export class Pane {
  private constructor(private readonly socket: string) {}

  static open(
    args: string[],
    options: {
      columns?: number;
      rows?: number;
      env?: Record<string, string>;
      stdin?: string;
      /** The command to run, if not the checkout's dist/cli.js. */
      cli?: string;
    } = {},
  ): Pane {
    registerInvocation(args, options.env);
    const socket = join(tmpdir(), `failsight-e2e-${process.pid}-${sessions++}.sock`);
    const pane = new Pane(socket);
    const extra = Object.entries(options.env ?? {}).map(
      ([name, value]) => `${name}=${quote(value)}`,
    );
    const cli = options.cli === undefined ? 'dist/cli.js' : quote(options.cli);
    const program = ['env', ...extra, quote(process.execPath), cli, ...args.map(quote)];
    // stdin from elsewhere (a file, /dev/null) while stdout stays the terminal.
    if (options.stdin !== undefined) program.push('<', quote(options.stdin));
    // The shell reports the exit status on the screen (tmux's own record of it is unreliable when
    // the server inherits a blocked SIGCHLD) and keeps the pane, with its terminal modes, open.
    const command = `${program.join(' ')}; printf '\\nEXIT=%s\\n' $?; exec sleep 600`;
    pane.tmux(
      'new-session',
      '-d',
      '-s',
      'main',
      '-c',
      root,
      '-x',
      String(options.columns ?? 100),
      '-y',
      String(options.rows ?? 30),
      command,
    );
    return pane;
  }

  tmux(...args: string[]): string {
    return execFileSync('tmux', ['-S', this.socket, '-f', '/dev/null', ...args], {
      encoding: 'utf8',
      env: paneEnvironment(),
    });
  }

  screen(): string {
    const screen = this.tmux('capture-pane', '-p', '-t', 'main');
    recordCapture('the screen', screen);
    return screen;
  }

  lines(): string[] {
    return this.screen().replace(/\n$/, '').split('\n');
  }

  keys(...keys: string[]) {
    for (const key of keys) this.tmux('send-keys', '-t', 'main', key);
  }

  type(text: string) {
    this.tmux('send-keys', '-t', 'main', '-l', text);
  }

  show(format: string): string {
    return this.tmux('display-message', '-p', '-t', 'main', format).trim();
  }

  resize(columns: number, rows: number) {
    this.tmux('resize-window', '-t', 'main', '-x', String(columns), '-y', String(rows));
  }

  /** The program's pid: the child of the pane's shell (from /proc, else ps). */
  pid(): number {
    const shell = this.show('#{pane_pid}');
    if (existsSync('/proc/self/stat')) {
      for (const entry of readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) continue;
        try {
          // The parent pid is the second field after the parenthesised command name.
          const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
          if (stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] === shell) return Number(entry);
        } catch {
          // The process ended while we looked.
        }
      }
    }
    const child = execFileSync('ps', ['-o', 'pid=', '--ppid', shell], {encoding: 'utf8'}).trim();
    return Number(child.split('\n')[0]);
  }

  /** Polls the screen until `predicate` holds; no fixed sleeps, a generous deadline. */
  async waitFor(
    predicate: (screen: string) => boolean,
    what: string,
    timeoutMs = 20_000,
  ): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (predicate(screen)) return screen;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}; the screen:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async waitForText(text: string, timeoutMs?: number): Promise<string> {
    return this.waitFor((screen) => screen.includes(text), JSON.stringify(text), timeoutMs);
  }

  /** Waits for the program to end; its exit status, and whether it left the cursor visible. */
  async exited(
    timeoutMs = 20_000,
  ): Promise<{status: number; cursorVisible: boolean; alternateScreen: boolean}> {
    const screen = await this.waitFor(
      (text) => /^EXIT=\d+$/m.test(text),
      'the program to exit',
      timeoutMs,
    );
    return {
      status: Number(/^EXIT=(\d+)$/m.exec(screen)![1]),
      cursorVisible: this.show('#{cursor_flag}') === '1',
      alternateScreen: this.show('#{alternate_on}') === '1',
    };
  }

  close() {
    try {
      this.tmux('kill-server');
    } catch {
      // Already gone.
    }
    rmSync(this.socket, {force: true});
  }
}
