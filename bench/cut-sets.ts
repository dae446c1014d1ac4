import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {benchFile} from './files.js';
import {atMost, median, ms, ratio, type BenchOptions, type Row} from './measure.js';

const cli = fileURLToPath(new URL('../cli.js', import.meta.url));

/** Wall time of one whole process, from spawn to exit, in ms (exit 1 is a finding, not a failure). */
function processMs(args: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, {stdio: ['ignore', 'ignore', 'pipe']});
  const elapsed = performance.now() - start;
  if (result.status === null || result.status >= 2)
    throw new Error(`node ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return elapsed;
}

/**
 * `check --order 2` beside `check`, whole process, on the bench's realistic shape: the minimal
 * pairs of every service cost at most a few times the N-1 report they extend.
 */
export async function benchCutSets(options: BenchOptions): Promise<Row[]> {
  const rows: Row[] = [];
  for (const vms of [10_000, 100_000]) {
    const file = benchFile(vms).json;
    const check = [cli, 'check', '--json', file];
    const pairs = [cli, 'check', '--json', '--order', '2', file];
    const times: [number[], number[]] = [[], []];
    for (let round = 0; round < options.rounds; round++) {
      times[0].push(processMs(check));
      times[1].push(processMs(pairs));
    }
    const [plain, ordered] = times.map(median) as [number, number];
    const size = `${vms / 1000}k VMs`;
    rows.push(
      {name: `check --json, ${size}`, value: ms(plain)},
      {name: `check --json --order 2, ${size}`, value: ms(ordered)},
      atMost(`check --order 2 / check, ${size}`, ordered / plain, 5, ratio),
    );
  }
  return rows;
}
