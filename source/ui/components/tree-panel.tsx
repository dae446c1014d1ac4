import {Box} from 'ink';
import {useMemo} from 'react';
import type {Analysis} from '../analysis/analysis.js';
import {t} from '../../i18n/i18n.js';
import type {Theme} from '../theme.js';
import {formatRows, selectedRow} from '../tree/row-format.js';
import type {VisibleRows} from '../tree/visible.js';
import type {StateFilter} from '../state/types.js';
import type {View} from '../../shared/types.js';
import {Line} from './line.js';
import {Panel} from './panel.js';

interface TreePanelProps {
  rows: VisibleRows;
  scrollTop: number;
  selected: string | undefined;
  folded: ReadonlySet<string>;
  view: View;
  filter: string;
  /** Down, or unknown and degraded: the title says so and how many rows match. */
  stateFilter?: StateFilter;
  analysis: Analysis;
  theme: Theme;
  width: number;
  height: number;
  /** The tree shows that it has the keys (see `focusShown`). */
  focused: boolean;
  /** Components a live source cannot see now: drawn as unknown, never as up. */
  unknown?: ReadonlySet<string>;
}

/** The topology tree; only the rows in the viewport are formatted and drawn. */
export function TreePanel(props: TreePanelProps) {
  const {rows, scrollTop, theme, width, height, analysis, selected, folded, unknown} = props;
  const visibleCount = height - 2;
  const slice = useMemo(
    () => rows.slice(scrollTop, scrollTop + visibleCount),
    [rows, scrollTop, visibleCount],
  );
  // Rows are formatted once per viewport and state; the cursor only marks its own row.
  const unmarked = useMemo(
    () =>
      formatRows(slice, {
        analysis,
        theme,
        folded,
        selected: undefined,
        width: width - 2,
        ...(unknown ? {unknown} : {}),
      }),
    [slice, analysis, theme, folded, width, unknown],
  );
  const cursor = selected === undefined ? -1 : slice.findIndex((node) => node.key === selected);
  const lines = useMemo(
    () =>
      cursor < 0
        ? unmarked
        : unmarked.map((segments, index) =>
            index === cursor ? selectedRow(segments, theme.glyphs.cursor) : segments,
          ),
    [unmarked, cursor, theme],
  );
  const {lang, glyphs} = theme;
  const filter = props.filter ? `${glyphs.dot}/${props.filter}` : '';
  const stateFilter = props.stateFilter ?? 'all';
  // The count is of the rows the filters keep, not of the ancestors shown with them.
  const condition =
    stateFilter === 'all'
      ? ''
      : `${glyphs.dot}${t(lang, `filter.${stateFilter}`, {n: rows.matches.length})}`;
  const title = `${t(lang, 'title.topology')}${glyphs.dot}${t(lang, `view.${props.view}`)}${condition}${filter}`;
  const aside =
    rows.length > visibleCount
      ? `${scrollTop + Math.max(0, cursor) + 1}/${rows.length}`
      : undefined;
  return (
    <Panel
      title={title}
      {...(aside ? {aside} : {})}
      width={width}
      height={height}
      focused={props.focused}
      theme={theme}
    >
      <Box flexDirection="column">
        {lines.map((segments, index) => (
          <Line key={slice[index]!.key} segments={segments} theme={theme} />
        ))}
      </Box>
    </Panel>
  );
}
