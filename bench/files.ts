import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {generateTopology, topologyYaml} from './generate.js';

export interface BenchFile {
  vms: number;
  json: string;
  yaml: string;
}

const dir = join(tmpdir(), 'failsight-bench');

/** The generated topology of about `vms` VMs, as JSON and as YAML, written once per machine. */
export function benchFile(vms: number): BenchFile {
  mkdirSync(dir, {recursive: true});
  const base = join(dir, `shape2-${vms}`);
  const file = {vms, json: `${base}.json`, yaml: `${base}.yaml`};
  if (!existsSync(file.json) || !existsSync(file.yaml)) {
    const topology = generateTopology({vms});
    writeFileSync(file.json, JSON.stringify(topology, null, 2) + '\n');
    writeFileSync(file.yaml, topologyYaml(topology));
  }
  return file;
}

export function scratchFile(name: string): string {
  mkdirSync(dir, {recursive: true});
  return join(dir, name);
}

/**
 * The demo with its services replaced by a `dependsOn` chain of `n`: s0 needs s1, … s(n-2)
 * needs s(n-1), each served by admin-1 with a demand of 10. Written once per machine.
 */
export function chainFile(n: number): string {
  mkdirSync(dir, {recursive: true});
  const file = join(dir, `chain-${n}.yaml`);
  if (!existsSync(file)) {
    const demo = readFileSync(new URL('../../fixtures/demo.yaml', import.meta.url), 'utf8');
    const head = demo.slice(0, demo.indexOf('services:'));
    const services = Array.from(
      {length: n},
      (_, i) =>
        `  - id: s${i}\n    demand: 10\n    entry: admin-1${i + 1 < n ? `\n    dependsOn: [s${i + 1}]` : ''}`,
    );
    writeFileSync(file, `${head}services:\n${services.join('\n')}\n`);
  }
  return file;
}
