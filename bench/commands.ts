import {spawnSync} from 'node:child_process';
import {readFileSync, rmSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {benchFile, chainFile, scratchFile} from './files.js';
import {atMost, mb, median, ms, ratio, type BenchOptions, type Row} from './measure.js';
import {processTime, type ProcessTime} from './process-time.js';

const cli = fileURLToPath(new URL('../cli.js', import.meta.url));
const demo = fileURLToPath(new URL('../../fixtures/demo.yaml', import.meta.url));

/** Wall time of one whole process, from spawn to exit, in ms. */
function processMs(args: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, {stdio: ['ignore', 'ignore', 'pipe']});
  const elapsed = performance.now() - start;
  // check exits 1 when it finds a single point of failure; 2 and up is a failure of the bench.
  if (result.status === null || result.status >= 2)
    throw new Error(`node ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return elapsed;
}

/** Median of `rounds` rounds, each running every command once, in turn. */
export function alternating(rounds: number, commands: string[][]): number[] {
  const times = commands.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++)
    commands.forEach((args, index) => times[index]!.push(processMs(args)));
  return times.map(median);
}

/** The same, with each process's CPU time (user + system) beside its wall time. */
function alternatingWithCpu(rounds: number, commands: string[][]): {wall: number; cpu: number}[] {
  const times = commands.map(() => [] as ProcessTime[]);
  for (let round = 0; round < rounds; round++)
    commands.forEach((args, index) => times[index]!.push(processTime(args)));
  return times.map((runs) => ({
    wall: median(runs.map((r) => r.wallMs)),
    cpu: median(runs.map((r) => r.cpuMs)),
  }));
}

/** Peak resident memory of one run, read by the process itself as it exits. */
function peakRssMb(args: string[]): number {
  const out = scratchFile(`peak-${process.pid}.txt`);
  const preload = scratchFile('peak-rss.cjs');
  const record = `process.on('exit', () => require('node:fs').writeFileSync(process.env.FAILSIGHT_BENCH_PEAK, String(process.resourceUsage().maxRSS)));`;
  writeFileSync(preload, record);
  spawnSync(process.execPath, ['--require', preload, ...args], {
    stdio: 'ignore',
    env: {...process.env, FAILSIGHT_BENCH_PEAK: out},
  });
  const kb = Number(readFileSync(out, 'utf8'));
  rmSync(out, {force: true});
  return kb / 1024;
}

/** The commands as a user runs them, each whole process beside a floor run in the same rounds. */
export async function benchCommands(options: BenchOptions): Promise<Row[]> {
  const large = benchFile(100_000);
  const parseOnly = `JSON.parse(require('node:fs').readFileSync(${JSON.stringify(large.json)}, 'utf8'))`;
  const [nodeFloor, checkDemo] = alternating(options.rounds, [
    ['-e', '0'],
    [cli, 'check', demo],
  ]);
  const [parseFloor, checkJson, checkYaml] = alternatingWithCpu(options.rounds, [
    ['-e', parseOnly],
    [cli, 'check', '--json', large.json],
    [cli, 'check', '--json', large.yaml],
  ]);
  // A dependsOn chain: each service's availability covers the chain below it, which a run per
  // service pays for n²/2 times. The growth exponent is fitted on the time above check of the
  // demo (start-up and loading, the same in both), from 1,000 to 5,000 services.
  const [chainFloor, chain1k, chain5k] = alternating(options.rounds, [
    [cli, 'check', demo],
    [cli, 'check', chainFile(1_000)],
    [cli, 'check', chainFile(5_000)],
  ]);
  const chainPeak = peakRssMb([cli, 'check', chainFile(5_000)]);
  const growth =
    Math.log(Math.max(1, chain5k! - chainFloor!) / Math.max(1, chain1k! - chainFloor!)) /
    Math.log(5);
  const yamlPeak = peakRssMb([cli, 'check', '--json', large.yaml]);
  const jsonPeak = peakRssMb([cli, 'check', '--json', large.json]);
  return [
    {name: 'node -e 0', value: ms(nodeFloor!), note: 'floor'},
    {name: 'check fixtures/demo.yaml', value: ms(checkDemo!)},
    atMost('check demo / node -e 0', checkDemo! / nodeFloor!, 2, ratio),
    {
      name: 'read + JSON.parse, 100k file',
      value: ms(parseFloor!.wall),
      note: `floor; CPU ${ms(parseFloor!.cpu)}`,
    },
    {
      name: 'check --json, 100k VMs (JSON)',
      value: ms(checkJson!.wall),
      note: `CPU ${ms(checkJson!.cpu)}; peak ${mb(jsonPeak)}`,
    },
    atMost(
      'check --json 100k / JSON.parse',
      checkJson!.wall / parseFloor!.wall,
      3,
      ratio,
      `CPU ${ratio(checkJson!.cpu / parseFloor!.cpu)}`,
    ),
    {
      name: 'check --json, 100k VMs (YAML)',
      value: ms(checkYaml!.wall),
      note: `CPU ${ms(checkYaml!.cpu)}; peak ${mb(yamlPeak)}`,
    },
    atMost(
      'same topology, YAML / JSON',
      checkYaml!.wall / checkJson!.wall,
      1.2,
      ratio,
      `CPU ${ratio(checkYaml!.cpu / checkJson!.cpu)}`,
    ),
    {name: 'check, dependsOn chain of 1,000', value: ms(chain1k!)},
    {name: 'check, dependsOn chain of 5,000', value: ms(chain5k!), note: `peak ${mb(chainPeak)}`},
    atMost('check chain 5,000 / check demo', chain5k! / chainFloor!, 10, ratio),
    atMost(
      'chain growth exponent, 1,000 → 5,000',
      growth,
      1.2,
      (v) => v.toFixed(2),
      'time above check demo',
    ),
  ];
}
