import chalk from 'chalk';
import type {ServiceCheck} from '../../core/check.js';
import type {ServiceDiff, TopologyDiff} from '../../core/diff.js';
import type {Tolerance} from '../../core/sweep.js';
import {printable} from '../../core/printable.js';
import {sayCore} from '../../i18n/i18n.js';
import {componentCounts, findingText, verdictLine} from './diff-words.js';
import {amount, percent, table} from '../shared/text.js';
import {append} from '../../core/append.js';

/** Where the two topologies came from, as written on the command line. */
export interface DiffSources {
  old: string;
  new: string;
}

/** Lists longer than this are cut in tables and text; markdown keeps the rest in a details block. */
const shortList = 10;

type Row = [what: string, before: string, after: string];

const none = '—';

function list(ids: readonly string[]): string {
  if (ids.length === 0) return none;
  const shown = ids.slice(0, shortList).join(', ');
  return ids.length > shortList ? `${shown} (+${ids.length - shortList} more)` : shown;
}

function toleranceCell(t: Tolerance | undefined): string {
  if (!t) return none;
  return `${t.survives ? 'yes' : 'no'} (worst ${t.worstPercent}%${t.full ? ', full' : ''})`;
}

function servedCell(check: ServiceCheck | undefined): string {
  return check ? `${amount(check.served)}/${amount(check.demand)} ${check.status}` : none;
}

function availabilityCell(check: ServiceCheck | undefined): string {
  if (!check) return none;
  const a = check.availability;
  return `${percent(a.up)} ${a.exact ? 'exact' : 'approximate'}`;
}

/** The rows of one service's before → after table, shared by text and markdown. */
export function serviceRows(service: ServiceDiff, sides: {old: string; new: string}): Row[] {
  const {before, after} = service;
  const absent = (side: string) => `not in ${side}`;
  const rows: Row[] = [
    ['strategy', before?.strategy ?? absent(sides.old), after?.strategy ?? absent(sides.new)],
    ['served', servedCell(before), servedCell(after)],
    ['single points of failure', String(before?.spof.length ?? 0), String(after?.spof.length ?? 0)],
  ];
  if (service.spofGained.length > 0) rows.push(['SPOFs gained', none, list(service.spofGained)]);
  if (service.spofLost.length > 0) rows.push(['SPOFs lost', list(service.spofLost), none]);
  for (const change of service.tolerance)
    rows.push([
      `survives one ${change.kind} failure`,
      toleranceCell(change.before),
      toleranceCell(change.after),
    ]);
  for (const zone of service.zones)
    rows.push([
      `served with zone ${zone.zone} down`,
      zone.before === undefined ? `no zone ${zone.zone}` : amount(zone.before),
      zone.after === undefined ? `no zone ${zone.zone}` : amount(zone.after),
    ]);
  rows.push(
    ['availability (up)', availabilityCell(before), availabilityCell(after)],
    [
      'downtime a year',
      before ? `~${before.availability.downtimeMinutesPerYear.toFixed(1)} min` : none,
      after ? `~${after.availability.downtimeMinutesPerYear.toFixed(1)} min` : none,
    ],
  );
  for (const f of service.failover)
    rows.push([
      `failover via ${f.gslb}`,
      f.before ? `~${f.before.totalS} s, then ${amount(f.before.capacityAfter)}` : none,
      f.after ? `~${f.after.totalS} s, then ${amount(f.after.capacityAfter)}` : none,
    ]);
  return rows.map((row) => row.map(printable) as Row);
}

function componentLines(diff: TopologyDiff): string[] {
  const {added, removed, changed, settings} = diff.components;
  const lines = [
    ...added.map((c) => `+ ${c.kind} ${c.id}`),
    ...removed.map((c) => `- ${c.kind} ${c.id}`),
    ...changed.map((c) => `~ ${c.kind} ${c.id}: ${c.fields.join(', ')}`),
  ];
  if (settings.length > 0) lines.push(`~ settings: ${settings.join(', ')}`);
  return lines.map(printable);
}

