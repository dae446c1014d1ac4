import {Box, Text} from 'ink';
import {Table, type CellProps} from 'ink-table';
import {createContext, useContext, useMemo, type ReactNode} from 'react';
import type {ServiceRow} from '../analysis/selection.js';
import {statusWord, t} from '../i18n.js';
import type {Segment} from '../segments.js';
import {statusTone, type Theme, type Tone} from '../theme.js';
import {amount, fit, widthOf} from '../text.js';
import {Line} from './line.js';

type Cells = Record<string, string>;

interface Layout {
  widths: number[];
  align: ('left' | 'right')[];
  tones: Map<string, Tone>;
  statusColumn: number;
  theme: Theme;
}

const LayoutContext = createContext<Layout | undefined>(undefined);

/**
 * ink-table sizes and pads cells by String.length, which splits Korean and other wide text out
 * of line. The cells here re-pad their value by display width to the width computed below,
 * read from context because the table builds its row renderers once.
 */
function Cell({column, children}: CellProps & {children?: ReactNode}) {
  const layout = useContext(LayoutContext);
  const value = String(children ?? '').trim();
  if (!layout) return <Text>{value}</Text>;
  const text = ` ${fit(value, layout.widths[column]! - 1, layout.align[column], layout.theme.glyphs.ellipsis)}`;
  const tone = column === layout.statusColumn ? layout.tones.get(value) : undefined;
  return <Text {...layout.theme.style(tone ?? 'plain')}>{layout.theme.printable(text)}</Text>;
}

function Heading({column = 0, children}: {column?: number; children?: ReactNode}) {
  const layout = useContext(LayoutContext);
  const value = String(children ?? '').trim();
  if (!layout) return <Text>{value}</Text>;
  const text = ` ${fit(value, layout.widths[column]! - 1, layout.align[column], layout.theme.glyphs.ellipsis)}`;
  return (
    <Text {...layout.theme.style('dim')} underline={layout.theme.color}>
      {layout.theme.printable(text)}
    </Text>
  );
}

/** No rules between rows: the panel's border frames the table and every line counts at 80×24. */
function Skeleton({children}: {children?: ReactNode}) {
  const text = String(children ?? '');
  return <Text>{/^[─┌┐┬└┘┴├┤┼│]*$/.test(text) ? '' : text}</Text>;
}

class CompactTable extends Table<Cells> {
  constructor(props: ConstructorParameters<typeof Table<Cells>>[0]) {
    super(props);
    this.separator = () => <></>;
  }

  override getColumns() {
    const headings = Object.keys(this.props.data[0] ?? {});
    return headings.map((key) => {
      const widest = Math.max(
        widthOf(key),
        key.length,
        ...this.props.data.map((row) => Math.max(widthOf(row[key] ?? ''), (row[key] ?? '').length)),
      );
      return {key, column: key, width: widest + 1, align: 'left' as const};
    });
  }
}

interface ServiceTableProps {
  rows: readonly ServiceRow[];
  theme: Theme;
  width: number;
  /** A what-if: statuses other than OK are drawn in the "would be" tone, not as an outage. */
  preview?: boolean;
  afterColumn?: 'col.after' | 'col.wouldBe' | 'col.ifBack';
  beforeColumn?: 'col.before' | 'col.now';
}

/** One line of the table: each cell padded by display width to its column, as Cell does. */
function rowSegments(cells: readonly string[], layout: Layout, heading: boolean): Segment[] {
  const {theme} = layout;
  return cells.map((value, column) => {
    const text = ` ${fit(value.trim(), layout.widths[column]! - 1, layout.align[column], theme.glyphs.ellipsis)}`;
    if (heading) return {text, tone: 'dim', ...(theme.color ? {underline: true} : {})};
    const tone = column === layout.statusColumn ? layout.tones.get(value.trim()) : undefined;
    return {text, tone: tone ?? 'plain'};
  });
}

/** The cells and the column layout of the table, shared by both ways of drawing it. */
function useTable(props: ServiceTableProps) {
  const {rows, theme, width, preview = false} = props;
  const {afterColumn = 'col.after', beforeColumn = 'col.before'} = props;
  const {lang} = theme;
  const [service, demand, before, after, status] = (
    ['col.service', 'col.demand', beforeColumn, afterColumn, 'col.status'] as const
  ).map((id) => t(lang, id)) as [string, string, string, string, string];
  const data = useMemo(
    () =>
      rows.map((row) => ({
        [service]: row.id,
        [demand]: amount(row.demand),
        [before]: amount(row.before),
        [after]: amount(row.after),
        [status]: statusWord(lang, row.status),
      })),
    [rows, lang, service, demand, before, after, status],
  );
  const layout = useMemo((): Layout => {
    const keys = [service, demand, before, after, status];
    const natural = keys.map(
      (key) => Math.max(widthOf(key), ...data.map((row) => widthOf(row[key] ?? ''))) + 1,
    );
    const others = natural.slice(1).reduce((sum, w) => sum + w, 0);
    // A long service id gives way first, so the numbers and the status always show.
    natural[0] = Math.max(6, Math.min(natural[0]!, width - others));
    const tones = new Map(
      (['OK', 'DEGRADED', 'DOWN'] as const).map(
        (s) => [statusWord(lang, s), preview && s !== 'OK' ? 'would' : statusTone(s)] as const,
      ),
    );
    return {
      widths: natural,
      align: ['left', 'right', 'right', 'right', 'left'],
      tones,
      statusColumn: 4,
      theme,
    };
  }, [data, service, demand, before, after, status, width, lang, theme, preview]);
  const lines = useMemo(() => {
    const keys = [service, demand, before, after, status];
    return [
      rowSegments(keys, layout, true),
      ...data.map((row) =>
        rowSegments(
          keys.map((key) => row[key] ?? ''),
          layout,
          false,
        ),
      ),
    ];
  }, [data, layout, service, demand, before, after, status]);
  const fits = layout.widths.reduce((sum, w) => sum + w, 0) <= width;
  return {data, layout, lines, fits};
}

/** Services before → after with their status in colour and as a word. */
export function ServiceTable(props: ServiceTableProps) {
  const {lines, fits, data, layout} = useTable(props);
  // One line per row: ink-table hashed every row and drew each cell as a Text of its own.
  if (fits)
    return (
      <Box flexDirection="column">
        {lines.map((segments, index) => (
          <Line key={index} segments={segments} theme={props.theme} />
        ))}
      </Box>
    );
  return <WideTable data={data} layout={layout} />;
}

/**
 * A table wider than the panel (huge amounts on a narrow screen) is laid out by ink-table, its
 * cells not cut to the panel: the table is cut at the panel's inner edge instead.
 */
function WideTable({data, layout}: {data: Cells[]; layout: Layout}) {
  return (
    <Box flexDirection="column" overflowX="hidden">
      <LayoutContext.Provider value={layout}>
        <CompactTable data={data} cell={Cell} header={Heading} skeleton={Skeleton} />
      </LayoutContext.Provider>
    </Box>
  );
}

/** The table as ink-table draws it, even where it fits: what the lines are checked against. */
export function InkTableServices(props: ServiceTableProps) {
  const {data, layout} = useTable(props);
  return <WideTable data={data} layout={layout} />;
}
