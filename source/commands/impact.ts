import chalk from 'chalk';
import {
  compare,
  countByKind,
  snapshot,
  type Impact,
  type ServiceChange,
  type Snapshot,
} from '../core/analyze.js';
import type {Status} from '../core/capacity.js';
import type {Model, Service} from '../core/model.js';
import {resolveComponent} from '../core/names.js';
import {usageError} from './errors.js';
import type {Invocation} from './invocation.js';
import {openTopology} from './open-topology.js';
import {runRecovery} from './plan.js';
import {emptyState} from '../core/state.js';
import {failoverWindows, type FailoverWindow} from '../core/timing.js';
import {amount, paintStatus, table} from './text.js';

/** `failsight impact [FILE] [--fail C …] [--all] [--brief]`. */
export async function impactCommand({files, flags, terminal, write}: Invocation): Promise<number> {
  // meow gives a repeatable flag as [] when it is absent.
  const failNames = (flags.fail ?? []).flatMap((name) => name.split(',')).filter(Boolean);
  if (failNames.length === 0 && process.argv.slice(2).some((arg) => /^--fail(=|$)/.test(arg)))
    usageError('--fail needs a component, e.g. --fail zone:KR-CA');
  const {model} = await openTopology(files[0]);
  const ids = failNames.map((name) => {
    const resolved = resolveComponent(model, name);
    if (!resolved.ok) usageError(`--fail ${name}: ${resolved.message}`);
    return resolved.id;
  });
  const failovers = (flags.failover ?? []).flatMap((name) => name.split(',')).filter(Boolean);
  if (failovers.length > 0 || flags.plan) {
    const targets = failovers.map((name) => {
      const resolved = resolveComponent(model, name);
      if (!resolved.ok) usageError(`--failover ${name}: ${resolved.message}`);
      return resolved.id;
    });
    const {lang, ascii} = terminal;
    const options = {json: flags.json, plan: flags.plan, lang, ascii};
    const result = runRecovery(model, ids, targets, options, write);
    if (!result.ok) usageError(result.message);
    return result.code;
  }
  const options = {json: flags.json, ascii: terminal.ascii, all: flags.all, brief: flags.brief};
  return runImpact(model, ids, options, write);
}

export interface ImpactOptions {
  json: boolean;
  ascii: boolean;
  /** List every service, not only those the failure changes. */
  all?: boolean;
  /** The blast radius as counts by kind, not one line per component. */
  brief?: boolean;
}

/** A service after the failure, with the dependencies that took it lower than its own entry serves. */
export interface ServiceAfter extends ServiceChange {
  through: string[];
}

/**
 * Exit 1 when a service is DOWN (below its minimum) after the failure, so that
 * `impact --fail zone:KR-CA` can gate "survives KR-CA" in CI.
 */
export function runImpact(
  model: Model,
  failed: string[],
  options: ImpactOptions,
  write: (text: string) => void,
): 0 | 1 {
  const before = snapshot(model, emptyState);
  const after = snapshot(model, {...emptyState, simulated: new Set(failed)});
  const impact = compare(model, [...new Set(failed)], before, after);
  const windows = failoverWindows(model, before, after);
  const services = impact.services.map((change) => ({
    ...change,
    through: loweredThrough(model, after, change.id),
  }));
  if (options.json) {
    write(
      JSON.stringify(
        {
          failed: impact.failed,
          down: impact.down,
          // DESIGN §5's fields first; `through` names the dependencies that brought it down.
          services: services.map(({id, demand, before, after, status, through}) => ({
            id,
            demand,
            before,
            after,
            status,
            through,
          })),
          failover: windows,
        },
        null,
        2,
      ) + '\n',
    );
  } else write(renderImpact(model, impact, options, windows, services).join('\n') + '\n');
  return impactExitCode(services);
}

function impactExitCode(services: readonly {status: Status}[]): 0 | 1 {
  return services.some((service) => service.status === 'DOWN') ? 1 : 0;
}

/** The dependencies serving less than their demand after, when they lower `serviceId` below what its entry serves. */
function loweredThrough(model: Model, after: Snapshot, serviceId: string): string[] {
  const service = model.components.get(serviceId) as Service;
  const own = after.evaluation.entry.get(serviceId) ?? 0;
  if ((after.evaluation.served.get(serviceId) ?? 0) >= own) return [];
  return service.dependsOn.filter((id) => {
    const dependency = model.components.get(id) as Service;
    return dependency.demand > 0 && (after.evaluation.served.get(id) ?? 0) < dependency.demand;
  });
}

