import {useMemo} from 'react';
import type {ServiceRow} from '../analysis/selection.js';
import {statusWord, t} from '../../i18n/i18n.js';
import type {Segment} from '../segments.js';
import {statusTone, type Theme, type Tone} from '../theme.js';
import {amount, fit, widthOf} from '../text.js';

/**
 * The services table's cells and column layout, shared by the two ways of drawing it: as lines
 * (service-table.tsx) and, when wider than its panel, with ink-table (wide-table.tsx).
 */
export type Cells = Record<string, string>;

export interface TableLayout {
  widths: number[];
  align: ('left' | 'right')[];
  tones: Map<string, Tone>;
  statusColumn: number;
  theme: Theme;
}

export interface ServiceTableProps {
  rows: readonly ServiceRow[];
  theme: Theme;
  width: number;
  /** A what-if: statuses other than OK are drawn in the "would be" tone, not as an outage. */
  preview?: boolean;
  afterColumn?: 'col.after' | 'col.wouldBe' | 'col.ifBack';
  beforeColumn?: 'col.before' | 'col.now';
}

/**
 * One cell: its value padded by display width to its column, in its tone (a heading dim and,
 * in colour, underlined; a status in its status's tone). Both ways of drawing the table use it.
 */
export function cellSegment(
  cell: string,
  column: number,
  layout: TableLayout,
  heading: boolean,
): Segment {
  const {theme} = layout;
  const value = cell.trim();
  const text = ` ${fit(value, layout.widths[column]! - 1, layout.align[column], theme.glyphs.ellipsis)}`;
  if (heading) return {text, tone: 'dim', ...(theme.color ? {underline: true} : {})};
  const tone = column === layout.statusColumn ? layout.tones.get(value) : undefined;
  return {text, tone: tone ?? 'plain'};
}

/**
 * Each column's width (a space before its text included), the first one the service ids'. Each
 * column is as wide as its heading and its values; when that is more than `width`, the headings
 * wider than their values give way first (a heading is cut, an id is what the row is about),
 * then the ids, never below 6: the numbers and the status always show whole.
 */
export function columnWidths(
  headings: readonly number[],
  values: readonly number[],
  width: number,
): number[] {
  const natural = headings.map((heading, column) => Math.max(heading, values[column]!) + 1);
  // A heading cut keeps three cells of its text and the ellipsis: "wou…".
  const least = headings.map(
    (heading, column) => Math.max(Math.min(heading, 4), values[column]!) + 1,
  );
  const widths = [...natural];
  let over = widths.reduce((sum, w) => sum + w, 0) - width;
  // The heading with the most to spare gives first ("would be" over "1000" before "status").
  const spare = (column: number) => widths[column]! - least[column]!;
  const order = widths.map((_, column) => column).slice(1);
  order.sort((a, b) => spare(b) - spare(a));
  for (const column of order) {
    if (over <= 0) break;
    const give = Math.min(over, spare(column));
    widths[column]! -= give;
    over -= give;
  }
  if (over > 0) widths[0] = Math.max(6, widths[0]! - over);
  return widths;
}

/** One line of the table. */
function rowSegments(cells: readonly string[], layout: TableLayout, heading: boolean): Segment[] {
  return cells.map((value, column) => cellSegment(value, column, layout, heading));
}

/** The cells and the column layout of the table, shared by both ways of drawing it. */
export function useTable(props: ServiceTableProps) {
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
        // Over a latency budget: SLOW beside the status, which it does not change.
        [status]: row.slow
          ? `${statusWord(lang, row.status)} ${t(lang, 'status.SLOW')}`
          : statusWord(lang, row.status),
      })),
    [rows, lang, service, demand, before, after, status],
  );
  const layout = useMemo((): TableLayout => {
    const keys = [service, demand, before, after, status];
    const widths = columnWidths(
      keys.map((key) => widthOf(key)),
      keys.map((key) => Math.max(0, ...data.map((row) => widthOf(row[key] ?? '')))),
      width,
    );
    const slow = t(lang, 'status.SLOW');
    const tones = new Map(
      (['OK', 'DEGRADED', 'DOWN'] as const).flatMap((s) => {
        const tone: Tone = preview && s !== 'OK' ? 'would' : statusTone(s);
        const word = statusWord(lang, s);
        // SLOW is worse than OK: an OK service over budget is drawn as a warning.
        return [
          [word, tone],
          [`${word} ${slow}`, s === 'OK' ? (preview ? 'would' : 'warn') : tone],
        ] as const;
      }),
    );
    return {
      widths,
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
