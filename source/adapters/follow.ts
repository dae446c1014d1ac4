import {constants, openSync, watch, type FSWatcher} from 'node:fs';
import {open, stat, type FileHandle} from 'node:fs/promises';
import {Socket} from 'node:net';
import {basename, dirname} from 'node:path';
import {delay} from './poll.js';

export interface FollowCallbacks {
  chunk: (bytes: Buffer) => void;
  /** The file was (re)opened from its start: a new file, a rotation, a truncation. */
  restart: (why: string) => void;
  /** Everything written so far has been read. */
  caughtUp: () => void;
  /** It cannot be read now (missing, unreadable); following goes on. */
  problem: (why: string) => void;
}

/** The most a follow reads in one pass, and its pause before the next when there was more. */
const passBytes = 4 * 1024 * 1024;
const floodPauseMs = 100;

/**
 * Follows a file as `tail -F` does: it may be truncated (copytruncate), renamed and recreated
 * (logrotate), deleted and recreated, or missing at first; each time it is followed again. A
 * FIFO is held open for reading and writing, so a writer that closes is no end of the stream.
 * The directory is watched for speed; a check every `checkMs` catches what the watch misses.
 */
export async function followFile(
  path: string,
  signal: AbortSignal,
  on: FollowCallbacks,
  checkMs = 1000,
): Promise<void> {
  let handle: FileHandle | undefined;
  let identity = '';
  let position = 0;
  let reported = '';
  let wake: (() => void) | undefined;
  let watcher: FSWatcher | undefined;
  const nudge = () => wake?.();
  const watchDirectory = () => {
    if (watcher) return;
    try {
      watcher = watch(dirname(path), {signal}, (_event, name) => {
        if (name === null || name.toString() === basename(path)) nudge();
      });
      watcher.on('error', () => {
        watcher?.close();
        watcher = undefined;
      });
    } catch {
      watcher = undefined;
    }
  };
  const problem = (why: string) => {
    if (why !== reported) on.problem(why);
    reported = why;
  };
  // One read buffer for the whole follow. A fresh one per read (each wake, each second) made the
  // C allocator hand out and take back 256 KB blocks in turn, and its heap grew with every flood.
  const buffer = Buffer.allocUnsafe(64 * 1024);
  /**
   * Reads what is there, up to `passBytes` a pass: a stream that never ends (a device such as
   * /dev/zero, a runaway writer) is read in bounded passes with a pause between, and stops at once
   * when the follow is stopped. True when the pass ended at its bound rather than at the end.
   */
  const readToEnd = async (from: FileHandle): Promise<boolean> => {
    for (let read = 0; read < passBytes;) {
      if (signal.aborted) return false;
      const {bytesRead} = await from.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) return false;
      position += bytesRead;
      read += bytesRead;
      on.chunk(Buffer.from(buffer.subarray(0, bytesRead)));
    }
    return true;
  };
  let flooded = false;
  try {
    while (!signal.aborted) {
      watchDirectory();
      let info;
      try {
        info = await stat(path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        problem(code === 'ENOENT' ? 'no such file; waiting for it' : (error as Error).message);
      }
      if (info?.isFIFO()) {
        await followFifo(path, signal, on);
        return;
      }
      if (info) {
        const now = `${info.dev}:${info.ino}`;
        try {
          if (handle === undefined || now !== identity) {
            const had = handle !== undefined || reported !== '';
            // The rest of a rotated file first: lines written just before the rename.
            if (handle) await readToEnd(handle).catch(() => undefined);
            await handle?.close().catch(() => undefined);
            handle = undefined;
            handle = await open(path, 'r');
            identity = now;
            position = 0;
            on.restart(had ? 'replaced: following the new file from its start' : '');
          } else if (info.isFile() && info.size < position) {
            position = 0;
            on.restart('truncated: reading again from its start');
          }
          reported = '';
          flooded = await readToEnd(handle);
          if (!flooded) on.caughtUp();
        } catch (error) {
          problem((error as Error).message);
        }
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        void delay(flooded ? floodPauseMs : checkMs, signal).then(resolve);
      });
      wake = undefined;
    }
  } finally {
    watcher?.close();
    await handle?.close().catch(() => undefined);
  }
}

/** A named pipe, opened read-write and non-blocking: no writer is needed to open it or keep it. */
function followFifo(path: string, signal: AbortSignal, on: FollowCallbacks): Promise<void> {
  return new Promise((resolve) => {
    let socket: Socket;
    try {
      const fd = openSync(path, constants.O_RDWR | constants.O_NONBLOCK);
      socket = new Socket({fd, readable: true, writable: false});
    } catch (error) {
      on.problem((error as Error).message);
      resolve();
      return;
    }
    on.restart('');
    on.caughtUp();
    socket.on('data', (chunk: Buffer) => on.chunk(chunk));
    socket.on('error', (error) => on.problem(error.message));
    socket.on('close', () => resolve());
    signal.addEventListener('abort', () => socket.destroy(), {once: true});
  });
}
