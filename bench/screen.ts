import xterm from '@xterm/headless';
import {sleep, type Chunk, type Pty} from './pty.js';

/**
 * What a person waits for is the answer on screen, not the first byte of the frame that brings
 * it: a frame may arrive in several writes, or a first frame may say only part of the answer.
 * A `Screen` replays a pty's bytes, in the order and at the times they arrived, into a headless
 * terminal emulator of the same size, and tells at which received chunk the screen first showed
 * the answer. The first byte is kept beside it as a hint.
 */
export class Screen {
  private readonly terminal: xterm.Terminal;
  /** Chunks of the pty already written into the terminal. */
  private fed = 0;

  constructor(
    private readonly pty: Pty,
    columns = 120,
    rows = 40,
  ) {
    this.terminal = new xterm.Terminal({cols: columns, rows, allowProposedApi: true});
  }

  /** The screen's rows as text, trailing spaces trimmed. */
  rows(): string[] {
    const buffer = this.terminal.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < this.terminal.rows; y++)
      lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    return lines;
  }

  text(): string {
    return this.rows().join('\n');
  }

  /**
   * Waits until the screen shows `answer` — every one of the given texts, or whatever the
   * predicate accepts — counting only output received from `mark` on (the screen before it is
   * replayed too: the answer is what is on screen, not what was written). Returns the arrival
   * time of the chunk that completed the answer and of the first chunk from `mark`, or
   * undefined times when it did not come within `timeoutMs`.
   */
  async waitFor(mark: number, answer: Answer, timeoutMs: number): Promise<Shown> {
    const shows = typeof answer === 'function' ? answer : containsAll(answer);
    await this.feedUntil(mark);
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const chunks = this.pty.chunksSince(this.fed);
      for (const chunk of chunks) {
        await this.write(chunk);
        if (shows(this.rows())) return {shownAt: chunk.at, firstByteAt: this.firstAt(mark)};
      }
      if (performance.now() > deadline) return {firstByteAt: this.firstAt(mark)};
      await sleep(5);
    }
  }

  /**
   * When the screen became what it shows now: the arrival of the last chunk from `mark` on that
   * changed it. For keys whose answer is "the whole new frame": call once the pty is still.
   */
  async settledAt(mark: number): Promise<Shown> {
    await this.feedUntil(mark);
    let last = this.text();
    let at: number | undefined;
    for (const chunk of this.pty.chunksSince(this.fed)) {
      await this.write(chunk);
      const now = this.text();
      if (now !== last) at = chunk.at;
      last = now;
    }
    return {shownAt: at, firstByteAt: this.firstAt(mark)};
  }

  /** The chunks read so far: a mark to wait from for what comes next. */
  get read(): number {
    return this.fed;
  }

  dispose(): void {
    this.terminal.dispose();
  }

  private firstAt(mark: number): number | undefined {
    return this.pty.chunksSince(mark)[0]?.at;
  }

  private async feedUntil(mark: number): Promise<void> {
    if (this.fed > mark) throw new Error(`the screen was read past chunk ${mark} already`);
    const before = this.pty.chunksSince(this.fed).slice(0, Math.max(0, mark - this.fed));
    for (const chunk of before) await this.write(chunk);
  }

  private write(chunk: Chunk): Promise<void> {
    this.fed++;
    return new Promise((resolve) =>
      this.terminal.write(Buffer.from(chunk.text, 'latin1'), resolve),
    );
  }
}

/** Texts that must all be on screen at once, or a test of the screen's rows. */
export type Answer = readonly string[] | ((rows: readonly string[]) => boolean);

/** Absolute times (performance.now) of the answer on screen and of the first byte after the mark. */
export interface Shown {
  shownAt?: number | undefined;
  firstByteAt?: number | undefined;
}

const containsAll = (texts: readonly string[]) => (rows: readonly string[]) => {
  const screen = rows.join('\n');
  return texts.every((text) => screen.includes(text));
};

/** A key's figures, in ms from the press: the answer on screen, and the first byte (a hint). */
export interface KeyTimes {
  answerMs: number;
  firstByteMs: number;
  /** Bytes written from the press until the screen was still again. */
  bytes: number;
}

/**
 * One key as a user feels it: pressed just after a clock tick has been drawn (so no tick lands
 * in the measurement), timed until the screen shows `answer`; without an answer, until the
 * screen became what it shows once still (the whole new frame).
 */
export async function keyOnScreen(
  pty: Pty,
  screen: Screen,
  key: string,
  answer?: Answer,
  options: {literal?: boolean; timeoutMs?: number} = {},
): Promise<KeyTimes> {
  await pty.settle(40, 5_000);
  const tick = pty.mark;
  if ((await pty.firstOutput(tick, 1_100)) !== undefined) await pty.settle(20, 5_000);
  const mark = pty.mark;
  const pressed = pty.press(key, options.literal ?? false);
  let shown: Shown;
  if (answer) {
    shown = await screen.waitFor(mark, answer, options.timeoutMs ?? 30_000);
    await pty.settle(60, 30_000);
  } else {
    await pty.firstOutput(mark, options.timeoutMs ?? 30_000);
    await pty.settle(60, 30_000);
    shown = await screen.settledAt(mark);
  }
  const since = (at: number | undefined) => (at === undefined ? Number.NaN : at - pressed);
  return {
    answerMs: since(shown.shownAt),
    firstByteMs: since(shown.firstByteAt),
    bytes: pty.bytesSince(mark),
  };
}
