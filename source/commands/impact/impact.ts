import chalk from 'chalk';
import {
  countByKind,
  loweredThrough,
  statusCounts,
  type Impact,
  type ServiceChange,
  type Snapshot,
} from '../../core/analyze.js';
import type {Status} from '../../core/capacity.js';
import type {Model} from '../../core/model.js';
import {
  dependencyLatencies,
  latencyChanges,
  placesText,
  slowServices,
  type LatencyChange,
} from '../../core/latency.js';
import {resolveComponent, resolveFailoverTarget} from '../../core/names.js';
import {groupNamed} from '../../core/failure-groups.js';
import {latencyShift} from '../../core/format.js';
import {usageError} from '../shared/errors.js';
import type {Invocation} from '../shared/invocation.js';
import {openTopology} from '../shared/open-topology.js';
import {planJson, planLines} from './plan.js';
import {describeFailover} from '../../core/failover.js';
import {runScenario} from '../../core/scenario.js';
import {failoverPlan} from '../../core/plan.js';
import {sayCore} from '../../i18n/i18n.js';
import type {Lang} from '../../shared/types.js';
import type {FailoverWindow} from '../../core/timing.js';
import {amount, paintStatus, table} from '../shared/text.js';

/** `failsight impact [FILE] [--fail C …] [--all] [--brief]`. */
export async function impactCommand({files, flags, terminal, write}: Invocation): Promise<number> {
  // meow gives a repeatable flag as [] when it is absent.
  const failNames = (flags.fail ?? []).flatMap((name) => name.split(',')).filter(Boolean);
  if (failNames.length === 0 && process.argv.slice(2).some((arg) => /^--fail(=|$)/.test(arg)))
    usageError('--fail needs a component, e.g. --fail zone:KR-CA');
  const {model} = await openTopology(files[0]);
  const ids = failNames.flatMap((name) => {
    // A failure group fails as its members at once.
    const group = groupNamed(model, name);
    if (group) return group.members;
    const resolved = resolveComponent(model, name);
    if (!resolved.ok) usageError(`--fail ${name}: ${resolved.message}`);
    return resolved.id;
  });
  const failovers = (flags.failover ?? []).flatMap((name) => name.split(',')).filter(Boolean);
  const targets = failovers.map((name) => {
    const resolved = resolveFailoverTarget(model, name);
    if (!resolved.ok) usageError(`--failover ${name}: ${resolved.message}`);
    return resolved.id;
  });
  const result = runImpact(
    model,
    ids,
    {
      json: flags.json,
      ascii: terminal.ascii,
      lang: terminal.lang,
      all: flags.all,
      brief: flags.brief,
      failovers: targets,
      plan: flags.plan,
    },
    write,
  );
  if (!result.ok) usageError(result.message);
  return result.code;
}

export interface ImpactOptions {
  json: boolean;
  ascii: boolean;
  /** List every service, not only those the failure changes. */
  all?: boolean;
  /** The blast radius as counts by kind, not one line per component. */
  brief?: boolean;
  lang?: Lang;
  /** After the failures, these failovers in turn, exactly as `o` does them. */
  failovers?: readonly string[];
  /** List the failovers still available after them, most restoring first. */
  plan?: boolean;
}

/** A service after the failure, with the dependencies that took it lower than its own entry serves. */
export interface ServiceAfter extends ServiceChange {
  through: string[];
}

/**
 * The failures, then each failover exactly as `o` does it on the dashboard (the same core call,
 * from the state the previous step left), then every service before → after and, with `plan`,
 * the failovers still available. A failover the core refuses stops the run: a runbook that no
 * longer works should say so. Exit 1 when a service is DOWN (below its minimum) after it all,
 * so that `impact --fail zone:KR-CA` can gate "survives KR-CA" in CI.
 */
export function runImpact(
  model: Model,
  failed: string[],
  options: ImpactOptions,
  write: (text: string) => void,
): {ok: true; code: 0 | 1} | {ok: false; message: string} {
  const lang = options.lang ?? 'en';
  const scenario = runScenario(model, failed, options.failovers);
  if (!scenario.ok)
    return {
      ok: false,
      message: `--failover ${scenario.failover}: ${sayCore('en', scenario.reason)}`,
    };
  const {impact, before, after, windows} = scenario;
  const done = scenario.failovers.map(({id, done}) => ({id, what: describeFailover(done)}));
  const plan = options.plan ? failoverPlan(model, after) : undefined;
  const services = servicesAfter(model, impact, after);
  const latency = latencyAfter(model, before, after);
  if (options.json) {
    const document = {
      ...impactJson(impact, services, windows),
      ...latencyJson(latency),
      ...(done.length > 0 ? {failovers: done} : {}),
      ...(plan ? {plan: planJson(plan, lang)} : {}),
    };
    write(JSON.stringify(document, null, 2) + '\n');
  } else {
    const lines = renderImpact(model, impact, options, windows, services, done, latency);
    if (plan) lines.push(...planLines(plan, lang, options.ascii));
    write(lines.join('\n') + '\n');
  }
  return {ok: true, code: impactExitCode(services)};
}

