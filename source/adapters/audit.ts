import {closeSync, fstatSync, ftruncateSync, openSync, writeSync} from 'node:fs';
import {redact} from './secrets.js';

/**
 * The audit journal: one JSON line per record (docs/audit-journal.md), written synchronously so the line is
 * on disk before the screen shows the action. A record is written whole or not at all: when the
 * disk fills mid-record, the file is cut back to its last complete line and the write throws, so
 * the action is refused rather than half-journaled.
 */
export function auditJournal(file: string, now: () => Date = () => new Date()) {
  // Fail at start, not at the first action: an unwritable journal is a bad command line.
  const fd = openSync(file, 'a');
  // Records written together (an observed change, its announcement, the analysis) are one
  // write: all of them or none. No credential reaches the journal, whatever text it carries.
  const all = (entries: readonly object[]) => {
    const at = now().toISOString();
    const record = Buffer.from(
      entries.map((entry) => redact(JSON.stringify({at, ...entry})) + '\n').join(''),
    );
    const start = fstatSync(fd).size;
    let written = 0;
    try {
      while (written < record.length)
        written += writeSync(fd, record, written, record.length - written);
    } catch (error) {
      if (written > 0)
        try {
          ftruncateSync(fd, start);
        } catch {
          // The cut failed too: nothing more can be done, and the action is refused all the same.
        }
      throw error;
    }
  };
  const journal = (entry: object) => all([entry]);
  journal.all = all;
  journal.close = () => closeSync(fd);
  return journal;
}
