import {appendFileSync} from 'node:fs';

/**
 * The audit journal (DESIGN §7): one JSON line per action, appended synchronously so the line
 * is on disk before the screen shows the action.
 */
export function auditJournal(file: string, now: () => Date = () => new Date()) {
  // Fail at start, not at the first action: an unwritable journal is a bad command line.
  appendFileSync(file, '');
  return (entry: Record<string, unknown>) => {
    appendFileSync(file, JSON.stringify({at: now().toISOString(), ...entry}) + '\n');
  };
}
