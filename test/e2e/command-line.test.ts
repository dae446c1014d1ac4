import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {hasTmux, Pane} from './tmux.js';

let pane: Pane | undefined;
const open = (...args: Parameters<typeof Pane.open>) => (pane = Pane.open(...args));

afterEach(() => {
  pane?.close();
  pane = undefined;
});

/** Types a command on the `:` line and runs it. */
function command(screen: Pane, text: string) {
  screen.type(`:${text}`);
  screen.keys('Enter');
}

/** The message line of a frame one line shorter than the terminal: the second line from the end. */
const messageLine = (screen: string) => screen.replace(/\n+$/, '').split('\n').at(-2) ?? '';

describe.skipIf(!hasTmux && !process.env['CI'])('the : command line in a real terminal', () => {
  it('jumps, fails with a preview of the same action as x, filters, completes and recalls', async () => {
    const screen = open(['fixtures/demo.yaml'], {columns: 80, rows: 24});
    await screen.waitForText('Topology · by zone');
    command(screen, 'svc shop-web');
    await screen.waitForText('Impact · service shop-web');
    expect(screen.screen()).toContain('Topology · by service');
    command(screen, 'zone KR-CA');
    await screen.waitForText('Topology · by zone');
    command(screen, 'fail KR-CA');
    await screen.waitForText('simulated failure of zone KR-CA: 7 components down');
    command(screen, 'down');
    // The zone and what went down with it: 1 + 2 routers + 3 VMs + 1 LB = 7 rows.
    await screen.waitForText('down only: 7 rows');
    command(screen, 'all');
    await screen.waitFor((text) => !text.includes('down only'), 'the filter to go');
    command(screen, 'view account');
    await screen.waitForText('Topology · by account');
    command(screen, 'failover db-2');
    await screen.waitFor((text) => messageLine(text).includes('db-2'), 'the failover of db-2');
    // Tab completes a command, then an id; Tab again steps through the choices.
    screen.type(':restore');
    screen.keys('Space');
    screen.type('KR-C');
    screen.keys('Tab');
    await screen.waitFor((text) => /^:restore KR-CA +KR-CA KR-CB/m.test(text), 'the id choices');
    screen.keys('Escape');
    await screen.waitFor((text) => !/^:restore/m.test(text), 'Esc to close the line');
    screen.type(':');
    screen.keys('Up', 'Up');
    await screen.waitFor((text) => /^:view account/m.test(text), 'the history');
    screen.keys('Escape');
    command(screen, 'fial');
    await screen.waitForText('no command ":fial" (did you mean ":fail"?)');
    command(screen, 'theme light');
    await screen.waitForText('theme light');
    command(screen, 'q');
    expect((await screen.exited()).status).toBe(0);
  });

  it('refuses the failure commands in --read-only, as it refuses x', async () => {
    const screen = open(['fixtures/demo.yaml', '--read-only'], {columns: 80, rows: 24});
    await screen.waitForText('Topology · by zone');
    command(screen, 'fail KR-CA');
    const refused = await screen.waitForText('read-only (--read-only)');
    expect(refused).not.toContain('⚡');
    command(screen, 'failover db-2');
    await screen.waitFor((text) => messageLine(text).includes('read-only'), 'the refusal');
  });

  it(':w writes the screen, refuses to overwrite without !, and :w x.md writes the impact as Markdown', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'failsight-w-'));
    const screen = open(['fixtures/demo.yaml'], {columns: 80, rows: 24});
    await screen.waitForText('Topology · by zone');
    command(screen, 'fail KR-CA');
    await screen.waitForText('simulated failure of zone KR-CA');
    const markdown = join(dir, 'impact.md');
    command(screen, `w ${markdown}`);
    await screen.waitForText('(Markdown)');
    const written = readFileSync(markdown, 'utf8');
    expect(written).toContain('# shop-prod: Impact · zone KR-CA');
    expect(written).toContain('| service | demand | now | if back | status |');
    expect(written).toContain('| shop-web | 1000 | 0 | 1000 | DOWN |');
    const text = join(dir, 'screen.txt');
    writeFileSync(text, 'keep me\n');
    command(screen, `w ${text}`);
    await screen.waitForText(':w! ');
    expect(readFileSync(text, 'utf8')).toBe('keep me\n');
    command(screen, `w! ${text}`);
    await screen.waitForText('(text)');
    const screenText = readFileSync(text, 'utf8');
    expect(screenText).toContain('┌ Topology · by zone');
    expect(screenText).toContain('⚡ KR-CA');
    // Plain text: no escape sequence.
    expect(screenText).not.toContain('\u001B');
  });
});
