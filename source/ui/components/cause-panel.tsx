import {Box} from 'ink';
import type {CauseItem, LikelyCause} from '../analysis/cause.js';
import type {Model} from '../../core/model.js';
import {kindWord, t} from '../../i18n/i18n.js';
import type {Segment} from '../segments.js';
import type {Theme} from '../theme.js';
import {fit, widthOf, wrapWords} from '../text.js';
import {Line} from './line.js';
import {useRowItems, type ListPlace} from './list-panel.js';
import {Panel} from './panel.js';

interface CausePanelProps extends Pick<ListPlace, 'onRows'> {
  model: Model;
  /** Undefined without live sources: nothing is observed. */
  cause: LikelyCause | undefined;
  items: readonly CauseItem[];
  observed: Record<'down' | 'up' | 'unknown', number>;
  index: number;
  top: number;
  theme: Theme;
  width: number;
  height: number;
  focused: boolean;
}

/** "zone KR-CA + vm web-7". */
export function failuresText(model: Model, failed: readonly string[], theme: Theme): string {
  return failed
    .map((id) => {
      const kind = model.components.get(id)?.kind;
      return kind && kind !== 'service' ? `${kindWord(theme.lang, kind)} ${id}` : id;
    })
    .join(' + ');
}

/** Lines under the list for the selected entry: what it leaves, and what nothing explains. */
const detailLines = 3;

function itemLine(
  model: Model,
  item: CauseItem,
  of: number,
  selected: boolean,
  theme: Theme,
  width: number,
): Segment[] {
  const {glyphs, lang} = theme;
  const cursor = selected ? glyphs.cursor : ' ';
  const lead = item.type === 'lead' ? `${t(lang, 'cause.lead')}: ` : '';
  const segments: Segment[] = [
    {text: `${cursor}${lead}`, tone: 'dim'},
    {text: failuresText(model, item.failed, theme), tone: item.type === 'lead' ? 'warn' : 'strong'},
    {text: `  ${t(lang, 'cause.explains', {n: item.explains, of})}`, tone: 'dim'},
  ];
  const plain = segments.map((segment) => segment.text).join('');
  if (selected) return [{text: fit(plain, width, 'left', glyphs.ellipsis), inverse: true}];
  if (widthOf(plain) > width) return [{text: fit(plain, width, 'left', glyphs.ellipsis)}];
  return [...segments, {text: ' '.repeat(width - widthOf(plain))}];
}

/** At most a few ids, then how many more: the detail has three lines, the list may have 25,000. */
function some(ids: readonly string[], theme: Theme): string {
  const shown = ids.slice(0, 12).join(', ');
  return ids.length > 12 ? `${shown} ${t(theme.lang, 'header.more', {n: ids.length - 12})}` : shown;
}

function detail(cause: LikelyCause, item: CauseItem | undefined, theme: Theme): string {
  const {lang} = theme;
  const parts: string[] = [];
  if (item)
    parts.push(
      item.unexplained.length === 0
        ? t(lang, 'cause.all')
        : t(lang, 'cause.leaves', {list: some(item.unexplained, theme)}),
    );
  if (cause.unexplainable.length > 0 && item?.unexplained.length === 0)
    parts.push(t(lang, 'cause.unexplainable', {list: some(cause.unexplainable, theme)}));
  if (!cause.exact) parts.push(t(lang, 'cause.inexact'));
  return parts.join(' · ');
}

/** The ranked explanations of what is observed down, each with what it leaves unexplained. */
export function CausePanel(props: CausePanelProps) {
  const {model, cause, items, observed, index, top, theme, width, height} = props;
  const inner = width - 2;
  const rows = Math.max(0, height - 4 - detailLines);
  const {lang, glyphs} = theme;
  const heading = cause
    ? t(lang, 'cause.observed', observed).replaceAll(' · ', glyphs.dot)
    : t(lang, 'cause.noLive');
  const empty = cause && cause.observedDown === 0 ? t(lang, 'cause.none') : undefined;
  const shown = items.slice(top, top + rows);
  // The heading, the line saying nothing is down, then the entries shown.
  useRowItems(props, [
    undefined,
    ...(empty === undefined ? [] : [undefined]),
    ...shown.map((_, offset) => top + offset),
  ]);
  const text = cause ? detail(cause, items[index], theme) : '';
  const wrapped = wrapWords(text, inner);
  const shownDetail = wrapped
    .slice(0, detailLines)
    .map((line, i) =>
      fit(
        i === detailLines - 1 && wrapped.length > detailLines ? `${line} ${glyphs.ellipsis}` : line,
        inner,
        'left',
        glyphs.ellipsis,
      ),
    );
  while (shownDetail.length < detailLines) shownDetail.push(' '.repeat(inner));
  return (
    <Panel
      title={t(lang, 'title.cause')}
      {...(items.length > rows ? {aside: `${index + 1}/${items.length}`} : {})}
      width={width}
      height={height}
      focused={props.focused}
      theme={theme}
    >
      <Line segments={[{text: fit(heading, inner), tone: 'dim'}]} theme={theme} />
      <Box flexDirection="column" height={rows}>
        {empty !== undefined && (
          <Line segments={[{text: fit(empty, inner), tone: 'dim'}]} theme={theme} />
        )}
        {shown.map((item, offset) => (
          <Line
            key={`${item.type}:${item.failed.join('+')}`}
            segments={itemLine(
              model,
              item,
              cause?.observedDown ?? 0,
              top + offset === index,
              theme,
              inner,
            )}
            theme={theme}
          />
        ))}
      </Box>
      {shownDetail.map((line, at) => (
        <Line key={`detail:${at}`} segments={[{text: line}]} theme={theme} />
      ))}
      <Line segments={[{text: fit(t(lang, 'cause.hint'), inner), tone: 'dim'}]} theme={theme} />
    </Panel>
  );
}
