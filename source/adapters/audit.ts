import {appendFileSync} from 'node:fs';

/**
 * The audit journal (DESIGN §7): one JSON line per action, appended synchronously so the line
 * is on disk before the screen shows the action.
 */
export function auditJournal(file: string, now: () => Date = () => new Date()) {
  return (entry: Record<string, unknown>) => {
    appendFileSync(file, JSON.stringify({at: now().toISOString(), ...entry}) + '\n');
  };
}
