import {Box} from 'ink';
import type {PlanEntry} from '../analysis/plan.js';
import {sayCore, t} from '../../i18n/i18n.js';
import type {Theme} from '../theme.js';
import {amount, fit, wrapWords} from '../text.js';
import {Line} from './line.js';
import {useRowItems, type ListPlace} from './list-panel.js';
import {Panel} from './panel.js';

interface PlanPanelProps extends Pick<ListPlace, 'onRows'> {
  focused: boolean;
  entries: readonly PlanEntry[];
  index: number;
  top: number;
  theme: Theme;
  width: number;
  height: number;
}

/** "promote db-2 → shop-db 1000, shop-web 500": a failover and what each service serves after. */
export function planLine(entry: PlanEntry, theme: Theme): string {
  const changes = entry.changes.map((c) => `${c.service} ${amount(c.after)}`).join(', ');
  const line = t(theme.lang, 'plan.entry', {
    what: sayCore(theme.lang, entry.done.message),
    changes,
  });
  return line.replace(' → ', ` ${theme.glyphs.arrow} `);
}

/** The failovers available now, the most restoring first (docs/dashboard.md, `p`); Enter applies one. */
export function PlanPanel(props: PlanPanelProps) {
  const {entries, index, top, theme, width, height, focused} = props;
  const inner = width - 2;
  const rows = Math.max(0, height - 4);
  const {glyphs, lang} = theme;
  // Each entry wraps onto as many lines as it needs; the list shows from the entry at `top`.
  const lines: {text: string; selected: boolean; warns: boolean; at: number}[] = [];
  for (let at = top; at < entries.length && lines.length < rows; at++) {
    const entry = entries[at]!;
    const selected = at === index;
    const marks = [
      ...(entry.lowers ? [t(lang, 'plan.lowers')] : []),
      ...(entry.slows.length > 0
        ? [t(lang, 'plan.slows', {services: entry.slows.join(', ')})]
        : []),
    ];
    const mark = marks.map((text) => ` · ${text}`).join('');
    wrapWords(`${planLine(entry, theme)}${mark}`, inner - 1).forEach((text, part) =>
      lines.push({
        text: `${part === 0 && selected ? glyphs.cursor : ' '}${text}`,
        selected,
        warns: marks.length > 0,
        at,
      }),
    );
  }
  lines.length = Math.min(lines.length, rows);
  // An entry wrapped onto several lines is selected by a click on any of them.
  useRowItems(props, entries.length === 0 ? [] : lines.map((line) => line.at));
  return (
    <Panel
      title={t(lang, 'title.plan')}
      {...(entries.length > rows ? {aside: `${index + 1}/${entries.length}`} : {})}
      width={width}
      height={height}
      focused={focused}
      theme={theme}
    >
      <Box flexDirection="column" height={rows + 1}>
        {entries.length === 0 && (
          <Line segments={[{text: fit(t(lang, 'plan.none'), inner), tone: 'dim'}]} theme={theme} />
        )}
        {lines.map(({text, selected, warns}, at) => (
          <Line
            key={at}
            segments={[
              {
                text: fit(text, inner, 'left', glyphs.ellipsis),
                ...(selected ? {inverse: true} : {tone: warns ? 'warn' : 'plain'}),
              },
            ]}
            theme={theme}
          />
        ))}
      </Box>
      <Line segments={[{text: fit(t(lang, 'plan.hint'), inner), tone: 'dim'}]} theme={theme} />
    </Panel>
  );
}
