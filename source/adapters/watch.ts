import {statSync, watch, type FSWatcher} from 'node:fs';
import {stat} from 'node:fs/promises';
import {dirname, resolve} from 'node:path';
import {formatLocated} from '../core/load/place.js';
import type {LiveUpdate} from '../core/live.js';
import {loadTopologyFile} from './topology-file.js';
import {channel} from './channel.js';
import {delay} from './poll.js';

/** What identifies the file's content without reading it: through symlinks, as it is opened. */
async function identityOf(path: string): Promise<string | {problem: string}> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return {problem: 'is not a regular file (a pipe or a device?)'};
    return `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}`;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {problem: code === 'ENOENT' ? 'no such file' : (error as Error).message};
  }
}

function identityNow(path: string): string | undefined {
  try {
    const info = statSync(path);
    return info.isFile() ? `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reloads a topology when it changes. Editors save by renaming a new file over the old one, and
 * Kubernetes swaps a `..data` symlink beside it, so any change in the directory triggers a look
 * at the file's identity (device, inode, size, time, through symlinks); a check every `checkMs`
 * catches what the watch misses, such as the directory removed and created again. Only a regular
 * file is read: a pipe put in its place could block a read, and quitting, forever. A bad edit
 * yields an error and the dashboard keeps the last good topology.
 */
export function watchTopology(
  file: string,
  signal: AbortSignal,
  debounceMs = 150,
  checkMs = 1000,
): AsyncIterable<LiveUpdate> {
  const path = resolve(file);
  const updates = channel<LiveUpdate>(signal);
  // Taken now, not after a tick: a save right after start must count as a change.
  let last: string | undefined = identityNow(path);
  let lastProblem = '';
  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  const look = async () => {
    const identity = await identityOf(path);
    if (typeof identity !== 'string') {
      // A file being replaced is briefly missing: say so once, and keep looking.
      if (identity.problem !== lastProblem)
        updates.push({
          type: 'error',
          message: `${file}: ${identity.problem}; kept the last good topology`,
        });
      lastProblem = identity.problem;
      // The directory may have gone with it: watch it afresh once it is back.
      watcher?.close();
      watcher = undefined;
      return;
    }
    lastProblem = '';
    if (identity === last) return;
    last = identity;
    const result = await loadTopologyFile(path);
    if (result.ok) updates.push({type: 'model', model: result.model});
    else
      updates.push({
        type: 'error',
        message: `bad edit, kept the last good topology: ${formatLocated(result.errors[0]!)}`,
      });
  };
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void look(), debounceMs);
  };
  const watchDirectory = () => {
    if (watcher) return;
    try {
      watcher = watch(dirname(path), {signal}, soon);
      watcher.on('error', () => {
        watcher?.close();
        watcher = undefined;
      });
    } catch {
      watcher = undefined;
    }
  };
  signal.addEventListener('abort', () => clearTimeout(timer), {once: true});
  void (async () => {
    while (!signal.aborted) {
      watchDirectory();
      await delay(checkMs, signal);
      if (!signal.aborted) await look();
    }
    watcher?.close();
  })();
  return updates;
}
