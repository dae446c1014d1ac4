import type {BenchOptions, Row} from './measure.js';

interface Suite {
  name: string;
  title: string;
  load: () => Promise<(options: BenchOptions) => Promise<Row[]>>;
  /** Runs only when named: it takes minutes of wall time, if little CPU. */
  named?: boolean;
}

const suites: Suite[] = [
  {
    name: 'commands',
    title: 'commands, whole process',
    load: async () => (await import('./commands.js')).benchCommands,
  },
  {
    name: 'cut-sets',
    title: 'check --order 2, whole process',
    load: async () => (await import('./cut-sets.js')).benchCutSets,
  },
  {
    name: 'terminal',
    title: 'dashboard, whole process in a real pty (tmux, 120×40)',
    load: async () => (await import('./terminal.js')).benchTerminal,
  },
  {
    name: 'memory',
    title: 'memory, whole process in a real pty',
    load: async () => (await import('./terminal.js')).benchMemory,
  },
  {
    name: 'diff',
    title: 'diff, whole process',
    load: async () => (await import('./diff.js')).benchDiff,
  },
  {
    name: 'growth',
    title: 'how cost grows, 1k to 1M VMs, whole process (the 1M file is generated on first use)',
    load: async () => (await import('./growth.js')).benchGrowth,
  },
  {
    name: 'availability',
    title: 'availability, in-process',
    load: async () => (await import('./availability.js')).benchAvailability,
  },
  {
    name: 'cause',
    title: 'likely cause, in-process',
    load: async () => (await import('./cause.js')).benchCause,
  },
  {
    name: 'probe-soak',
    title: '--probe left running, whole process in a real pty (FAILSIGHT_SOAK_S, default 60 s)',
    load: async () => (await import('./probe-soak.js')).benchProbeSoak,
    named: true,
  },
  {
    name: 'load',
    title: 'loader, in-process (hint)',
    load: async () => (await import('./load.js')).benchLoad,
  },
  {
    name: 'analyzer',
    title: 'analyzer, in-process (hint)',
    load: async () => (await import('./core.js')).benchCore,
  },
  {
    name: 'ui',
    title: 'dashboard, in-process with a fake terminal (hint)',
    load: async () => (await import('./ui.js')).benchUi,
  },
];

function print(title: string, rows: Row[]) {
  const width = Math.max(...rows.map((r) => r.name.length));
  const valueWidth = Math.max(...rows.map((r) => r.value.length));
  const targetWidth = Math.max(0, ...rows.map((r) => r.target?.length ?? 0));
  process.stdout.write(`\n${title}\n`);
  for (const row of rows) {
    const mark = row.met === undefined ? ' ' : row.met ? '✔' : '✖';
    const target = (row.target ?? '').padEnd(targetWidth);
    process.stdout.write(
      `  ${mark} ${row.name.padEnd(width)}  ${row.value.padStart(valueWidth)}  ${target}${row.note ? `  ${row.note}` : ''}`.trimEnd() +
        '\n',
    );
  }
}

const args = process.argv.slice(2);
const quick = args.includes('--quick') || process.env['BENCH_QUICK'] === '1';
const options: BenchOptions = {quick, rounds: quick ? 1 : 3};
const only = args.filter((arg) => !arg.startsWith('--'));
process.stdout.write(
  `failsight bench — node ${process.version}, ${options.rounds} alternating round${options.rounds === 1 ? '' : 's'}, medians; ✔/✖ against the target\n`,
);
let missed = 0;
for (const suite of suites) {
  if (only.length > 0 ? !only.includes(suite.name) : suite.named) continue;
  const run = await suite.load();
  const started = performance.now();
  const rows = await run(options);
  missed += rows.filter((row) => row.met === false).length;
  print(`${suite.title}  (${((performance.now() - started) / 1000).toFixed(0)} s)`, rows);
}
process.stdout.write(`\n${missed === 0 ? 'every target met' : `${missed} target(s) missed`}\n`);
