import type {Row} from './measure.js';

type Suite = {name: string; load: () => Promise<() => Promise<Row[]>>};

const suites: Suite[] = [
  {name: 'analyzer', load: async () => (await import('./core.js')).benchCore},
  {name: 'availability', load: async () => (await import('./availability.js')).benchAvailability},
  {name: 'diff', load: async () => (await import('./diff.js')).benchDiff},
  {name: 'dashboard', load: async () => (await import('./ui.js')).benchUi},
];

function print(title: string, rows: Row[]) {
  const width = Math.max(...rows.map((r) => r.name.length));
  const valueWidth = Math.max(...rows.map((r) => r.value.length));
  process.stdout.write(`\n${title}\n`);
  for (const row of rows)
    process.stdout.write(
      `  ${row.name.padEnd(width)}  ${row.value.padStart(valueWidth)}${row.note ? `  ${row.note}` : ''}\n`,
    );
}

const only = process.argv.slice(2);
process.stdout.write(
  `failsight bench — node ${process.version}, ratios measured side by side in this run\n`,
);
for (const suite of suites) {
  if (only.length > 0 && !only.includes(suite.name)) continue;
  const run = await suite.load();
  print(suite.name, await run());
}
