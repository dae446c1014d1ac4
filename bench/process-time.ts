import {spawnSync} from 'node:child_process';
import {readFileSync, rmSync, writeFileSync} from 'node:fs';
import {scratchFile} from './files.js';

export interface ProcessTime {
  wallMs: number;
  /** User + system CPU of the process, as it measured itself on exit. */
  cpuMs: number;
}

/** One whole process, timed from spawn to exit, with the CPU it used (the machine may be busy). */
export function processTime(args: string[]): ProcessTime {
  const out = scratchFile(`cpu-${process.pid}.txt`);
  const preload = scratchFile('cpu-on-exit.cjs');
  writeFileSync(
    preload,
    `process.on('exit', () => { const u = process.cpuUsage(); require('node:fs').writeFileSync(process.env.FAILSIGHT_BENCH_CPU, String((u.user + u.system) / 1000)); });`,
  );
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--require', preload, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {...process.env, FAILSIGHT_BENCH_CPU: out},
  });
  const wallMs = performance.now() - start;
  // check exits 1 when it finds a single point of failure; 2 and up is a failure of the bench.
  if (result.status === null || result.status >= 2)
    throw new Error(`node ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  const cpuMs = Number(readFileSync(out, 'utf8'));
  rmSync(out, {force: true});
  return {wallMs, cpuMs};
}
