import {Box} from 'ink';
import type {SweepItem} from '../analysis/sweep-items.js';
import type {Kind} from '../../core/kinds.js';
import {kindWord, sayCore, statusWord, t} from '../../i18n/i18n.js';
import type {Segment} from '../segments.js';
import {statusTone, type Theme} from '../theme.js';
import {amount, fit, widthOf, wrapWords} from '../text.js';
import {Line} from './line.js';
import {useRowItems, type ListPlace} from './list-panel.js';
import {Panel} from './panel.js';

interface SweepPanelProps extends Pick<ListPlace, 'onRows'> {
  items: readonly SweepItem[];
  index: number;
  top: number;
  theme: Theme;
  width: number;
  height: number;
  /** It has the keys; Tab gives them to the tree while it stays open. */
  focused: boolean;
}

function itemLine(item: SweepItem, selected: boolean, theme: Theme, width: number): Segment[] {
  const {glyphs, lang} = theme;
  const cursor = selected ? glyphs.cursor : ' ';
  let segments: Segment[];
  if (item.type === 'service') {
    // A service down now has no single failure left to take it down: say so, not "none".
    const counts =
      item.status === 'DOWN'
        ? t(lang, 'sweep.alreadyDown')
        : item.spof + item.weak === 0
          ? t(lang, 'sweep.none')
          : t(lang, 'sweep.counts', {spof: item.spof, weak: item.weak});
    segments = [
      {text: `${cursor}${item.id}  `, tone: 'strong'},
      {text: statusWord(lang, item.status), tone: statusTone(item.status)},
      {text: `  ${item.strategy} · ${counts}`, tone: 'dim'},
    ];
  } else if (item.type === 'pair') {
    const word = fit(t(lang, 'sweep.pair'), 6);
    const name = (at: 0 | 1) =>
      `${item.kinds[at] === 'group' ? t(lang, 'sweep.group') : kindWord(lang, item.kinds[at] as Kind)} ${item.ids[at]}`;
    segments = [
      {text: `${cursor}   ${glyphs.downLive} `, tone: 'bad'},
      {text: `${word} `, tone: 'bad'},
      {text: `${name(0)} + ${name(1)}`},
    ];
  } else if (item.type === 'slow') {
    const word = fit(t(lang, 'status.SLOW'), 6);
    segments = [
      {text: `${cursor}   ${glyphs.warning} `, tone: 'warn'},
      {text: `${word} `, tone: 'warn'},
      {text: slowText(item, theme)},
    ];
  } else {
    const spof = item.type === 'spof';
    const glyph = spof ? glyphs.downLive : glyphs.partial;
    const word = fit(t(lang, spof ? 'sweep.spof' : 'sweep.weak'), 6);
    segments = [
      {text: `${cursor}   ${glyph} `, tone: spof ? 'bad' : 'warn'},
      {text: `${word} `, tone: spof ? 'bad' : 'warn'},
      {text: `${kindWord(lang, item.kind)} ${item.id}`},
    ];
  }
  const plain = segments.map((segment) => segment.text).join('');
  if (selected) return [{text: fit(plain, width, 'left', glyphs.ellipsis), inverse: true}];
  if (widthOf(plain) > width) return [{text: fit(plain, width, 'left', glyphs.ellipsis)}];
  return [...segments, {text: ' '.repeat(width - widthOf(plain))}];
}

/** "zone KR-CA down: → shop-db 5 ms, budget 3 ms": a dependency over budget after one failure. */
export function slowText(item: Extract<SweepItem, {type: 'slow'}>, theme: Theme): string {
  return t(theme.lang, 'sweep.slow', {
    kind: kindWord(theme.lang, item.kind),
    id: item.id,
    arrow: theme.glyphs.arrow,
    dependency: item.dependency,
    ms: amount(item.ms),
    budget: amount(item.budgetMs),
  });
}

/** Lines under the list for the selected service's recommendation; the list is that much shorter. */
export const adviceLines = 3;

function advice(text: string, width: number, theme: Theme): string[] {
  const lines = wrapWords(text, width).slice(0, adviceLines);
  const cut = wrapWords(text, width).length > adviceLines;
  const shown = lines.map((line, i) =>
    fit(
      i === adviceLines - 1 && cut ? `${line} ${theme.glyphs.ellipsis}` : line,
      width,
      'left',
      theme.glyphs.ellipsis,
    ),
  );
  while (shown.length < adviceLines) shown.push(' '.repeat(width));
  return shown;
}

/** The recommendation for the service of the selected line. */
export function adviceFor(items: readonly SweepItem[], index: number, theme: Theme): string {
  const selected = items[index];
  const serviceId = selected?.type === 'service' ? selected.id : selected?.service;
  const heading = items.find((item) => item.type === 'service' && item.id === serviceId);
  if (heading?.type !== 'service') return '';
  return t(theme.lang, 'sweep.advice', {text: sayCore(theme.lang, heading.recommendation)});
}

/** The N-1 sweep: each service's single points of failure and weak points, selectable. */
export function SweepPanel(props: SweepPanelProps) {
  const {items, index, top, theme, width, height, focused} = props;
  const inner = width - 2;
  const rows = Math.max(0, height - 4 - adviceLines);
  const shown = items.slice(top, top + rows);
  const services = items.filter((item) => item.type === 'service');
  // Counted from the lines below: a service with a SPOF line is one failure from DOWN.
  const nearDown = services.filter((item) => item.spof > 0).length;
  const totals = [
    ...(nearDown > 0
      ? [`${theme.glyphs.warning} ${t(theme.lang, 'header.oneFailure', {n: nearDown})}`]
      : []),
    t(theme.lang, 'sweep.total', {
      n: services.length,
      spof: items.filter((item) => item.type === 'spof').length,
      weak: items.filter((item) => item.type === 'weak').length,
    }),
  ].join(theme.glyphs.dot);
  const aside = items.length > rows ? `${index + 1}/${items.length}` : undefined;
  // The totals' line, then the items shown.
  useRowItems(props, [undefined, ...shown.map((_, offset) => top + offset)]);
  return (
    <Panel
      title={t(theme.lang, 'title.sweep')}
      {...(aside ? {aside} : {})}
      width={width}
      height={height}
      focused={focused}
      theme={theme}
    >
      <Line
        segments={[
          {
            text: fit(totals, inner, 'left', theme.glyphs.ellipsis),
            tone: nearDown > 0 ? 'warn' : 'dim',
          },
        ]}
        theme={theme}
      />
      <Box flexDirection="column" height={rows}>
        {shown.map((item, offset) => (
          <Line
            key={`${item.type}:${item.id}:${top + offset}`}
            segments={itemLine(item, top + offset === index, theme, inner)}
            theme={theme}
          />
        ))}
      </Box>
      {advice(adviceFor(items, index, theme), inner, theme).map((text, line) => (
        <Line key={`advice:${line}`} segments={[{text}]} theme={theme} />
      ))}
    </Panel>
  );
}
