import {Box, Text} from 'ink';
import {Table, type CellProps} from 'ink-table';
import {createContext, useContext, type ReactNode} from 'react';
import {fit, widthOf} from '../text.js';
import {useTable, type Cells, type Layout, type ServiceTableProps} from './service-table.js';

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

/**
 * A table wider than the panel (huge amounts on a narrow screen) is laid out by ink-table, its
 * cells not cut to the panel: the table is cut at the panel's inner edge instead.
 */
export function WideTable({data, layout}: {data: Cells[]; layout: Layout}) {
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
