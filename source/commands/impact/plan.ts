import chalk from 'chalk';
import {describeFailover} from '../../core/failover.js';
import type {PlanEntry} from '../../core/plan.js';
import {sayCore, t} from '../../i18n/i18n.js';
import type {Lang} from '../../shared/types.js';
import {amount} from '../shared/text.js';

/** "promote db-2 → shop-db 1000, shop-web 500", and the services it would make SLOW. */
export function planLine(entry: PlanEntry, lang: Lang, arrow = '→'): string {
  const changes = entry.changes.map((c) => `${c.service} ${amount(c.after)}`).join(', ');
  const slows =
    entry.slows.length > 0 ? ` · ${t(lang, 'plan.slows', {services: entry.slows.join(', ')})}` : '';
  return `${sayCore(lang, entry.done.message)} ${arrow} ${changes}${slows}`;
}

/** The failovers available now, most restoring first, as `impact --plan --json` prints them. */
export function planJson(plan: readonly PlanEntry[], lang: Lang) {
  return plan.map((entry) => ({
    id: entry.id,
    action: describeFailover(entry.done),
    text: planLine(entry, lang),
    restores: entry.restores,
    lowers: entry.lowers,
    slows: entry.slows,
    changes: entry.changes,
  }));
}

/** The same plan as text lines for the shell. */
export function planLines(plan: readonly PlanEntry[], lang: Lang, ascii: boolean): string[] {
  const lines = ['', chalk.bold('failover plan (most restoring first)')];
  if (plan.length === 0) lines.push('  no failover would restore anything now');
  const arrow = ascii ? '->' : '→';
  plan.forEach((entry, index) => lines.push(`  ${index + 1}. ${planLine(entry, lang, arrow)}`));
  return lines;
}
