import {existsSync, mkdirSync, writeFileSync} from 'node:fs';
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