const names: Record<string, [string, string]> = {
  vm: ['VM', 'VMs'],
  lb: ['LB', 'LBs'],
  gslb: ['GSLB', 'GSLBs'],
  router: ['router', 'routers'],
  zone: ['zone', 'zones'],
  site: ['site', 'sites'],
  account: ['account', 'accounts'],
};

/** "2 routers · 4 VMs · 1 LB": what fails with the named components, not counting them. */
function summarizeRadius(impact: Impact): string {
  const named = new Set(impact.failed);
  const counts = countByKind(impact.down.filter((entry) => !named.has(entry.id)));
  const parts = Object.entries(counts).map(
    ([kind, n]) => `${n} ${(names[kind] ?? [kind, `${kind}s`])[n === 1 ? 0 : 1]}`,
  );
  return parts.length > 0 ? parts.join(' · ') : 'nothing else';
}

/** Changed by the failure: it serves another amount, or its status moved. */
function affected(service: ServiceChange): boolean {
  return service.after !== service.before || service.status !== service.statusBefore;
}

/** "2 DOWN · 1 DEGRADED · 14 OK" after the failure. */
function healthLine(services: readonly ServiceChange[]): string {
  const count = (status: Status) => services.filter((s) => s.status === status).length;
  return (['DOWN', 'DEGRADED', 'OK'] as const)
    .map((status) => `${count(status)} ${status}`)
    .join(' · ');
}

/**
 * The incident channel's view: the health after, the services the failure changes (with why,
 * when a dependency took them down), the rest as a count, then what fails with it.
 */
export function renderImpact(
  model: Model,
  impact: Impact,
  options: Pick<ImpactOptions, 'ascii' | 'all' | 'brief'> = {ascii: false},
  windows: readonly FailoverWindow[] = [],
  services: readonly ServiceAfter[] = impact.services.map((s) => ({...s, through: []})),
): string[] {
  const lines: string[] = [];
  const what =
    impact.failed.length === 0
      ? '(current state, nothing failed)'
      : `failing ${impact.failed.join(', ')}`;
  lines.push(`${chalk.bold('failsight impact')}  ${model.name}  ${what}`);
  lines.push(`services after: ${healthLine(services)}`, '');
  // Changed services first; the rest listed after them with --all, else only counted.
  const changed = impact.failed.length === 0 ? services : services.filter(affected);
  const rest = services.filter((s) => !changed.includes(s));
  const shown = options.all ? [...changed, ...rest] : changed;
  const folded = services.length - shown.length;
  const why = shown.some((s) => s.through.length > 0);
  const statusOf = new Map(services.map((s) => [s.id, s.status]));
  if (shown.length > 0)
    lines.push(
      ...table(
        [
          {header: 'service'},
          {header: 'demand', align: 'right'},
          {header: 'before', align: 'right'},
          {header: 'after', align: 'right'},
          {header: 'status'},
          ...(why ? [{header: 'why'}] : []),
        ],
        shown.map((s) => [
          s.id,
          amount(s.demand),
          amount(s.before),
          amount(s.after),
          paintStatus(s.status),
          ...(why ? [s.through.map((id) => `needs ${id} (${statusOf.get(id)})`).join(', ')] : []),
        ]),
      ),
    );
  else lines.push('no service changes');
  if (folded > 0)
    lines.push(
      `${folded} other service${folded === 1 ? '' : 's'} unchanged (--all lists ${folded === 1 ? 'it' : 'them'})`,
    );
  if (impact.failed.length > 0) {
    lines.push('', `fails with it: ${summarizeRadius(impact)}`);
    if (!options.brief) {
      const named = new Set(impact.failed);
      for (const entry of impact.down)
        lines.push(
          `  ${options.ascii ? 'x' : '✖'} ${entry.kind} ${entry.id}  (${named.has(entry.id) ? 'failed' : entry.cause})`,
        );
    }
  }
  if (windows.length > 0) lines.push('');
  for (const w of windows)
    lines.push(
      !w.moves
        ? `GSLB ${w.gslb} notices after ~${w.detectS} s, but has no healthy target left for ${w.service}`
        : `GSLB ${w.gslb} moves ${w.service}'s traffic after ~${w.totalS} s ` +
            `(detect ${w.detectS} s + TTL ${w.totalS - w.detectS} s): ` +
            `it serves ${amount(w.servedDuring)} until then, ${amount(w.servedAfter)} after`,
    );
  return lines;
}
