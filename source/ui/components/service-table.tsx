import {Box} from 'ink';
import {lazy, Suspense} from 'react';
import {useTable, type ServiceTableProps} from './service-table-cells.js';
import {Line} from './line.js';

export type {ServiceTableProps} from './service-table-cells.js';

type WideTableModule = typeof import('./wide-table.js');
let wideTable: WideTableModule | undefined;
const loadWideTable = () =>
  import('./wide-table.js').then((module) => {
    wideTable = module;
    return module;
  });
const LazyWideTable = lazy(() => loadWideTable().then((module) => ({default: module.WideTable})));

/**
 * Loads ink-table, which draws a table wider than its panel, ahead of need. Most tables fit and
 * never need it, and loading it (with the hashing it does, and node's crypto) at start cost the
 * first frame some milliseconds; the dashboard calls this once its first frame is up.
 */
export function preloadWideTable(): void {
  void loadWideTable();
}

/** Services before → after with their status in colour and as a word. */
export function ServiceTable(props: ServiceTableProps) {
  const {lines, fits, data, layout} = useTable(props);
  // One line per row: ink-table hashed every row and drew each cell as a Text of its own.
  const asLines = (
    <Box flexDirection="column">
      {lines.map((segments, index) => (
        <Line key={index} segments={segments} theme={props.theme} />
      ))}
    </Box>
  );
  if (fits) return asLines;
  if (wideTable) return <wideTable.WideTable data={data} layout={layout} />;
  // Until ink-table is loaded (a frame at most), the lines, each cut at the panel's edge by Line.
  return (
    <Suspense fallback={asLines}>
      <LazyWideTable data={data} layout={layout} />
    </Suspense>
  );
}
