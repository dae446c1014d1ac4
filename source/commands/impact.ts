import chalk from 'chalk';
import {compare, countByKind, snapshot, type Impact} from '../core/analyze.js';
import type {Model} from '../core/model.js';
import {resolveComponent} from '../core/names.js';
import {usageError} from './errors.js';
import type {Invocation} from './invocation.js';
import {openTopology} from './open-topology.js';
import {runRecovery} from './plan.js';
import {emptyState} from '../core/state.js';
import {failoverWindows, type FailoverWindow} from '../core/timing.js';
import {amount, paintStatus, table} from './text.js';

/** `failsight impact [FILE] [--fail C …]`. */
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
  return runImpact(model, ids, {json: flags.json, ascii: terminal.ascii}, write);
}

export function runImpact(
  model: Model,
  failed: string[],
  options: {json: boolean; ascii: boolean},
  write: (text: string) => void,
): 0 {
  const before = snapshot(model, emptyState);
  const after = snapshot(model, {...emptyState, simulated: new Set(failed)});
  const impact = compare(model, [...new Set(failed)], before, after);
  const windows = failoverWindows(model, before, after);
  if (options.json) {
    write(
      JSON.stringify(
        {
          failed: impact.failed,
          down: impact.down,
          services: impact.services.map(({id, demand, before, after, status}) => ({
            id,
            demand,
            before,
            after,
            status,
          })),
          failover: windows,
        },
        null,
        2,
      ) + '\n',
    );
  } else write(renderImpact(model, impact, options.ascii, windows).join('\n') + '\n');
  return 0;
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
export function summarizeRadius(impact: Impact): string {
  const named = new Set(impact.failed);
  const counts = countByKind(impact.down.filter((entry) => !named.has(entry.id)));
  const parts = Object.entries(counts).map(
    ([kind, n]) => `${n} ${(names[kind] ?? [kind, `${kind}s`])[n === 1 ? 0 : 1]}`,
  );
  return parts.length > 0 ? parts.join(' · ') : 'nothing else';
}

export function renderImpact(
  model: Model,
  impact: Impact,
  ascii = false,
  windows: readonly FailoverWindow[] = [],
): string[] {
  const lines: string[] = [];
  if (impact.failed.length === 0)
    lines.push(`${chalk.bold('failsight impact')}  ${model.name}  (current state, nothing failed)`);
  else {
    lines.push(
      `${chalk.bold('failsight impact')}  ${model.name}  failing ${impact.failed.join(', ')}`,
    );
    lines.push('', `fails with it: ${summarizeRadius(impact)}`);
    const named = new Set(impact.failed);
    for (const entry of impact.down)
      lines.push(
        `  ${ascii ? 'x' : '✖'} ${entry.kind} ${entry.id}  (${named.has(entry.id) ? 'failed' : entry.cause})`,
      );
  }
  lines.push(
    '',
    ...table(
      [
        {header: 'service'},
        {header: 'demand', align: 'right'},
        {header: 'before', align: 'right'},
        {header: 'after', align: 'right'},
        {header: 'status'},
      ],
      impact.services.map((s) => [
        s.id,
        amount(s.demand),
        amount(s.before),
        amount(s.after),
        paintStatus(s.status),
      ]),
    ),
  );
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
