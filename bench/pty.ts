import {spawn, spawnSync, type ChildProcessWithoutNullStreams} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

/** One chunk of output as the pseudo-terminal delivered it to tmux. */
export interface Chunk {
  at: number;
  bytes: number;
  text: string;
}

/**
 * A real pseudo-terminal: a tmux server of its own, a window of the given size, and one tmux
 * control-mode client that both sends keys (no process spawned per key) and receives every
 * byte the program writes to the pty as a `%output` notification, time-stamped on arrival.
 * The program waits on a FIFO until `start`, so its start-up is timed from exec, not from tmux.
 */
export class Pty {
  private readonly socket = `failsight-bench-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private readonly dir = mkdtempSync(join(tmpdir(), 'failsight-pty-'));
  private client: ChildProcessWithoutNullStreams | undefined;
  private buffered = '';
  private readonly chunks: Chunk[] = [];
  private waiters: (() => void)[] = [];
  pid = 0;
  startedAt = 0;

  constructor(
    private readonly columns = 120,
    private readonly rows = 40,
  ) {}

  /** Opens the window with `argv` ready to exec; nothing runs until `start`. */
  async open(argv: string[], env: Record<string, string> = {}): Promise<void> {
    const fifo = join(this.dir, 'go');
    spawnSync('mkfifo', [fifo]);
    const exports = Object.entries(env)
      .map(([key, value]) => `${key}=${shellQuote(value)}`)
      .join(' ');
    const command = `read _ < ${shellQuote(fifo)}; exec env -u CI -u CONTINUOUS_INTEGRATION ${exports} ${argv.map(shellQuote).join(' ')}`;
    this.tmux(
      'new-session',
      '-d',
      '-s',
      'bench',
      '-x',
      String(this.columns),
      '-y',
      String(this.rows),
      `sh -c ${shellQuote(command)}`,
    );
    this.tmux('set-option', '-g', 'window-size', 'manual');
    this.tmux('set-option', '-g', 'remain-on-exit', 'on');
    this.pid = Number(this.tmux('display-message', '-p', '-t', 'bench', '#{pane_pid}').trim());
    this.client = spawn(
      'tmux',
      ['-L', this.socket, '-f', '/dev/null', '-C', 'attach-session', '-t', 'bench'],
      {
        stdio: 'pipe',
      },
    );
    this.client.stdout.setEncoding('latin1');
    this.client.stdout.on('data', (data: string) => this.take(data));
    // The control client must be attached before the program writes its first byte.
    await this.until(() => this.attached, 5000);
  }

  private attached = false;

  /** Lets the program run: it execs at once. */
  start(): void {
    this.startedAt = performance.now();
    spawnSync('sh', ['-c', `echo > ${shellQuote(join(this.dir, 'go'))}`]);
  }

  /** Sends keys as tmux key names (`j`, `Escape`, `Left`) or literal text with `literal`. */
  press(key: string, literal = false): number {
    const at = performance.now();
    this.client!.stdin.write(`send-keys -t bench ${literal ? '-l ' : ''}${shellQuote(key)}\n`);
    return at;
  }

  /** Output received so far: chunk count, to take the output after a point. */
  get mark(): number {
    return this.chunks.length;
  }

  /** The chunks received from `mark` on (`text` holds the bytes, one latin1 character each). */
  chunksSince(mark: number): readonly Chunk[] {
    return this.chunks.slice(mark);
  }

  bytesSince(mark: number): number {
    let total = 0;
    for (let i = mark; i < this.chunks.length; i++) total += this.chunks[i]!.bytes;
    return total;
  }

  textSince(mark: number): string {
    return this.chunks
      .slice(mark)
      .map((chunk) => chunk.text)
      .join('');
  }

  /** Time of the first chunk after `mark` at which the output since `mark` contains `marker`. */
  async waitForText(mark: number, marker: string, timeoutMs: number): Promise<number | undefined> {
    // Raw text is kept and cleaned whole: an escape sequence may be split between chunks.
    let raw = '';
    let seen = mark;
    let found: number | undefined;
    await this.until(() => {
      for (; seen < this.chunks.length && found === undefined; seen++) {
        raw += this.chunks[seen]!.text;
        if (plain(raw).includes(marker)) found = this.chunks[seen]!.at;
      }
      return found !== undefined;
    }, timeoutMs);
    return found;
  }

  /** Time of the first output after `mark`, or undefined when nothing came in time. */
  async firstOutput(mark: number, timeoutMs: number): Promise<number | undefined> {
    await this.until(() => this.chunks.length > mark, timeoutMs);
    return this.chunks[mark]?.at;
  }

  /** Waits until nothing has been written for `quietMs`; returns the time of the last chunk. */
  async settle(quietMs: number, timeoutMs: number): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const last = this.chunks.at(-1)?.at ?? this.startedAt;
      const wait = last + quietMs - performance.now();
      if (wait <= 0 || performance.now() > deadline) return last;
      await sleep(Math.min(wait, 20));
    }
  }

  /** The process's resident set from /proc, in MB. */
  rssMb(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
    return kb / 1024;
  }

  /** CPU time (user + system) the process has used, in ms. */
  cpuMs(): number {
    const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100;
  }

  /**
   * Closes, then waits until the process has exited and a little longer: a dashboard that is
   * still giving back 200 MB would slow whatever is timed next.
   */
  async closeAndWait(timeoutMs = 5_000): Promise<void> {
    this.close();
    const deadline = performance.now() + timeoutMs;
    while (this.alive() && performance.now() < deadline) await sleep(10);
    await sleep(200);
  }

  alive(): boolean {
    try {
      return !readFileSync(`/proc/${this.pid}/status`, 'utf8').includes('State:\tZ');
    } catch {
      return false;
    }
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', 'bench');
  }

  close(): void {
    this.client?.stdin.end();
    this.client?.kill();
    spawnSync('tmux', ['-L', this.socket, 'kill-server'], {stdio: 'ignore'});
    rmSync(this.dir, {recursive: true, force: true});
  }

  private tmux(...args: string[]): string {
    const result = spawnSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], {
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`tmux ${args[0]}: ${result.stderr}`);
    return result.stdout;
  }

  private take(data: string) {
    const at = performance.now();
    this.buffered += data;
    let newline: number;
    while ((newline = this.buffered.indexOf('\n')) >= 0) {
      const line = this.buffered.slice(0, newline);
      this.buffered = this.buffered.slice(newline + 1);
      if (line.startsWith('%output ')) {
        const text = unescapeOutput(line.slice(line.indexOf(' ', 8) + 1));
        this.chunks.push({at, bytes: Buffer.byteLength(text, 'latin1'), text});
      } else if (line.startsWith('%session-changed') || line.startsWith('%end')) {
        this.attached = true;
      }
    }
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  private async until(done: () => boolean, timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (!done() && performance.now() < deadline) {
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, Math.min(50, Math.max(1, deadline - performance.now())));
      });
    }
  }
}

/** Control mode writes bytes below space and the backslash as \ooo octal escapes. */
function unescapeOutput(escaped: string): string {
  return escaped.replace(/\\([0-7]{3})/g, (_, octal: string) =>
    String.fromCharCode(parseInt(octal, 8)),
  );
}

/* eslint-disable no-control-regex */
const escapeSequence =
  /\u001B(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\u0007\u001B]*(\u0007|\u001B\\)|[()][0-9A-Za-z]|.)/g;
/* eslint-enable no-control-regex */

/** Output text without escape sequences, UTF-8 decoded, to look for words on screen. */
function plain(latin1: string): string {
  return Buffer.from(latin1, 'latin1').toString('utf8').replace(escapeSequence, '');
}

export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
