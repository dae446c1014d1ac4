import {mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {expectNoStackTrace, runWith} from './run.js';
import {hasTmux, Pane, root} from './tmux.js';

let pane: Pane | undefined;

afterEach(() => {
  pane?.close();
  pane = undefined;
});

/** A config home holding `text` as failsight/config.yaml. */
function configHome(text: string): {home: string; file: string} {
  const home = mkdtempSync(join(tmpdir(), 'failsight-config-'));
  mkdirSync(join(home, 'failsight'));
  const file = join(home, 'failsight', 'config.yaml');
  writeFileSync(file, text);
  return {home, file};
}

describe('the config file', () => {
  it('failsight config says each setting and where it came from: flag, file:line:column, default', async () => {
    const demo = join(root, 'fixtures', 'demo.yaml');
    const {home, file} = configHome(
      [
        'lang: ko',
        'theme: light',
        'interval: 30s',
        'sources:',
        `  ${demo}:`,
        '    watch: true',
        '',
      ].join('\n'),
    );
    const result = await runWith(['config', 'fixtures/demo.yaml', '--theme', 'mono'], {
      XDG_CONFIG_HOME: home,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`config file: ${file}`);
    expect(result.stdout).toMatch(new RegExp(`^lang +ko +${file}:1:1$`, 'm'));
    // The flag wins over the file's line 2.
    expect(result.stdout).toMatch(/^theme +mono +command line$/m);
    expect(result.stdout).toMatch(new RegExp(`^interval +30s +${file}:3:1$`, 'm'));
    expect(result.stdout).toMatch(/^read-only +false +default$/m);
    expect(result.stdout).toMatch(new RegExp(`^sources.watch +true +${file}:6:5$`, 'm'));
    const ignored = await runWith(['config', '--no-config'], {XDG_CONFIG_HOME: home});
    expect(ignored.stdout).toContain('not read (--no-config)');
    expect(ignored.stdout).toMatch(/^theme +dark +default$/m);
  });

  it('a bad config is refused with file:line:column and exit 2, by every command', async () => {
    const {home, file} = configHome('lang: fr\nthemes: light\ninterval: soon\nkeys:\n  flail: f\n');
    const result = await runWith(['check', 'fixtures/demo.yaml'], {XDG_CONFIG_HOME: home});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}:1:7: lang:`);
    expect(result.stderr).toContain(
      `${file}:2:1: unknown setting "themes" (did you mean "theme"?)`,
    );
    expect(result.stderr).toContain(`${file}:3:11: interval: expected a duration`);
    expect(expectNoStackTrace(result.stderr)).toBe(true);
    const keys = configHome('keys:\n  flail: f\n');
    const unknownKey = await runWith(['check', 'fixtures/demo.yaml'], {XDG_CONFIG_HOME: keys.home});
    expect(unknownKey.code).toBe(2);
    expect(unknownKey.stderr).toContain(`${keys.file}:2:3: keys: no command "flail"`);
    // --no-config leaves it unread.
    const skipped = await runWith(['check', 'fixtures/demo.yaml', '--no-config'], {
      XDG_CONFIG_HOME: home,
    });
    expect(skipped.code).toBe(1);
    expect(skipped.stderr).toBe('');
  });
});

describe.skipIf(!hasTmux && !process.env['CI'])('the config file in a real terminal', () => {
  it('opens the dashboard in Korean with its keys, the flag wins, and the file is never written', async () => {
    const {home, file} = configHome('# mine, with a comment\nlang: ko\nkeys:\n  fail: X\n');
    const before = {bytes: readFileSync(file), mtime: statSync(file).mtimeMs};
    pane = Pane.open(['fixtures/demo.yaml'], {columns: 80, rows: 24, env: {XDG_CONFIG_HOME: home}});
    await pane.waitForText('토폴로지');
    // x gave its place to X: X fails, x is no longer a key.
    pane.keys('x');
    await pane.waitForText('"x"는 여기서 쓰는 키가 아닙니다');
    pane.keys('X');
    await pane.waitForText('존 KR-CA 모의 장애');
    pane.type(':theme high-contrast');
    pane.keys('Enter');
    await pane.waitForText('테마 high-contrast');
    pane.keys('q');
    expect((await pane.exited()).status).toBe(0);
    pane.close();
    pane = Pane.open(['fixtures/demo.yaml', '--lang', 'en'], {
      columns: 80,
      rows: 24,
      env: {XDG_CONFIG_HOME: home},
    });
    await pane.waitForText('Topology · by zone');
    pane.keys('C-c');
    expect((await pane.exited()).status).toBe(130);
    expect(readFileSync(file)).toEqual(before.bytes);
    expect(statSync(file).mtimeMs).toBe(before.mtime);
  });

  it('the help, the footer and the hint show the keys in force after a rebinding', async () => {
    // f was the state filter's key: the config gives it to fail.
    const {home} = configHome('keys:\n  fail: f\n');
    pane = Pane.open(['fixtures/demo.yaml'], {columns: 80, rows: 24, env: {XDG_CONFIG_HOME: home}});
    await pane.waitForText('Topology · by zone');
    expect(pane.screen()).toContain('f simulates its failure; ? lists the keys');
    // The frame is a line shorter than the terminal: the footer is the line before the last.
    const footer = pane.lines().at(-2);
    expect(footer).toContain('f fail');
    expect(footer).not.toMatch(/\bf down\b/);
    pane.keys('?');
    await pane.waitForText('f            simulate its failure');
    // The state filter lost its key: the help names its command instead, and no longer says f.
    pane.keys('PgDn', 'PgDn');
    await pane.waitForText(':state       rows: all, down, unknown/degraded');
    expect(pane.screen()).not.toMatch(/│ f +rows: all/);
    pane.keys('q');
    expect((await pane.exited()).status).toBe(0);
  });
});
