import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {hasTmux, Pane} from './tmux.js';

let pane: Pane | undefined;
let dir: string | undefined;

afterEach(() => {
  pane?.close();
  pane = undefined;
  if (dir) rmSync(dir, {recursive: true, force: true});
  dir = undefined;
});

/**
 * A preload that lists, at exit, every CommonJS file the process ran (react is CommonJS). Files
 * are recorded as they are compiled: `require.cache` also holds files that the ESM loader only
 * scanned for their exports, both builds of React among them.
 */
function moduleRecorder(): {preload: string; list: () => string[]} {
  dir = mkdtempSync(join(tmpdir(), 'failsight-modules-'));
  const preload = join(dir, 'record.cjs');
  const out = join(dir, 'modules.txt');
  writeFileSync(
    preload,
    [
      `const Module = require('node:module');`,
      `const ran = [];`,
      `const compile = Module.prototype._compile;`,
      `Module.prototype._compile = function (content, file) { ran.push(file); return compile.apply(this, arguments); };`,
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, ran.join('\\n')));`,
    ].join('\n'),
  );
  return {preload, list: () => readFileSync(out, 'utf8').split('\n')};
}

describe.skipIf(!hasTmux && !process.env['CI'])('React build', () => {
  it('the dashboard runs the production build of React when NODE_ENV is unset', async () => {
    const recorder = moduleRecorder();
    pane = Pane.open(['fixtures/demo.yaml'], {
      env: {NODE_OPTIONS: `--require ${recorder.preload}`, NODE_ENV: ''},
    });
    await pane.waitForText('Topology · by zone');
    pane.keys('q');
    expect((await pane.exited()).status).toBe(0);
    const loaded = recorder.list().map((file) => file.replace(/\\/g, '/'));
    const reactFiles = loaded.filter((file) => /\/react(-reconciler)?\/cjs\//.test(file));
    expect(reactFiles.some((file) => file.endsWith('/react/cjs/react.production.js'))).toBe(true);
    expect(reactFiles.some((file) => /react-reconciler\.production/.test(file))).toBe(true);
    expect(reactFiles.filter((file) => file.includes('.development.'))).toEqual([]);
  });
});
