import {fileURLToPath} from 'node:url';
import {alternating} from './commands.js';
import {benchFile} from './files.js';
import {atMost, ms, ratio, type BenchOptions, type Row} from './measure.js';

const cli = fileURLToPath(new URL('../cli.js', import.meta.url));

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
    const [plain, ordered] = alternating(options.rounds, [check, pairs]) as [number, number];
    const size = `${vms / 1000}k VMs`;
    rows.push(
      {name: `check --json, ${size}`, value: ms(plain)},
      {name: `check --json --order 2, ${size}`, value: ms(ordered)},
      atMost(`check --order 2 / check, ${size}`, ordered / plain, 5, ratio),
    );
  }
  return rows;
}
