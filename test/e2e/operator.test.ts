import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {manyServicesYaml} from '../ui/many-services.js';
import {hasTmux, Pane} from './tmux.js';

let pane: Pane | undefined;
const open = (...args: Parameters<typeof Pane.open>) => (pane = Pane.open(...args));
const directory = mkdtempSync(join(tmpdir(), 'failsight-operator-'));

afterEach(() => {
  pane?.close();
  pane = undefined;
});
afterAll(() => rmSync(directory, {recursive: true, force: true}));

describe.skipIf(!hasTmux && !process.env['CI'])('what an operator trips on (tmux)', () => {
  it('Tab focuses the impact panel and the arrows, PgDn and G scroll it', async () => {
    const file = join(directory, 'many.yaml');
    writeFileSync(file, manyServicesYaml(40));
    const screen = open([file], {columns: 100, rows: 30});
    const first = await screen.waitForText('Impact · zone Z1');
    expect(first).toContain('1-24/85');
    expect(first).not.toContain('more services');
    screen.keys('Tab');
    // The border and the footer are two writes of one frame: wait for both.
    const focused = await screen.waitFor(
      (text) => text.includes('┏ Impact · zone Z1') && text.split('\n')[28]!.includes('Esc close'),
      'the focused panel and its footer',
    );
    expect(focused.split('\n')[28]).toContain('Esc close');
    screen.keys('Down');
    await screen.waitForText('2-25/85');
    screen.keys('PgDn');
    await screen.waitForText('25-48/85');
    screen.keys('G');
    // The panel's heading is drawn before its rows: a capture between the two writes of one
    // frame has the new heading over the old rows, so wait for both.
    await screen.waitFor(
      (text) => text.includes('62-85/85') && text.includes('◐ VM vm-40'),
      'the last rows of the panel',
    );
    screen.keys('x');
    await screen.waitForText('"x" works in the tree: Tab moves the focus there');
    screen.keys('BTab');
    await screen.waitForText('┌ Impact · zone Z1');
    screen.keys('q');
    expect((await screen.exited()).status).toBe(0);
  });

  it('N goes to the previous match; an unknown key points to ?; the filter takes its count along', async () => {
    const screen = open(['fixtures/demo.yaml']);
    await screen.waitForText('Topology · by zone');
    screen.type('%');
    await screen.waitForText('"%" is not a key here: ? lists the keys');
    screen.type('/web');
    // Enter sent with the text in one read would be taken for one unknown key: wait for the text.
    await screen.waitForText('Enter keeps it');
    await screen.waitForText('/web');
    screen.keys('Enter');
    await screen.waitFor(
      (text) => !text.includes('Enter keeps it') && text.includes('Impact · VM web-1'),
      'the filter applied',
    );
    screen.type('N');
    const last = await screen.waitForText('match 4 of 4 for "web"');
    expect(last).toContain('Impact · VM web-4');
    screen.type('N');
    await screen.waitForText('match 3 of 4 for "web"');
    screen.keys('Escape');
    const cleared = await screen.waitFor(
      (text) => !text.includes('match 3 of 4') && text.includes('Impact · VM web-3'),
      'the filter and its count to go',
    );
    expect(cleared).not.toContain('for "web"');
  });

  it('at 80×24 the footer keeps o while something is failed', async () => {
    const screen = open(['fixtures/demo.yaml'], {columns: 80, rows: 24});
    await screen.waitForText('Topology · by zone');
    screen.type('x');
    await screen.waitForText('simulated failure of zone KR-CA');
    const footer = screen.lines()[22];
    expect(footer).toBe(
      ' ↑↓ move  Tab focus  x fail  r restore  o failover  p plan  ? help  q quit',
    );
  });

  it('the help at 80×24 pages to its last key, no label cut', async () => {
    const screen = open(['fixtures/demo.yaml'], {columns: 80, rows: 24});
    await screen.waitForText('Topology · by zone');
    screen.type('?');
    let help = await screen.waitForText('Esc or ? closes');
    const total = Number(/ 1-\d+\/(\d+) Esc or \? closes/.exec(help)?.[1]);
    // More keys than 18 rows hold: the help says where it stands, and PgDn reaches the end.
    expect(total).toBeGreaterThan(18);
    const read: string[] = [];
    for (let page = 0; page < total && !help.includes(`-${total}/${total} `); page++) {
      read.push(...help.split('\n').slice(2, 20));
      const top = help.split('\n')[1];
      screen.keys('PageDown');
      help = await screen.waitFor((s) => s.split('\n')[1] !== top, 'the next page');
    }
    read.push(...help.split('\n').slice(2, 20));
    const body = read.join('\n');
    expect(body).not.toContain('…');
    for (const label of [
      'simulate its failure',
      'next, previous match',
      'clear the filter',
      'quit',
      'live events: what arrived, newest first',
      'hooks run and their output',
    ])
      expect(body).toContain(label);
  });

  it('the demo: stepping while paused stays paused, the narration in a banner under the header', async () => {
    const screen = open(['demo'], {columns: 100, rows: 30});
    await screen.waitForText('Normal: 3 services');
    screen.keys('Space');
    const paused = await screen.waitForText('(paused)');
    const step = Number(/\[(\d)\/7\] \(paused\)/.exec(paused)![1]);
    expect(paused.split('\n')[1]).toMatch(/^ \[\d\/7\] \(paused\) /);
    const next = Math.min(7, step + 1);
    screen.keys('Right');
    await screen.waitForText(`[${next}/7] (paused)`);
    screen.keys('Left');
    const back = await screen.waitForText(`[${next - 1}/7] (paused)`);
    expect(back.split('\n')[1]).toContain('(paused)');
    screen.keys('q');
    expect((await screen.exited()).status).toBe(0);
  });
});
