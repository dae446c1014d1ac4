import {open, stat} from 'node:fs/promises';
import {watch} from 'node:fs';
import {parseEventLine, type LiveUpdate} from '../core/live.js';
import type {Model} from '../core/model.js';
import {resolveComponent} from '../core/names.js';
import {channel} from './channel.js';

/**
 * Follows a JSON-lines stream of {"id","state"} events (a file that grows, or a pipe) and
 * yields the set of components observed down. Bad lines are counted and reported, never fatal.
 */
export function followEvents(
  file: string,
  model: () => Model,
  signal: AbortSignal,
): AsyncIterable<LiveUpdate> {
  const updates = channel<LiveUpdate>(signal);
  const observed = new Map<string, string>();
  let bad = 0;
  let lineNumber = 0;
  let partial = '';
  const take = (text: string) => {
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    let changed = false;
    for (const line of lines) {
      lineNumber++;
      if (line.trim() === '') continue;
      const parsed = parseEventLine(line);
      const resolved = parsed.ok ? resolveComponent(model(), parsed.event.id) : undefined;
      if (!parsed.ok || !resolved?.ok) {
        bad++;
        const why = !parsed.ok
          ? parsed.reason
          : resolved && !resolved.ok
            ? resolved.message
            : 'unknown';
        updates.push({
          type: 'badLine',
          source: 'events',
          count: bad,
          at: Date.now(),
          message: `${file}:${lineNumber}: ${why} (${bad} bad line${bad === 1 ? '' : 's'} so far)`,
        });
        continue;
      }
      if (parsed.event.state === 'down')
        observed.set(resolved.id, parsed.event.reason ?? 'observed down');
      else observed.delete(resolved.id);
      changed = true;
    }
    if (changed)
      updates.push({
        type: 'observed',
        source: 'events',
        observed: new Map(observed),
        at: Date.now(),
      });
  };
  void (async () => {
    try {
      const info = await stat(file);
      const handle = await open(file, 'r');
      signal.addEventListener('abort', () => void handle.close().catch(() => undefined), {
        once: true,
      });
      if (!info.isFile()) {
        // A pipe: read until it closes.
        for await (const chunk of handle.createReadStream({encoding: 'utf8'})) take(String(chunk));
        return;
      }
      let position = 0;
      const readMore = async () => {
        const buffer = Buffer.alloc(64 * 1024);
        for (;;) {
          const {bytesRead} = await handle.read(buffer, 0, buffer.length, position);
          if (bytesRead === 0) break;
          position += bytesRead;
          take(buffer.subarray(0, bytesRead).toString('utf8'));
        }
      };
      // Watch before the first read, so lines appended while it runs are not missed.
      let reading = Promise.resolve();
      const readAgain = () => {
        reading = reading.then(readMore).catch(() => undefined);
      };
      watch(file, {signal}, readAgain);
      readAgain();
    } catch (error) {
      updates.push({
        type: 'sourceError',
        source: 'events',
        message: `${file}: ${(error as Error).message}`,
        at: Date.now(),
      });
    }
  })();
  return updates;
}
