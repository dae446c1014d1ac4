import {commandLine} from '../../core/hooks.js';
import {printable} from '../../core/printable.js';
import type {Analysis} from '../analysis/analysis.js';
import {diffOf, findingMessage} from '../analysis/diff-items.js';
import {planOf} from '../analysis/plan.js';
import {sweepItems} from '../analysis/sweep-items.js';
import {kindWord, say, statusWord, t, type MessageId} from '../../i18n/i18n.js';
import type {DashboardState} from '../state/types.js';
import type {Theme, Tone} from '../theme.js';
import {clockOf} from '../text.js';
import {outcomeText} from './hooks-panel.js';
import {entryHead, entryReasons} from './live-text.js';
import {planLine} from './plan-panel.js';
import {adviceFor, slowText} from './sweep-panel.js';

/** One paragraph of a detail: wrapped to the panel, continued at its indent. */
export interface DetailLine {
  text: string;
  tone?: Tone;
  indent?: number;
}

export interface Detail {
  title: string;
  lines: DetailLine[];
}

/**
 * The selected entry of the open list, whole: nothing the list line cut is left out. Text
 * that came from outside (reasons, commands, output) is escaped here once more, which leaves
 * text escaped already as it was.
 */
export function listDetail(
  state: DashboardState,
  analysis: Analysis,
  theme: Theme,
  now: number,
): Detail | undefined {
  const {lang, glyphs} = theme;
  const index = state.list.index;
  const title = (id: MessageId, subject?: string) =>
    subject ? `${t(lang, id)}${glyphs.dot}${printable(subject)}` : t(lang, id);
  switch (state.panel) {
    case 'events': {
      const entry = state.sources.history[index];
      if (!entry) return undefined;
      const mark =
        entry.state === 'down' ? glyphs.downLive : entry.state === 'up' ? glyphs.up : '?';
      const tone: Tone = entry.state === 'down' ? 'bad' : entry.state === 'up' ? 'ok' : 'warn';
      const reasons = entryReasons(entry);
      return {
        title: title('title.events', entry.id),
        lines: [
          {
            text: `${clockOf(entry.at)} ${mark} ${entryHead(lang, entry, state.sources, now)}`,
            tone,
          },
          ...(reasons.length > 0
            ? [
                {text: t(lang, 'detail.reasons'), tone: 'dim' as const},
                ...reasons.map((reason) => ({text: printable(reason), indent: 2})),
              ]
            : []),
        ],
      };
    }
    case 'hooks': {
      const run = state.hooks.runs[index];
      if (!run) return undefined;
      const {text, ok} = outcomeText(lang, run);
      const output = run.outcome?.output.split('\n') ?? [];
      while (output.length > 0 && output.at(-1)!.trim() === '') output.pop();
      const dropped = run.outcome?.dropped ?? 0;
      return {
        title: title('title.hooks', run.hook.id),
        lines: [
          {text: `${clockOf(run.at)} ${printable(commandLine(run.hook))}`, tone: 'strong'},
          {text, tone: run.outcome ? (ok ? 'ok' : 'bad') : 'warn'},
          ...(run.outcome
            ? [
                {
                  text: t(lang, output.length > 0 ? 'detail.output' : 'detail.noOutput'),
                  tone: 'dim' as const,
                },
                ...output.map((line) => ({text: printable(line), indent: 2})),
              ]
            : []),
          ...(dropped > 0
            ? [{text: t(lang, 'hooks.dropped', {n: dropped}), tone: 'dim' as const}]
            : []),
        ],
      };
    }
    case 'plan': {
      const entry = planOf(state)[index];
      if (!entry) return undefined;
      return {
        title: title('title.plan', entry.id),
        lines: [
          {text: planLine(entry, theme)},
          ...(entry.lowers ? [{text: t(lang, 'plan.lowers'), tone: 'warn' as const}] : []),
        ],
      };
    }
    case 'diff': {
      const finding = diffOf(state)?.findings[index];
      if (!finding) return undefined;
      const worse = finding.direction === 'worse';
      return {
        title: title('title.diff', finding.component),
        lines: [
          {text: t(lang, worse ? 'diff.worse' : 'diff.better'), tone: worse ? 'bad' : 'ok'},
          {text: say(lang, findingMessage(finding))},
        ],
      };
    }
    case 'sweep': {
      const items = sweepItems(analysis);
      const item = items[index];
      if (!item) return undefined;
      const head =
        item.type === 'service'
          ? {
              text: `${item.id} ${statusWord(lang, item.status)} · ${item.strategy}`,
              tone: 'strong' as const,
            }
          : item.type === 'pair'
            ? {text: `${item.ids.join(' + ')} · ${item.service}`, tone: 'bad' as const}
            : item.type === 'slow'
              ? {text: `${item.service}: ${slowText(item, theme)}`, tone: 'warn' as const}
              : {
                  text: `${t(lang, item.type === 'spof' ? 'sweep.spof' : 'sweep.weak')} ${kindWord(lang, item.kind)} ${item.id} · ${item.service}`,
                  tone: item.type === 'spof' ? ('bad' as const) : ('warn' as const),
                };
      const advice = adviceFor(items, index, theme);
      return {
        title: title('title.sweep', item.id),
        lines: [head, ...(advice ? [{text: advice}] : [])],
      };
    }
    default:
      return undefined;
  }
}
