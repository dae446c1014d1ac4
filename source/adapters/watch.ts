import {watch} from 'node:fs';
import {basename, dirname, resolve} from 'node:path';
import {formatLocated} from '../core/load.js';
import type {LiveUpdate} from '../core/live.js';
import {loadTopologyFile} from './topology-file.js';
import {channel} from './channel.js';

/**
 * Reloads a topology when it changes. The directory is watched, not the file, because editors
 * save by writing a new file and renaming it over the old one. A bad edit yields an error and
 * the dashboard keeps the last good topology.
 */
export function watchTopology(
  file: string,
  signal: AbortSignal,
  debounceMs = 150,
): AsyncIterable<LiveUpdate> {
  const path = resolve(file);
  const name = basename(path);
  const updates = channel<LiveUpdate>(signal);
  let timer: NodeJS.Timeout | undefined;
  const reload = async () => {
    const result = await loadTopologyFile(path);
    if (result.ok) updates.push({type: 'model', model: result.model});
    else
      updates.push({
        type: 'error',
        message: `bad edit, kept the last good topology: ${formatLocated(result.errors[0]!)}`,
      });
  };
  const watcher = watch(dirname(path), {signal}, (_event, changed) => {
    if (changed !== null && changed.toString() !== name) return;
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), debounceMs);
  });
  watcher.on('error', (error) => updates.push({type: 'error', message: `watch: ${error.message}`}));
  signal.addEventListener('abort', () => clearTimeout(timer), {once: true});
  return updates;
}
