import chalk from 'chalk';
import {availability} from '../../core/availability.js';
import {checkExitCode, checkReport, type CheckReport, type ServiceCheck} from '../../core/check.js';
import {maxCutOrder} from '../../core/cut-sets.js';
import type {Model} from '../../core/model.js';
import {sayCore} from '../../i18n/i18n.js';
import {usageError} from '../shared/errors.js';
import type {Invocation} from '../shared/invocation.js';
import {openTopology} from '../shared/open-topology.js';
import {duration, roundTrip} from '../../core/format.js';
import {amount, minutes, paintStatus, percent, table} from '../shared/text.js';

export interface CheckCommandOptions {
  json: boolean;
  includeGslb: boolean;
  /** Minimal cut sets up to this order (1: the single points only). */
  order?: number;
}

/** `failsight check [FILE]`. */
export async function checkCommand({files, flags, write}: Invocation): Promise<number> {
  const order = cutOrder(flags.order);
  const {model} = await openTopology(files[0]);
  return runCheck(model, {json: flags.json, includeGslb: flags.includeGslb, order}, write);
}

/** `--order K`: 1 (the default), 2 or 3; anything else is a usage error naming the flag. */
export function cutOrder(value: string | undefined): number {
  if (value === undefined) return 1;
  const order = /^[1-9]$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (order >= 1 && order <= maxCutOrder) return order;
  usageError(`--order takes 1, 2 or ${maxCutOrder} (got "${value}")`);
}

export function runCheck(
  model: Model,
  options: CheckCommandOptions,
  write: (text: string) => void,
): 0 | 1 {
  const report = checkReport(model, {
    includeGslb: options.includeGslb,
    order: options.order ?? 1,
    availabilityOf: availability,
  });
  if (options.json) {
    // ServiceCheck is the stable JSON shape of `check --json` (docs/semantics.md); the recommendation is its English text.
    const services = report.services.map((s) => ({
      ...s,
      recommendation: sayCore('en', s.recommendation),
    }));
    write(JSON.stringify({services}, null, 2) + '\n');
  } else write(renderCheck(report).join('\n') + '\n');
  return checkExitCode(report);
}

function renderCheck(report: CheckReport): string[] {
  const lines = [
    `${chalk.bold('failsight check')}  ${report.name}  (capacity in ${report.unit})`,
    '',
  ];
  for (const service of report.services)
    lines.push(...renderService(service, report.unit, report.order), '');
  const withSpof = report.services.filter((s) => s.spof.length > 0).length;
  const down = report.services.filter((s) => s.status === 'DOWN').length;
  const withCut = report.services.filter((s) => (s.cuts ?? []).some((c) => c.length > 1)).length;
  lines.push(
    `${report.services.length} service${report.services.length === 1 ? '' : 's'}: ` +
      `${withSpof} with a single point of failure, ${down} below minimum now` +
      (report.order > 1 ? `, ${withCut} with a cut of ${failures(report.order)}` : ''),
  );
  return lines;
}

function list(ids: string[]): string {
  if (ids.length === 0) return chalk.dim('none');
  const shown = ids.slice(0, 12).join(', ');
  return ids.length > 12 ? `${shown}, … (${ids.length - 12} more)` : shown;
}

function yesNo(value: boolean): string {
  return value ? chalk.green('yes') : chalk.red('no');
}

/** "2 failures", "2–3 failures": the sizes of cut beyond the single points. */
function failures(order: number): string {
  return `${order === 2 ? '2' : `2–${order}`} failures`;
}

/** The cuts of more than one failure: their count by kinds, then the first of them. */
function renderCuts(service: ServiceCheck, order: number): string[] {
  const many = (service.cuts ?? []).filter((cut) => cut.length > 1);
  const counts = Object.entries(service.cutCounts ?? {});
  const total = counts.reduce((sum, [, count]) => sum + count, 0);
  const head = `  cuts of ${failures(order)}: `;
  if (total === 0)
    return [
      head +
        chalk.dim('none') +
        (service.spof.length === 0 && service.status !== 'DOWN'
          ? ` (survives any ${order === 2 ? 'two' : 'three'} failures)`
          : ''),
    ];
  const shown = many.slice(0, 12).map((cut) => `{${cut.join(', ')}}`);
  if (total > shown.length) shown.push(`… (${total - shown.length} more)`);
  return [
    head + chalk.red(`${total}`) + ` (${counts.map(([kinds, n]) => `${kinds}: ${n}`).join(' · ')})`,
    `    ${shown.join(', ')}`,
  ];
}

