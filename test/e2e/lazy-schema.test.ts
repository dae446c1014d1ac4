import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import './fresh-build.js';

/**
 * The bundle's module graph, as esbuild wrote it beside dist/cli-body.js. A module of the body
 * runs when the program starts if the entry imports it statically, else when an import() of a
 * module that imports it statically runs: esbuild evaluates those lazily.
 */
type Metafile = {inputs: Record<string, {imports: {path: string; kind: string}[]}>};
const meta = JSON.parse(readFileSync('dist/cli-body.meta.json', 'utf8')) as Metafile;

const eager = new Set(['import-statement', 'require-call']);

/** The modules that run with `entries`: each, and what they import statically, transitively. */
function runsWith(...entries: string[]): Set<string> {
  const seen = new Set(entries);
  const queue = [...entries];
  while (queue.length > 0)
    for (const {path, kind} of meta.inputs[queue.pop()!]?.imports ?? [])
      if (eager.has(kind) && !seen.has(path)) {
        seen.add(path);
        queue.push(path);
      }
  return seen;
}

/** The modules that `modules` import on demand. */
function importedLater(modules: Set<string>): string[] {
  return [...modules].flatMap((name) =>
    (meta.inputs[name]?.imports ?? [])
      .filter((i) => i.kind === 'dynamic-import')
      .map((i) => i.path),
  );
}

const zod = (path: string) => path.includes('node_modules/zod/');
const yaml = (path: string) => path.includes('node_modules/yaml/');

describe('the bundle runs zod and yaml only for a file that needs them', () => {
  // The entry, then what cli.tsx imports when the command is check.
  const check = runsWith('cli.tsx', 'source/commands/check/check.ts');

  it('has the modules this test looks for', () => {
    expect(Object.keys(meta.inputs)).toContain('source/commands/check/check.ts');
    expect(importedLater(runsWith('cli.tsx'))).toContain('source/commands/check/check.ts');
  });

  it('check runs neither with the fast loader', () => {
    expect([...check].filter(zod)).toEqual([]);
    expect([...check].filter(yaml)).toEqual([]);
  });

  it('both run, on demand, when a file goes the precise way', () => {
    const later = runsWith(...importedLater(check));
    expect([...later].some(zod)).toBe(true);
    expect([...later].some(yaml)).toBe(true);
  });
});

describe('as the process runs', () => {
  /** The globals zod made in a run of `failsight check FILE`: zod names its registry there. */
  function zodGlobals(file: string): string[] {
    const dir = mkdtempSync(join(tmpdir(), 'failsight-zod-'));
    try {
      const preload = join(dir, 'zod.cjs');
      writeFileSync(
        preload,
        `process.on('exit', () => require('node:fs').writeSync(2, '\\nzod globals: ' + Object.keys(globalThis).filter((k) => k.includes('zod')).join(',') + '\\n'));`,
      );
      const run = spawnSync(
        process.execPath,
        ['--require', preload, 'dist/cli.js', 'check', file],
        {
          encoding: 'utf8',
        },
      );
      const line = /zod globals: (.*)/.exec(run.stderr)?.[1];
      if (line === undefined) throw new Error(`no report from the preload: ${run.stderr}`);
      return line.split(',').filter(Boolean);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  }

  it('check of a clean file never evaluates zod; of a bad one, it does', () => {
    expect(zodGlobals('fixtures/demo.yaml')).toEqual([]);
    expect(zodGlobals('test/fixtures/bad/bad-enum-role.yaml').length).toBeGreaterThan(0);
  });
});
