import type {Incident, MoveStory, ServiceStory} from '../../core/incident.js';
import {amount} from '../../core/format.js';

type Style = 'text' | 'markdown';

/** "2026-11-25 03:02:00Z": the journal's time, to the second. */
export const when = (iso: string) => iso.replace('T', ' ').replace(/(\.\d+)?Z$/, 'Z');

/** "4 min 12 s", "42 s", "1 h 3 min". */
export function span(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
  return `${Math.floor(s / 3600)} h${Math.floor((s % 3600) / 60) ? ` ${Math.floor((s % 3600) / 60)} min` : ''}`;
}

/** Observed changes listed before the rest are only counted (a zone takes 25,000 VMs with it). */
const observedShown = 40;

/** The incident's story as text or Markdown, the sections in the order a postmortem reads them. */
export function renderReport(story: Incident, style: Style, file: string): string {
  const out: string[] = [];
  const heading = (title: string) => {
    if (out.length > 0) out.push('');
    out.push(style === 'markdown' ? `## ${title}\n` : `${title}\n${'-'.repeat(title.length)}`);
  };
  const item = (line: string) => out.push(style === 'markdown' ? `- ${line}` : `  ${line}`);
  const code = (t: string) => (style === 'markdown' ? `\`${t.replace(/`/g, "'")}\`` : t);
  out.push(style === 'markdown' ? `# Incident report: ${code(file)}` : `Incident report: ${file}`);
  out.push('');
  const period = story.from ? `${when(story.from)} to ${when(story.to!)}` : 'no records';
  item(
    `journal: ${period}, ${story.records} record(s)${story.skipped.count > 0 ? `, ${story.skipped.count} bad line(s) skipped` : ''}`,
  );
  item(`started: ${story.start ? when(story.start) : 'no service went below OK'}`);
  item(
    `ended: ${story.end ? `${when(story.end)} (${span((Date.parse(story.end) - Date.parse(story.start!)) / 1000)})` : story.start ? 'not in the journal: a service was still below OK at its last record' : '-'}`,
  );

  heading('Observed');
  if (story.observed.length === 0) item('nothing was observed by a live source');
  for (const line of story.observed.slice(0, observedShown)) {
    const reason = line.reason ? `: ${line.reason}` : '';
    const sources = line.sources.length > 0 ? ` (${line.sources.join(', ')})` : '';
    item(`${when(line.at)}  ${line.kind} ${code(line.id)} ${line.state}${sources}${reason}`);
  }
  if (story.observed.length > observedShown)
    item(
      `… and ${story.observed.length - observedShown} more (failsight report --json lists them all)`,
    );

  heading('Announced');
  if (story.announcements.length === 0) item('no change of a service’s health was announced');
  for (const said of story.announcements) {
    const more = said.more > 0 ? ` (+${said.more} more)` : '';
    const reason = said.reason ? ` (${said.reason})` : '';
    const services = said.services.map((s) => `${s.id} ${s.before} → ${s.after}`).join(', ');
    item(`${when(said.at)}  ${code(said.lead)} ${said.state}${reason}${more} — ${services}`);
  }

  heading('Likely cause');
  if (story.likely.length === 0)
    item('not recorded: the journal holds no likely cause inferred at the time');
  for (const likely of story.likely) item(`${when(likely.at)}  ${likely.cause.join(', ')}`);

  heading('Services');
  if (story.services.length === 0) item('no analysis in the journal');
  for (const service of story.services) item(serviceLine(service, code));

  heading('Actions');
  if (story.actions.length === 0) item('none');
  for (const action of story.actions) {
    const what = action.simulated ? 'simulated' : 'ran';
    const ids = action.ids.map(code).join(', ');
    const exit =
      action.exitCode !== undefined
        ? `, exit ${action.exitCode === null ? 'none (signal)' : action.exitCode}`
        : '';
    const took =
      action.durationMs !== undefined ? `, ${(action.durationMs / 1000).toFixed(1)} s` : '';
    const about = action.description ? ` — ${action.description}` : '';
    item(`${when(action.at)}  ${action.action} ${ids} (${what}${exit}${took})${about}`);
  }

  heading('GSLB moves: predicted and observed');
  if (story.moves.length === 0) item('no GSLB had to move traffic');
  for (const move of story.moves) item(moveLine(move, code));
  return out.join('\n') + '\n';
}

function serviceLine(service: ServiceStory, code: (t: string) => string): string {
  const {worst} = service;
  const times = [
    service.downS > 0 ? `DOWN ${span(service.downS)}` : '',
    service.degradedS > 0 ? `DEGRADED ${span(service.degradedS)}` : '',
  ].filter(Boolean);
  const simulated = service.simulatedPart ? ' (partly under simulated actions)' : '';
  return `${code(service.id)}: worst ${amount(worst.served)}/${amount(service.demand)} ${worst.status} at ${when(worst.at)}; ${times.length > 0 ? times.join(', ') : 'never below OK'}${simulated}`;
}

function moveLine(move: MoveStory, code: (t: string) => string): string {
  const predicted = move.moves
    ? `predicted ${span(move.predictedS)} (detection ${span(move.detectS)} + TTL ${span(move.predictedS - move.detectS)})`
    : 'no healthy target to move to';
  const observed =
    move.observedS === undefined
      ? 'not seen back to OK in the journal'
      : `observed back to OK after ${span(move.observedS)} (at ${when(move.recoveredAt!)})`;
  return `${when(move.at)}  ${code(move.gslb)} for ${code(move.service)}: ${predicted}; ${observed}`;
}