/** What a change does to latency: the dependencies it moves, and the services over budget after. */
export interface LatencyAfter {
  changes: LatencyChange[];
  slow: ReadonlySet<string>;
}

export function latencyAfter(model: Model, before: Snapshot, after: Snapshot): LatencyAfter {
  return {
    changes: latencyChanges(model, before, after),
    slow: slowServices(dependencyLatencies(model, after)),
  };
}

/** Added to the impact document only when something about latency is to be said. */
function latencyJson({changes, slow}: LatencyAfter) {
  if (changes.length === 0 && slow.size === 0) return {};
  return {
    slow: [...slow],
    latency: changes.map(({service, dependency, before, after}) => ({
      service,
      dependency,
      from: Object.fromEntries(after.from),
      to: Object.fromEntries(after.to),
      ms: after.ms ?? null,
      msBefore: before.ms ?? null,
      ...(after.budgetMs === undefined ? {} : {budgetMs: after.budgetMs}),
      slow: after.slow,
    })),
  };
}

/** "shop-web → shop-db now idc-guro → KR-CB: +5 ms, budget 3 ms  SLOW" */
function latencyLines({changes}: LatencyAfter): string[] {
  return changes.map(({service, dependency, before, after}) => {
    const ms = latencyShift(before.ms, after.ms) ?? 'unknown latency';
    const budget = after.budgetMs === undefined ? '' : `, budget ${amount(after.budgetMs)} ms`;
    return (
      `${service} → ${dependency} now ${placesText(after.from)} → ${placesText(after.to)}: ${ms}${budget}` +
      (after.slow ? `  ${chalk.red('SLOW')}` : '')
    );
  });
}

/** Every service after, with the dependencies that took it lower than its own entry serves. */
export function servicesAfter(model: Model, impact: Impact, after: Snapshot): ServiceAfter[] {
  return impact.services.map((change) => ({
    ...change,
    through: loweredThrough(model, after, change.id),
  }));
}

/** The impact document (docs/semantics.md); `through` names the dependencies that brought a service down. */
export function impactJson(
  impact: Impact,
  services: readonly ServiceAfter[],
  windows: readonly FailoverWindow[],
) {
  return {
    failed: impact.failed,
    down: impact.down,
    services: services.map(({id, demand, before, after, status, through}) => ({
      id,
      demand,
      before,
      after,
      status,
      through,
    })),
    failover: windows.map(({gslb, service, detectS, totalS, servedDuring, servedAfter, moves}) => ({
      gslb,
      service,
      detectS,
      totalS,
      servedDuring,
      servedAfter,
      moves,
    })),
  };
}

export function impactExitCode(services: readonly {status: Status}[]): 0 | 1 {
  return services.some((service) => service.status === 'DOWN') ? 1 : 0;
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
  const counts = statusCounts(services.map((s) => s.status));
  return (['DOWN', 'DEGRADED', 'OK'] as const)
    .map((status) => `${counts[status]} ${status}`)
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
  failovers: readonly {id: string; what: string}[] = [],
  latency: LatencyAfter = {changes: [], slow: new Set()},
): string[] {
  const lines: string[] = [];
  const what =
    impact.failed.length === 0
      ? '(current state, nothing failed)'
      : `failing ${impact.failed.join(', ')}`;
  lines.push(`${chalk.bold('failsight impact')}  ${model.name}  ${what}`);
  for (const step of failovers) lines.push(`  failover ${step.id}: ${step.what}`);
  const slow = latency.slow.size > 0 ? ` · ${latency.slow.size} SLOW` : '';
  lines.push(`services after: ${healthLine(services)}${slow}`, '');
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
          paintStatus(s.status) + (latency.slow.has(s.id) ? ` ${chalk.red('SLOW')}` : ''),
          ...(why ? [s.through.map((id) => `needs ${id} (${statusOf.get(id)})`).join(', ')] : []),
        ]),
      ),
    );
  else lines.push('no service changes');
  if (folded > 0)
    lines.push(
      `${folded} other service${folded === 1 ? '' : 's'} unchanged (--all lists ${folded === 1 ? 'it' : 'them'})`,
    );
  const moved = latencyLines(latency);
  if (moved.length > 0) lines.push('', ...moved);
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
