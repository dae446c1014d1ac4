import type {Model} from './model.js';
import {printable} from './printable.js';

/** What a live source tells the dashboard: a new topology, a new set of observed failures, or a problem. */
export type LiveUpdate =
  | {type: 'model'; model: Model}
  | {type: 'observed'; observed: ReadonlyMap<string, string>}
  | {type: 'error'; message: string}
  /** A polled source's full snapshot, replacing its previous one. */
  | {
      type: 'observed';
      source: string;
      observed: ReadonlyMap<string, string>;
      unknown?: ReadonlySet<string>;
      at: number;
    }
  /** A poll that failed: shown with the last good time; the state it gave stays. */
  | {type: 'sourceError'; source: string; message: string; at: number};

export interface EventLine {
  id: string;
  state: 'down' | 'up';
  at?: string;
  reason?: string;
}

/** One line of an events stream (DESIGN §5); undefined with a reason when it is not one. */
export function parseEventLine(
  line: string,
): {ok: true; event: EventLine} | {ok: false; reason: string} {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return {ok: false, reason: 'not JSON'};
  }
  if (typeof value !== 'object' || value === null) return {ok: false, reason: 'not an object'};
  const record = value as Record<string, unknown>;
  if (typeof record['id'] !== 'string' || record['id'] === '')
    return {ok: false, reason: 'no "id"'};
  if (record['state'] !== 'down' && record['state'] !== 'up')
    return {ok: false, reason: '"state" is neither "down" nor "up"'};
  const event: EventLine = {id: record['id'], state: record['state']};
  if (typeof record['at'] === 'string') event.at = record['at'];
  // A reason is shown as it came, escaped: it is the stream's text, not the dashboard's.
  if (typeof record['reason'] === 'string') event.reason = printable(record['reason']);
  return {ok: true, event};
}
