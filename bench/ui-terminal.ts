import {EventEmitter} from 'node:events';

/** A terminal for Ink to draw on in the bench: it records what is written and when. */
export class FakeTerminal extends EventEmitter {
  readonly isTTY = true;
  columns: number;
  rows: number;
  written = 0;
  writes = 0;
  lastWriteAt = 0;
  firstWriteAt: number | undefined;
  private waiters: (() => void)[] = [];

  constructor(columns: number, rows: number) {
    super();
    this.columns = columns;
    this.rows = rows;
  }

  write = (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    this.written += Buffer.byteLength(text);
    this.writes++;
    this.lastWriteAt = performance.now();
    this.firstWriteAt ??= this.lastWriteAt;
    const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    callback?.();
    for (const resolve of this.waiters.splice(0)) resolve();
    return true;
  };

  /** Resolves at the next write. */
  nextWrite(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}

/** Keyboard input as Ink reads it from a raw-mode terminal. */
export class FakeKeyboard extends EventEmitter {
  readonly isTTY = true;
  private pending: string | null = null;
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read = () => {
    const data = this.pending;
    this.pending = null;
    return data;
  };
  press(data: string) {
    this.pending = data;
    this.emit('readable');
    this.emit('data', data);
  }
}
