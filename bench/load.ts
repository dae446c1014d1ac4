import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {benchFile} from './files.js';
import {mb, ms, type BenchOptions, type Row} from './measure.js';

const probe = fileURLToPath(new URL('./load-probe.js', import.meta.url));

interface Probed {
  floorMs: number;
  loadMs: number;
  heapLeftMb: number;
}

/** Loads of one file in a fresh process, alternating with the floor; see load-probe.ts. */
function probed(file: string, rounds: number): Probed {
  const result = spawnSync(process.execPath, ['--expose-gc', probe, file, String(rounds)], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`load probe failed on ${file}: ${result.stderr}`);
  return JSON.parse(result.stdout) as Probed;
}

/**
 * The loader at 100k VMs, in-process: what a load costs beyond reading the file and JSON.parse,
 * and what it leaves on the heap (the model and the topology it was built from).
 */
export async function benchLoad(options: BenchOptions): Promise<Row[]> {
  const large = benchFile(100_000);
  // More rounds than the whole-process suites: the first load of a process runs cold code.
  const rounds = options.rounds + 2;
  const json = probed(large.json, rounds);
  const yaml = probed(large.yaml, rounds);
  return [
    {name: 'read + JSON.parse, 100k file', value: ms(json.floorMs), note: 'floor'},
    {name: 'load, 100k VMs (JSON)', value: ms(json.loadMs)},
    {
      name: 'load − (read + JSON.parse), 100k',
      value: ms(json.loadMs - json.floorMs),
      note: 'in-process hint, no target',
    },
    {
      name: 'heap left by a load, 100k (JSON)',
      value: mb(json.heapLeftMb),
      note: 'the model, after GC',
    },
    {name: 'load, 100k VMs (YAML)', value: ms(yaml.loadMs)},
    {name: 'heap left by a load, 100k (YAML)', value: mb(yaml.heapLeftMb)},
  ];
}
