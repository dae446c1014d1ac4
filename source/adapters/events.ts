import {parseEventLine, type LiveUpdate} from '../core/live.js';
import type {Model} from '../core/model.js';
import {resolveComponent} from '../core/names.js';
import {channel} from './channel.js';
import {followFile} from './follow.js';
import {LineSplitter, maxLineBytes} from './lines.js';

/**
 * Follows a JSON-lines stream of {"id","state"} events (a file that grows, is rotated or
 * truncated, or a pipe) as source `events`: each change yields the full set of components
 * observed down. Bad lines are counted and reported, never fatal.
 */
export function followEvents(
  file: string,
  model: () => Model,
  signal: AbortSignal,
  checkMs?: number,
): AsyncIterable<LiveUpdate> {
  const updates = channel<LiveUpdate>(signal);
  const observed = new Map<string, string>();
  // Every component the stream has named: up until it says down.
  const watched = new Set<string>();
  const splitter = new LineSplitter();
  let bad = 0;
  let lineNumber = 0;
  // After a (re)start the next catch-up says the stream is good again, even with no new line.
  let pending = false;
  const badLine = (why: string) => {
    bad++;
    updates.push({
      type: 'badLine',
      source: 'events',
      count: bad,
      at: Date.now(),
      message: `${file}:${lineNumber}: ${why} (${bad} bad line${bad === 1 ? '' : 's'} so far)`,
    });
  };
  const snapshot = () =>
    updates.push({
      type: 'observed',
      source: 'events',
      observed: new Map(observed),
      watched: new Set(watched),
      at: Date.now(),
    });
  const take = (bytes: Buffer) => {
    let changed = false;
    for (const piece of splitter.push(bytes)) {
      lineNumber++;
      if (piece.type === 'tooLong') {
        badLine(`a line longer than ${maxLineBytes} bytes, skipped`);
        continue;
      }
      if (piece.text.trim() === '') continue;
      const parsed = parseEventLine(piece.text);
      if (!parsed.ok) {
        badLine(parsed.reason);
        continue;
      }
      const resolved = resolveComponent(model(), parsed.event.id);
      if (!resolved.ok) {
        badLine(resolved.message);
        continue;
      }
      watched.add(resolved.id);
      if (parsed.event.state === 'down')
        observed.set(resolved.id, parsed.event.reason ?? 'observed down');
      else observed.delete(resolved.id);
      changed = true;
    }
    if (changed) {
      pending = false;
      snapshot();
    }
  };
  void followFile(
    file,
    signal,
    {
      chunk: take,
      restart: (why) => {
        splitter.reset();
        lineNumber = 0;
        if (why !== '')
          updates.push({
            type: 'sourceNotice',
            source: 'events',
            message: `${file}: ${why}`,
            at: Date.now(),
          });
        // The stream is readable again: the state it gave stands until new lines change it.
        pending = true;
      },
      caughtUp: () => {
        if (!pending) return;
        pending = false;
        snapshot();
      },
      problem: (why) =>
        updates.push({
          type: 'sourceError',
          source: 'events',
          message: `${file}: ${why}`,
          at: Date.now(),
        }),
    },
    checkMs,
  );
  return updates;
}
