import chalk from 'chalk';
import {compare, snapshot} from '../core/analyze.js';
import {describeFailover, failover} from '../core/failover.js';
import type {Model} from '../core/model.js';
import {failoverPlan, type PlanEntry} from '../core/plan.js';
import {emptyState, withSimulated, type FailureState} from '../core/state.js';
import {failoverWindows} from '../core/timing.js';
import {sayCore} from '../ui/i18n.js';
import type {Lang} from '../ui/types.js';
import {amount, paintStatus, table} from './text.js';

export interface RecoveryOptions {
  json: boolean;
  plan: boolean;
  lang: Lang;
  ascii: boolean;
}

export type RecoveryResult = {ok: true; code: 0 | 1} | {ok: false; message: string};

/** "promote db-2 → shop-db 1000, shop-web 500" */
export function planLine(entry: PlanEntry, lang: Lang, arrow = '→'): string {
  const changes = entry.changes.map((c) => `${c.service} ${amount(c.after)}`).join(', ');
  return `${sayCore(lang, entry.done.message)} ${arrow} ${changes}`;
}

/**
 * `impact --fail … --failover … [--plan]`: the failures, then each failover exactly as `o` does
 * it on the dashboard (the same core call, from the state the previous step left), then every
 * service before → after and, with --plan, the failovers still available, most restoring first.
 * A failover the core refuses stops the run: a runbook that no longer works should say so.
 */
export function runRecovery(
  model: Model,
  failed: readonly string[],
  failovers: readonly string[],
  options: RecoveryOptions,
  write: (text: string) => void,
): RecoveryResult {
  const before = snapshot(model, emptyState);
  let state: FailureState = withSimulated(emptyState, failed);
  const failedSnap = snapshot(model, state);
  const done: {id: string; what: string}[] = [];
  for (const id of failovers) {
    const result = failover(model, snapshot(model, state), id);
    if (!result.ok)
      return {ok: false, message: `--failover ${id}: ${sayCore('en', result.reason)}`};
    state = result.state;
    done.push({id, what: describeFailover(result)});
  }
  const after = snapshot(model, state);
  const impact = compare(model, [...new Set(failed)], before, after);
  const windows = failoverWindows(model, failedSnap, after, true);
  const plan = options.plan ? failoverPlan(model, after) : [];
  const code = impact.services.some((s) => s.status === 'DOWN') ? 1 : 0;
  if (options.json) {
    write(
      JSON.stringify(
        {
          failed: impact.failed,
          failovers: done,
          down: impact.down,
          services: impact.services.map(({id, demand, before, after, status}) => ({
            id,
            demand,
            before,
            after,
            status,
          })),
          failover: windows,
          ...(options.plan
            ? {
                plan: plan.map((entry) => ({
                  id: entry.id,
                  action: describeFailover(entry.done),
                  text: planLine(entry, options.lang),
                  restores: entry.restores,
                  lowers: entry.lowers,
                  changes: entry.changes,
                })),
              }
            : {}),
        },
        null,
        2,
      ) + '\n',
    );
    return {ok: true, code};
  }
  const lines: string[] = [];
  const what = failed.length > 0 ? `failing ${[...new Set(failed)].join(', ')}` : 'nothing failed';
  lines.push(`${chalk.bold('failsight impact')}  ${model.name}  ${what}`);
  for (const step of done) lines.push(`  failover ${step.id}: ${step.what}`);
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
  if (options.plan) {
    lines.push('', chalk.bold('failover plan (most restoring first)'));
    if (plan.length === 0) lines.push('  no failover would restore anything now');
    const arrow = options.ascii ? '->' : '→';
    plan.forEach((entry, index) =>
      lines.push(`  ${index + 1}. ${planLine(entry, options.lang, arrow)}`),
    );
  }
  write(lines.join('\n') + '\n');
  return {ok: true, code};
}
