import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
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

/** The text of the bundle: dist/cli.js and the program it runs, dist/cli-body.js. */
function bundleText(): string {
  const names = readdirSync('dist').filter((name) => /^cli(-body)?\.js$/.test(name));
  return names.map((name) => readFileSync(join('dist', name), 'utf8')).join('\n');
}

describe('React build in the bundle', () => {
  it('holds the production build of the reconciler, not the development one', () => {
    const text = bundleText();
    // Error messages are minified in the production build only; the development build warns.
    expect(text).toContain('Minified React error #');
    expect(text).not.toContain('Each child in a list should have a unique');
    expect(text).not.toContain('react.development');
  });
});

describe.skipIf(!hasTmux && !process.env['CI'])('React build', () => {
  it('the dashboard runs no React file of node_modules when NODE_ENV is unset: the bundle holds it', async () => {
    const recorder = moduleRecorder();
    pane = Pane.open(['fixtures/demo.yaml'], {
      env: {NODE_OPTIONS: `--require ${recorder.preload}`, NODE_ENV: ''},
    });
    await pane.waitForText('Topology · by zone');
    pane.keys('q');
    expect((await pane.exited()).status).toBe(0);
    // The list is written at exit: reading it proves the recorder ran.
    const loaded = recorder.list().map((file) => file.replace(/\\/g, '/'));
    expect(loaded.filter((file) => /\/react(-reconciler)?\//.test(file))).toEqual([]);
  });
});
