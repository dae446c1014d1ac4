import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {hasTmux, Pane} from './tmux.js';

let pane: Pane | undefined;

afterEach(() => {
  pane?.close();
  pane = undefined;
});

/** An SGR mouse report as a terminal sends it: button, 1-based column and row, press or release. */
const report = (button: number, column: number, row: number, press = true) =>
  `\u001B[<${button};${column};${row}${press ? 'M' : 'm'}`;

/** Whether the pane's program asked for mouse reports (tmux tracks modes 1000 and 1006). */
const mouseOn = (screen: Pane) =>
  screen.show('#{mouse_standard_flag}') === '1' || screen.show('#{mouse_sgr_flag}') === '1';

describe.skipIf(!hasTmux && !process.env['CI'])('the mouse in a real terminal', () => {
  it('a click selects a tree row, a click on the panel focuses it, the wheel scrolls it', async () => {
    // 16 rows: the impact of a zone is longer than its panel.
    const screen = Pane.open(['fixtures/demo.yaml'], {columns: 80, rows: 16});
    pane = screen;
    await screen.waitForText('Topology · by zone');
    expect(mouseOn(screen)).toBe(true);
    // Row 6 of the terminal: the header, the panel's top border, then KR-CA, shop-main/KR-CA,
    // web-1, db-1: the fourth row of the tree.
    screen.type(report(0, 10, 6) + report(0, 10, 6, false));
    await screen.waitForText('Impact · VM db-1');
    screen.keys('g', 'x');
    await screen.waitForText('simulated failure of zone KR-CA');
    // A click in the impact panel gives it the keys: its border turns heavy.
    screen.type(report(0, 50, 10));
    await screen.waitForText('┏ Impact · zone KR-CA');
    // The impact of KR-CA is longer than the panel: the wheel scrolls it, 3 lines a notch.
    const before = screen.lines()[1]!;
    screen.type(report(65, 50, 10));
    await screen.waitFor((text) => text.split('\n')[1] !== before, 'the impact to scroll');
    expect(screen.lines()[1]).toMatch(/┏ Impact · zone KR-CA .*\d/);
    // The wheel over the tree moves its cursor 3 rows: KR-CA, shop-main/KR-CA, web-1, db-1.
    screen.type(report(65, 10, 10));
    await screen.waitForText('Impact · VM db-1');
  });

  it('a click on a list item selects that item, below the heading lines of its own list', async () => {
    const screen = Pane.open(['fixtures/demo.yaml'], {columns: 80, rows: 24});
    pane = screen;
    await screen.waitForText('Topology · by zone');
    // The sweep: the header, the border, the totals' line, then shop-web, its SPOFs zone KR-CA,
    // account shop-main, router shop-main/KR-CA: terminal row 7 is the fourth item. The tree
    // keeps the keys first (Tab), so the click also gives them back to the list.
    screen.keys('s');
    await screen.waitForText('N-1 sweep');
    screen.keys('Tab');
    screen.type(report(0, 50, 7) + report(0, 50, 7, false));
    await screen.waitForText('›   ✖ SPOF   router shop-main/KR-CA');
    expect(screen.lines()[1]).toMatch(/┏ N-1 sweep ━+ 4\/\d+ ┓/);
    // A click on the totals' line selects nothing: j then moves from the fourth to the fifth.
    screen.type(report(0, 50, 3));
    screen.keys('j');
    await screen.waitFor((text) => / 5\/\d+ ┓/.test(text), 'the fifth item');
    // Availability: the border, the columns' heading, then shop-web, shop-db: row 5 is shop-db.
    screen.keys('a');
    await screen.waitForText('Availability');
    screen.type(report(0, 50, 5));
    await screen.waitFor((text) => /│›shop-db /.test(text) || /┃›shop-db /.test(text), 'shop-db');
    // The timeline: a marks line, then two lines a service (its label and its sparkline). Row 9
    // is the third service's sparkline (rows 4-5 shop-web, 6-7 shop-db, 8-9 shop-admin).
    screen.keys('Escape', 'x', 't');
    await screen.waitForText('Timeline');
    screen.type(report(0, 50, 9));
    await screen.waitFor((text) => /Timeline ━+ 3\/3 ┓/.test(text), 'the third service');
  });

  it('a click on a line of the events pane selects that event', async () => {
    const events = join(mkdtempSync(join(tmpdir(), 'failsight-click-')), 'events.jsonl');
    writeFileSync(
      events,
      '{"id": "web-3", "state": "down", "reason": "timeout"}\n' +
        '{"id": "web-4", "state": "down", "reason": "refused"}\n',
    );
    const screen = Pane.open(['fixtures/demo.yaml', '--events', events], {columns: 80, rows: 24});
    pane = screen;
    await screen.waitForText('✖ web-4');
    screen.keys('e');
    await screen.waitFor((text) => /Live events ━+ 1\/2 ┓/.test(text), 'the events pane');
    // No heading: the header, the border, then one line an event; row 4 is the second.
    screen.type(report(0, 50, 4));
    await screen.waitFor((text) => /Live events ━+ 2\/2 ┓/.test(text), 'the second event');
  });

  it.each([
    ['q', (screen: Pane): void => screen.keys('q'), 0],
    ['Ctrl-C', (screen: Pane): void => screen.keys('C-c'), 130],
    ['SIGTERM', (screen: Pane): void => void process.kill(screen.pid(), 'SIGTERM'), 143],
    ['SIGHUP', (screen: Pane): void => void process.kill(screen.pid(), 'SIGHUP'), 129],
  ] as const)('mouse mode is off again after %s', async (_, end, status) => {
    const screen = Pane.open(['fixtures/demo.yaml'], {columns: 80, rows: 24});
    pane = screen;
    await screen.waitForText('Topology · by zone');
    expect(mouseOn(screen)).toBe(true);
    end(screen);
    expect((await screen.exited()).status).toBe(status);
    expect(mouseOn(screen)).toBe(false);
  });

  it.each(['throw', 'rejection'])(
    'mouse mode and the alternate screen are left after a crash (%s)',
    async (kind) => {
      const raw = join(mkdtempSync(join(tmpdir(), 'failsight-crash-')), 'raw');
      // The hidden test hook: an error nobody catches (or a rejection nobody handles), 2 s in.
      const env = {FAILSIGHT_TEST_CRASH_AFTER_MS: '2000', FAILSIGHT_TEST_CRASH_AS: kind};
      const screen = Pane.open(['fixtures/demo.yaml'], {columns: 80, rows: 24, env});
      pane = screen;
      screen.tmux('pipe-pane', '-o', '-t', 'main', `cat > '${raw}'`);
      const end = await screen.exited();
      expect(end.status).toBe(70);
      expect(end.alternateScreen).toBe(false);
      expect(mouseOn(screen)).toBe(false);
      expect(screen.screen()).toContain('failsight: internal error:');
      await screen.waitFor(
        () => existsSync(raw) && readFileSync(raw, 'latin1').includes('EXIT='),
        'the raw output',
      );
      const bytes = readFileSync(raw, 'latin1');
      // Each mode was turned on, and the last word the pty heard about it turned it off.
      for (const mode of ['1000', '1006', '1049']) {
        const set = [...bytes.matchAll(new RegExp(`\u001B\\[\\?${mode}([hl])`, 'g'))];
        expect(set.map((match) => match[1])[0], `?${mode} on`).toBe('h');
        expect(set.at(-1)?.[1], `?${mode} off last`).toBe('l');
      }
    },
  );

  it('--no-mouse leaves the mouse to the terminal', async () => {
    const screen = Pane.open(['fixtures/demo.yaml', '--no-mouse'], {columns: 80, rows: 24});
    pane = screen;
    await screen.waitForText('Topology · by zone');
    expect(mouseOn(screen)).toBe(false);
  });
});
