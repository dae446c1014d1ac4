import {Box} from 'ink';
import {commandLine} from '../../core/hooks.js';
import {shown as printable} from '../../core/live.js';
import {t} from '../../i18n/i18n.js';
import type {Segment} from '../segments.js';
import type {HookRun} from '../state/types.js';
import type {Theme} from '../theme.js';
import type {Lang} from '../../shared/types.js';
import {clockOf, fit} from '../text.js';
import {Line} from './line.js';
import {useRowItems, type ListPlace} from './list-panel.js';
import {Panel} from './panel.js';

interface HooksPanelProps extends Pick<ListPlace, 'onRows'> {
  focused: boolean;
  runs: readonly HookRun[];
  /** The selected run (→ reads it whole) and the first run shown. */
  index?: number;
  top?: number;
  theme: Theme;
  width: number;
  height: number;
}

export function outcomeText(lang: Lang, run: HookRun): {text: string; ok: boolean} {
  const outcome = run.outcome;
  if (!outcome) return {text: t(lang, 'hooks.running'), ok: true};
  const seconds = (outcome.durationMs / 1000).toFixed(1);
  if (outcome.error !== undefined)
    return {text: t(lang, 'hooks.notStarted', {error: printable(outcome.error)}), ok: false};
  if (outcome.timedOut) return {text: t(lang, 'hooks.killed', {seconds}), ok: false};
  if (outcome.exitCode === null)
    return {text: t(lang, 'hooks.signal', {signal: outcome.signal ?? '?', seconds}), ok: false};
  return {
    text: t(lang, 'hooks.exited', {code: outcome.exitCode, seconds}),
    ok: outcome.exitCode === 0,
  };
}

/** The hooks run, newest first: the command, how it ended, and the newest one's last output lines. */
export function HooksPanel(props: HooksPanelProps) {
  const {runs, index: selected = 0, top = 0, theme, width, height, focused} = props;
  const {lang, glyphs} = theme;
  const inner = width - 2;
  const rows = Math.max(1, height - 2);
  const lines: Segment[] = [];
  // The run each line tells of: its command, how it ended, its output.
  const items: number[] = [];
  runs.slice(top).forEach((run, offset) => {
    const index = top + offset;
    const add = (segment: Segment) => {
      lines.push(segment);
      items.push(index);
    };
    const {text, ok} = outcomeText(lang, run);
    const command = printable(commandLine(run.hook), inner * 2);
    const mark = index === selected ? glyphs.cursor : ' ';
    add({
      text: `${mark}${clockOf(run.at)} ${command}`,
      tone: 'strong',
      ...(index === selected ? {inverse: true} : {}),
    });
    add({text: `  ${text}`, tone: run.outcome ? (ok ? 'ok' : 'bad') : 'warn'});
    if (index > 0 || !run.outcome) return;
    const output = run.outcome.output.split('\n').filter((line) => line.trim() !== '');
    const room = Math.max(0, rows - 3 - (runs.length - 1) * 2);
    for (const line of output.slice(-room)) add({text: `  ${printable(line, inner)}`, tone: 'dim'});
    if (run.outcome.dropped > 0)
      add({text: `  ${t(lang, 'hooks.dropped', {n: run.outcome.dropped})}`, tone: 'dim'});
  });
  useRowItems(props, items.slice(0, rows));
  if (lines.length === 0) lines.push({text: t(lang, 'hooks.empty'), tone: 'dim'});
  return (
    <Panel
      title={t(lang, 'title.hooks')}
      width={width}
      height={height}
      focused={focused}
      theme={theme}
    >
      <Box flexDirection="column" height={rows}>
        {lines.slice(0, rows).map((segment, position) => (
          <Line
            key={position}
            segments={[{...segment, text: fit(segment.text, inner, 'left', glyphs.ellipsis)}]}
            theme={theme}
          />
        ))}
      </Box>
    </Panel>
  );
}
