// Run by bench/load.ts in a process of its own, with --expose-gc: loads a topology file the way
// the command line does, beside the floor of reading it (and JSON.parse for JSON), and prints
// the medians and the heap a load leaves (the model, after a full collection) as JSON.
import {readFileSync} from 'node:fs';
import {loadTopologyFile} from '../source/adapters/topology-file.js';
import type {LoadResult} from '../source/core/load.js';
import {median} from './measure.js';

const [file, roundsText] = process.argv.slice(2);
const gc = (globalThis as {gc?: () => void}).gc;
if (!file || !gc) throw new Error('usage: node --expose-gc load-probe.js FILE ROUNDS');

/** Reads the file and parses JSON, keeping nothing: the floor. */
function readAndParse(): number {
  const start = performance.now();
  const text = readFileSync(file!, 'utf8');
  if (file!.endsWith('.json')) JSON.parse(text);
  return performance.now() - start;
}

const heapAfterGc = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const baseline = heapAfterGc();
const floor: number[] = [];
const load: number[] = [];
let loaded: LoadResult | undefined;
for (let round = 0; round < Number(roundsText); round++) {
  floor.push(readAndParse());
  loaded = undefined;
  gc();
  const start = performance.now();
  loaded = await loadTopologyFile(file);
  load.push(performance.now() - start);
  if (!loaded.ok) throw new Error(`${file} did not load`);
}
const heapLeft = heapAfterGc() - baseline;
// The last model is alive until here: the heap it holds is what was measured.
if (!loaded?.ok || loaded.model.vms.length === 0) throw new Error(`${file} has no VMs`);
process.stdout.write(
  JSON.stringify({floorMs: median(floor), loadMs: median(load), heapLeftMb: heapLeft / 1048576}) +
    '\n',
);