/** "most gained by making lb-app redundant: 99.6200% → 99.9500%", then the next ones. */
function renderImprovement(service: ServiceCheck): string[] {
  const [best, ...next] = service.improvement;
  if (!best) return [];
  // Gains that would print as +0.0000% say nothing.
  const then = next
    .filter((i) => i.gain >= 5e-7)
    .slice(0, 2)
    .map((i) => `${i.id} +${percent(i.gain)}`);
  return [
    `  most gained by making ${best.id} redundant: ${percent(best.up)} → ${percent(best.upIfPerfect)}` +
      (then.length > 0 ? `; then ${then.join(', ')}` : ''),
  ];
}

const mark = (ok: boolean) => (ok ? chalk.green('✓') : chalk.red('✗'));

/** Each dependency's round trip now and, where a zone or site failure breaks it, then. */
function renderLatency(service: ServiceCheck): string[] {
  return (service.latency ?? []).map((l) => {
    const budget = l.budgetMs === undefined ? '' : ` (budget ${amount(l.budgetMs)} ms)`;
    const now =
      `  latency to ${l.dependency}: ${roundTrip(l.ms)}${budget}` +
      (l.budgetMs === undefined || l.ms === null ? '' : ` ${mark(!l.slow)}`) +
      (l.slow ? ` ${chalk.red('SLOW')}` : '');
    const broken = (service.latencyBreaches ?? [])
      .filter((b) => b.dependency === l.dependency)
      .map((b) => `with ${b.failed} down: ${roundTrip(b.ms)} ${mark(false)} ${chalk.red('SLOW')}`);
    return [now, ...broken].join('; ');
  });
}

/** The recovery-time target against the GSLB's failover time. */
function renderRecovery(service: ServiceCheck): string[] {
  const r = service.rto;
  if (!r) return [];
  return [
    `  recovery via ${r.gslb}: recovers in ~${amount(r.recoversInS)} s ${mark(r.met)} rto ${duration(r.targetS)}` +
      ` (losing ${r.recovers.join(', ')})`,
  ];
}

function renderService(service: ServiceCheck, unit: string, order: number): string[] {
  const head =
    `${chalk.bold(service.id)}  ${service.strategy}  ` +
    `${amount(service.served)}/${amount(service.demand)} ${unit} served  ${paintStatus(service.status)}`;
  const tolerance = table(
    [
      {header: 'failure'},
      {header: 'survives'},
      {header: 'full'},
      {header: 'worst', align: 'right'},
    ],
    Object.entries(service.tolerance).map(([kind, t]) => [
      kind,
      yesNo(t.survives),
      yesNo(t.full),
      `${t.worstPercent}%`,
    ]),
    '    ',
  );
  const a = service.availability;
  const lines = [
    head,
    `  single points of failure: ${service.spof.length > 0 ? chalk.red(list(service.spof)) : list(service.spof)}`,
    `  weak points (lower, not down): ${list(service.weak)}`,
    ...(order > 1 ? renderCuts(service, order) : []),
    '  tolerance of one failure:',
    ...tolerance,
    `  availability: OK ${percent(a.ok)}, up ${percent(a.up)}, ` +
      `~${minutes(a.downtimeMinutesPerYear)} min down a year${a.exact ? '' : ' (approximate)'}`,
    ...renderImprovement(service),
  ];
  for (const f of service.failover)
    lines.push(
      `  failover via ${f.gslb}: detect ~${f.detectS} s + TTL ${f.ttlS} s = ~${f.totalS} s; ` +
        `${amount(f.capacityAfter)} ${unit} after losing its worst target`,
    );
  lines.push(...renderLatency(service), ...renderRecovery(service));
  lines.push(`  recommendation: ${sayCore('en', service.recommendation)}`);
  return lines;
}
