import {readJournal} from '../../adapters/journal-file.js';
import {incidentOf, type Incident} from '../../core/incident.js';
import {usageError} from '../shared/errors.js';
import type {Invocation} from '../shared/invocation.js';
import {renderReport} from './report-render.js';

export type ReportFormat = 'text' | 'markdown' | 'json';

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
