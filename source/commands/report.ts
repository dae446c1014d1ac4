import {readJournal} from '../adapters/journal-file.js';
import {incidentOf, type Incident} from '../core/incident.js';
import {usageError} from './errors.js';
import type {Invocation} from './invocation.js';
import {renderReport} from './report-render.js';

export type ReportFormat = 'text' | 'markdown' | 'json';

export const reportUsage = `
  Usage
    $ failsight report AUDIT.jsonl [--format text|markdown|json]

  The story of an incident from the audit journal the dashboard wrote (--audit FILE): start
  and end, what was observed when and from which source, what was announced, the likely cause
  when the journal holds one, each service's worst point and time DOWN and DEGRADED, every
  action (simulated, or a hook with its exit code and duration), and for each GSLB move the
  predicted time (detection + TTL) beside the time until the service was seen OK again.

  Options
    --format F   text (default), markdown or json
    --json       the same as --format json

  A line that is not a journal record is counted, named on stderr and skipped.
  Exit codes: 0 the report was written · 2 the journal cannot be read

  Example
    $ failsight report audit.jsonl --format markdown > postmortem.md
`;

/** `failsight report AUDIT.jsonl [--format markdown|json]`: the incident's story from its journal. */
export async function reportCommand({files, flags, write}: Invocation): Promise<number> {
  const file = files[0];
  if (file === undefined)
    usageError('report needs the audit journal: failsight report AUDIT.jsonl');
  const read = readJournal(file);
  if (!read.ok) usageError(`report: ${read.message}`);
  const format: ReportFormat = flags.json ? 'json' : ((flags.format ?? 'text') as ReportFormat);
  const story: Incident = incidentOf(read.lines);
  if (story.skipped.count > 0)
    process.stderr.write(
      `failsight: ${file}: ${story.skipped.count} line(s) skipped, not journal records (line ${story.skipped.lines.join(', ')})\n`,
    );
  write(
    format === 'json' ? JSON.stringify(story, null, 2) + '\n' : renderReport(story, format, file),
  );
  return 0;
}
