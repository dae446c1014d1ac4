import chalk from 'chalk';
import {availability} from '../core/availability.js';
import {checkExitCode, checkReport, type CheckReport, type ServiceCheck} from '../core/check.js';
import type {Model} from '../core/model.js';
import {sayCore} from '../ui/i18n.js';
import type {Invocation} from './invocation.js';
import {openTopology} from './open-topology.js';
import {amount, paintStatus, percent, table} from './text.js';

export interface CheckCommandOptions {
  json: boolean;
  includeGslb: boolean;
}

/** `failsight check [FILE]`. */
export async function checkCommand({files, flags, write}: Invocation): Promise<number> {
  const {model} = await openTopology(files[0]);
  return runCheck(model, {json: flags.json, includeGslb: flags.includeGslb}, write);
}

export function runCheck(
  model: Model,
  options: CheckCommandOptions,
  write: (text: string) => void,
): 0 | 1 {
  const report = checkReport(model, {
    includeGslb: options.includeGslb,
    availabilityOf: availability,
  });
  if (options.json) {
    // ServiceCheck is the stable JSON shape of DESIGN §5; the recommendation is its English text.
    const services = report.services.map((s) => ({
      ...s,
      recommendation: sayCore('en', s.recommendation),
    }));
    write(JSON.stringify({services}, null, 2) + '\n');
  } else write(renderCheck(report).join('\n') + '\n');
  return checkExitCode(report);
}

export function renderCheck(report: CheckReport): string[] {
  const lines = [
    `${chalk.bold('failsight check')}  ${report.name}  (capacity in ${report.unit})`,
    '',
  ];
  for (const service of report.services) lines.push(...renderService(service, report.unit), '');
  const withSpof = report.services.filter((s) => s.spof.length > 0).length;
  const down = report.services.filter((s) => s.status === 'DOWN').length;
  lines.push(
    `${report.services.length} service${report.services.length === 1 ? '' : 's'}: ` +
      `${withSpof} with a single point of failure, ${down} below minimum now`,
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

function renderService(service: ServiceCheck, unit: string): string[] {
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
    '  tolerance of one failure:',
    ...tolerance,
    `  availability: OK ${percent(a.ok)}, up ${percent(a.up)}, ` +
      `~${a.downtimeMinutesPerYear.toFixed(1)} min down a year${a.exact ? '' : ' (approximate)'}`,
  ];
  for (const f of service.failover)
    lines.push(
      `  failover via ${f.gslb}: detect ~${f.detectS} s + TTL ${f.ttlS} s = ~${f.totalS} s; ` +
        `${amount(f.capacityAfter)} ${unit} after losing its worst target`,
    );
  lines.push(`  recommendation: ${sayCore('en', service.recommendation)}`);
  return lines;
}
