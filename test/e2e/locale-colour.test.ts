// How the built binary chooses its language, its drawing and its colour: from the flags first,
// then the environment (LC_ALL, LC_CTYPE, LANG; NO_COLOR, FORCE_COLOR), as a user's shell sets
// them — printed through a pipe and drawn in a real terminal (tmux).
import {execFile} from 'node:child_process';
import {afterEach, describe, expect, it} from 'vitest';
import {binary} from './run.js';
import {hasTmux, Pane, root} from './tmux.js';

/* eslint-disable no-control-regex */
const colourCodes = /\u001B\[(3\d|4\d|9\d|10\d)(;\d+)*m/;
const anyStyle = /\u001B\[[\d;]*m/;
const notAscii = /[^\n\u0020-\u007e]/;
const hangul = /[\uac00-\ud7a3]/;

/** The binary with exactly this locale and colour environment, stdout a pipe. */
function runWith(
  env: Record<string, string>,
  ...args: string[]
): Promise<{code: number; out: string}> {
  const base: NodeJS.ProcessEnv = {...process.env};
  for (const name of ['LANG', 'LC_ALL', 'LC_CTYPE', 'LC_MESSAGES', 'NO_COLOR', 'FORCE_COLOR'])
    delete base[name];
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [binary, ...args],
      {cwd: root, env: {...base, ...env}},
      (error, stdout) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({code, out: stdout});
      },
    );
    child.stdin?.end();
  });
}

const impact = ['impact', 'fixtures/demo.yaml', '--fail', 'KR-CA'];

describe('through a pipe', () => {
  it('LANG=C prints plain ASCII; a UTF-8 locale does not need to', async () => {
    const plain = await runWith({LANG: 'C'}, ...impact);
    expect(plain.out).toContain('services after: 2 DOWN');
    expect(plain.out).not.toMatch(notAscii);
    // The same report in a UTF-8 locale uses its separators ("2 DOWN · 0 DEGRADED"): the check
    // above could fail.
    const utf8 = await runWith({LANG: 'C.UTF-8'}, ...impact);
    expect(utf8.out).toMatch(notAscii);
    // LC_ALL wins over LANG.
    const forced = await runWith({LANG: 'C.UTF-8', LC_ALL: 'C'}, ...impact);
    expect(forced.out).not.toMatch(notAscii);
  });

  it('no colour into a pipe; FORCE_COLOR colours it; NO_COLOR and --no-color win over FORCE_COLOR', async () => {
    expect((await runWith({LANG: 'C.UTF-8'}, ...impact)).out).not.toMatch(anyStyle);
    expect((await runWith({LANG: 'C.UTF-8', FORCE_COLOR: '1'}, ...impact)).out).toMatch(anyStyle);
    const noColor = await runWith({LANG: 'C.UTF-8', FORCE_COLOR: '1', NO_COLOR: '1'}, ...impact);
    expect(noColor.out).not.toMatch(anyStyle);
    expect(noColor.out).toContain('services after: 2 DOWN');
    const flag = await runWith({LANG: 'C.UTF-8', FORCE_COLOR: '1'}, ...impact, '--no-color');
    expect(flag.out).not.toMatch(anyStyle);
    expect(flag.out).toContain('services after: 2 DOWN');
  });
});

let pane: Pane | undefined;
afterEach(() => {
  pane?.close();
  pane = undefined;
});

// Skipped only on a machine without tmux; CI installs it, so there a missing tmux fails.
describe.skipIf(!hasTmux && !process.env['CI'])('the dashboard in a real terminal', () => {
  const open = (args: string[], env: Record<string, string>) =>
    (pane = Pane.open(['fixtures/demo.yaml', ...args], {columns: 80, rows: 24, env}));

  it('LANG=C: plain ASCII, in English', async () => {
    const screen = open([], {LANG: 'C'});
    const text = await screen.waitForText('Topology, by zone');
    expect(text).not.toMatch(notAscii);
    screen.keys('q');
    expect((await screen.exited()).status).toBe(0);
  }, 60_000);

  it('a Korean locale: Korean labels; LC_ALL=C over it: ASCII and English', async () => {
    const korean = open([], {LANG: 'ko_KR.UTF-8'});
    const text = await korean.waitForText('토폴로지 · 존별');
    expect(text).toMatch(/q 종료/);
    korean.keys('q');
    expect((await korean.exited()).status).toBe(0);
    korean.close();
    const plain = open([], {LANG: 'ko_KR.UTF-8', LC_ALL: 'C'});
    expect(await plain.waitForText('Topology, by zone')).not.toMatch(notAscii);
  }, 60_000);

  it('--ascii over a Korean locale and over --lang ko: ASCII, in English', async () => {
    for (const args of [['--ascii'], ['--ascii', '--lang', 'ko']]) {
      const screen = open(args, {LANG: 'ko_KR.UTF-8'});
      const text = await screen.waitForText('Topology, by zone');
      expect(text, args.join(' ')).not.toMatch(notAscii);
      expect(text).not.toMatch(hangul);
      screen.keys('q');
      expect((await screen.exited()).status).toBe(0);
      screen.close();
    }
  }, 60_000);

  it('colour on a terminal; none under NO_COLOR or --no-color, states still as words', async () => {
    const coloured = open([], {LANG: 'C.UTF-8'});
    await coloured.waitForText('Topology · by zone');
    coloured.keys('x');
    await coloured.waitForText('simulated failure of zone KR-CA');
    expect(coloured.tmux('capture-pane', '-p', '-e', '-t', 'main')).toMatch(colourCodes);
    coloured.close();
    for (const [args, env] of [
      [[], {LANG: 'C.UTF-8', NO_COLOR: '1'}],
      [['--no-color'], {LANG: 'C.UTF-8'}],
      [['--no-color'], {LANG: 'C.UTF-8', FORCE_COLOR: '1'}],
    ] as const) {
      const screen = open([...args], env);
      await screen.waitForText('Topology · by zone');
      screen.keys('x');
      const failed = await screen.waitForText('simulated failure of zone KR-CA');
      expect(failed).toMatch(/shop-web +1000 +0 +1000 DOWN/);
      expect(
        screen.tmux('capture-pane', '-p', '-e', '-t', 'main'),
        JSON.stringify(env),
      ).not.toMatch(colourCodes);
      screen.close();
    }
  }, 90_000);
});