export function renderDiffText(diff: TopologyDiff, sources: DiffSources): string[] {
  const paint =
    diff.verdict === 'worse' ? chalk.red.bold : diff.verdict === 'better' ? chalk.green : chalk.dim;
  const lines = [
    `${chalk.bold('failsight diff')}  ${printable(sources.old)} → ${printable(sources.new)}`,
    paint(printable(verdictLine(diff))),
    '',
    `components: ${componentCounts(diff)}`,
  ];
  const changes = componentLines(diff);
  lines.push(...changes.slice(0, 20).map((line) => `  ${line}`));
  if (changes.length > 20) lines.push(`  … and ${changes.length - 20} more`);
  lines.push('');
  for (const service of diff.services.filter((s) => s.changed)) {
    lines.push(chalk.bold(printable(service.id)));
    lines.push(
      ...table(
        [{header: 'what'}, {header: 'before'}, {header: 'after'}],
        serviceRows(service, {old: 'OLD', new: 'NEW'}),
        '  ',
      ),
      '',
    );
  }
  const same = diff.services.filter((s) => !s.changed).map((s) => s.id);
  if (same.length > 0) lines.push(`unchanged: ${printable(list(same))}`, '');
  if (diff.findings.length > 0) {
    lines.push('findings:');
    for (const finding of diff.findings)
      lines.push(
        `  ${finding.direction === 'worse' ? chalk.red('worse ') : chalk.green('better')}  ${printable(findingText(finding))}`,
      );
  } else lines.push('findings: none');
  return lines;
}

/** Text inside a markdown table cell or heading: no pipes, no markup, no line breaks. */
function md(text: string): string {
  return printable(text).replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
}

/** Text inside a code span, where backslashes do not escape: only backticks must go. */
function code(text: string): string {
  return '`' + printable(text).replace(/`/g, "'") + '`';
}

function details(summary: string, lines: string[]): string[] {
  return ['<details>', `<summary>${md(summary)}</summary>`, '', ...lines, '', '</details>', ''];
}

/** For a pull-request comment: a summary line, a table per changed service, long lists folded. */
export function renderDiffMarkdown(diff: TopologyDiff, sources: DiffSources): string[] {
  const icon = diff.verdict === 'worse' ? '🔴' : diff.verdict === 'better' ? '🟢' : '⚪';
  const lines = [
    `${icon} **failsight diff** ${code(sources.old)} → ${code(sources.new)} — **${md(verdictLine(diff))}**`,
    '',
    `Components: ${componentCounts(diff)}.`,
    '',
  ];
  for (const service of diff.services.filter((s) => s.changed)) {
    lines.push(`#### ${md(service.id)}`, '', '| | before | after |', '|---|---|---|');
    for (const [what, before, after] of serviceRows(service, {old: 'old', new: 'new'}))
      lines.push(`| ${md(what.trim())} | ${md(before)} | ${md(after)} |`);
    lines.push('');
    const long = [
      ...(service.spofGained.length > shortList
        ? [`Single points of failure gained: ${md(service.spofGained.join(', '))}`]
        : []),
      ...(service.spofLost.length > shortList
        ? [`Single points of failure lost: ${md(service.spofLost.join(', '))}`]
        : []),
    ];
    if (long.length > 0) append(lines, details('All single points of failure', long));
  }
  const unchanged = diff.services.filter((s) => !s.changed).map((s) => s.id);
  if (unchanged.length > 0) lines.push(`Unchanged: ${md(list(unchanged))}`, '');
  const findings = diff.findings.map(
    (f) => `- ${f.direction === 'worse' ? '❌ worse' : '✅ better'}: ${md(findingText(f))}`,
  );
  if (findings.length > shortList)
    append(lines, details(`Findings (${findings.length})`, findings));
  else if (findings.length > 0) append(lines, findings).push('');
  const changes = componentLines(diff).map((line) => `- ${code(line)}`);
  if (changes.length > 0) append(lines, details(`Component changes (${changes.length})`, changes));
  return lines;
}

/** A service as `check --json` prints it: the recommendation as its English text. */
function checkJson(check: ServiceCheck) {
  return {...check, recommendation: sayCore('en', check.recommendation)};
}

/** One JSON document; the shape is documented in the readme. */
export function diffJson(diff: TopologyDiff, sources: DiffSources): unknown {
  return {
    verdict: diff.verdict,
    summary: verdictLine(diff),
    old: {source: sources.old, name: diff.before.name, unit: diff.before.unit},
    new: {source: sources.new, name: diff.after.name, unit: diff.after.unit},
    tolerance: diff.tolerancePoints,
    findings: diff.findings.map((f) => ({...f, text: findingText(f)})),
    components: diff.components,
    services: diff.services.map((s) => ({
      id: s.id,
      presence: s.presence,
      changed: s.changed,
      before: s.before ? checkJson(s.before) : null,
      after: s.after ? checkJson(s.after) : null,
      spofGained: s.spofGained,
      spofLost: s.spofLost,
      tolerance: s.tolerance.map((t) => ({
        kind: t.kind,
        before: t.before ?? null,
        after: t.after ?? null,
      })),
      zones: s.zones.map((z) => ({
        zone: z.zone,
        presence: z.presence,
        before: z.before ?? null,
        after: z.after ?? null,
      })),
      failover: s.failover.map((f) => ({
        gslb: f.gslb,
        before: f.before ?? null,
        after: f.after ?? null,
      })),
    })),
  };
}
