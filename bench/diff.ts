import {spawnSync} from 'node:child_process';
import {existsSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {benchFile, scratchFile} from './files.js';
import {generateTopology} from './generate.js';
import {atMost, median, ms, ratio, type BenchOptions, type Row} from './measure.js';

const cli = fileURLToPath(new URL('../cli.js', import.meta.url));

/** Wall time of one whole process; exit 1 (worse, or a SPOF found) is an answer, 2 and up a failure. */
function processMs(args: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, [cli, ...args], {stdio: ['ignore', 'ignore', 'pipe']});
  const elapsed = performance.now() - start;
  if (result.status === null || result.status >= 2)
    throw new Error(`failsight ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return elapsed;
}

/** `diff` of two 100k-VM topologies (one GSLB target dropped) beside a `check` of one, alternating. */
export async function benchDiff(options: BenchOptions): Promise<Row[]> {
  const old = benchFile(100_000).json;
  const changed = scratchFile('diff-new-100000.json');
  if (!existsSync(changed)) {
    const topology = generateTopology({vms: 100_000});
    topology.gslbs![0]!.targets = topology.gslbs![0]!.targets.slice(1);
    writeFileSync(changed, JSON.stringify(topology, null, 2) + '\n');
  }
  const checks: number[] = [];
  const diffs: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    checks.push(processMs(['check', changed]));
    diffs.push(processMs(['diff', old, changed]));
  }
  const check = median(checks);
  const diff = median(diffs);
  return [
    {name: 'check, 100k VMs', value: ms(check)},
    {name: 'diff of two 100k-VM topologies', value: ms(diff)},
    atMost('diff / check', diff / check, 2, ratio, 'each side loaded and analysed once'),
  ];
}
