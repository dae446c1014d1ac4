import {Box, Text} from 'ink';
import {Table, type CellProps} from 'ink-table';
import {createContext, useContext, type ReactNode} from 'react';
import {widthOf} from '../text.js';
import {
  cellSegment,
  useTable,
  type Cells,
  type TableLayout,
  type ServiceTableProps,
} from './service-table-cells.js';

const LayoutContext = createContext<TableLayout | undefined>(undefined);

/**
 * ink-table sizes and pads cells by String.length, which splits Korean and other wide text out
 * of line. The cells here re-pad their value by display width to the width computed below,
 * read from context because the table builds its row renderers once.
 */
function CellText({
  children,
  column,
  heading,
}: {
  children?: ReactNode;
  column: number;
  heading: boolean;
}) {
  const layout = useContext(LayoutContext);
  const value = String(children ?? '');
  if (!layout) return <Text>{value.trim()}</Text>;
  const {theme} = layout;
  const segment = cellSegment(value, column, layout, heading);
  return (
    <Text {...theme.style(segment.tone ?? 'plain')} underline={segment.underline ?? false}>
      {theme.printable(segment.text)}
    </Text>
  );
}

function Cell({column, children}: CellProps & {children?: ReactNode}) {
  return (
    <CellText column={column} heading={false}>
      {children}
    </CellText>
  );
}

function Heading({column = 0, children}: {column?: number; children?: ReactNode}) {
  return (
    <CellText column={column} heading={true}>
      {children}
    </CellText>
  );
}

/** No rules between rows: the panel's border frames the table and every line counts at 80×24. */
function Skeleton({children}: {children?: ReactNode}) {
  const text = String(children ?? '');
  // A line of box-drawing characters only (escaped: the bundled program stays ASCII).
  return (
    <Text>
      {/^[\u2500\u250c\u2510\u252c\u2514\u2518\u2534\u251c\u2524\u253c\u2502]*$/.test(text)
        ? ''
        : text}
    </Text>
  );
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
export function WideTable({data, layout}: {data: Cells[]; layout: TableLayout}) {
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
