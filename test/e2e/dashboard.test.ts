import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {hasTmux, Pane, root} from './tmux.js';

/* eslint-disable no-control-regex */
const colourCodes = /\u001B\[(3\d|4\d|9\d|10\d)(;\d+)*m/;

let pane: Pane | undefined;
const open = (...args: Parameters<typeof Pane.open>) => (pane = Pane.open(...args));

afterEach(() => {
  pane?.close();
  pane = undefined;
});

// Skipped only on a machine without tmux; CI installs it, so there a missing tmux fails.
describe.skipIf(!hasTmux && !process.env['CI'])('the dashboard in a real terminal (tmux)', () => {
  beforeAll(() => {
    if (!existsSync(join(root, 'dist', 'cli.js')))
      throw new Error('dist/cli.js is missing: build first (npx tsc -p .)');
  });

  it('opens, navigates, fails zone KR-CA, fails over, undoes, follows resizes and quits with q', async () => {
    const screen = open(['fixtures/demo.yaml']);
    await screen.waitForText('Topology · by zone');
    screen.keys('j', 'j');
    await screen.waitForText('Impact · VM web-1');
    screen.keys('g', 'x');
    const failed = await screen.waitForText('simulated failure of zone KR-CA: 7 components down');
    expect(failed).toContain('sim ⚡ zone KR-CA');
    // KR-CA selected and down: now, and if it came back; the status is the one now.
    expect(failed).toContain('shop-web     1000   0    1000 DOWN');
    screen.keys('3');
    await screen.waitForText('Topology · by service');
    screen.type('jjjjjjjjjj');
    await screen.waitForText('Impact · service shop-db');
    screen.keys('o');
    const degraded = await screen.waitForText('shop-web     1000    500   500 DEGRADED');
    expect(degraded).toContain('failover: promote db-2; now shop-web 500, shop-db 1000');
    screen.keys('u');
    await screen.waitForText('undone: failover shop-db');

    screen.resize(80, 24);
    const narrow = await screen.waitFor(
      (text) =>
        text.split('\n')[1]?.length === 80 || /^┌ Topology.{30,}┐┌/.test(text.split('\n')[1] ?? ''),
      'the 80×24 frame',
    );
    await screen.waitFor(
      (text) => text.split('\n')[20]?.startsWith('└') ?? false,
      'the bottom border on line 21',
    );
    const lines = screen.lines();
    // At 80 columns the header gives way from its decoration (the name first), never the health
    // summary or the count of services one failure from DOWN (shop-admin: admin-1, its router…).
    expect(lines[0]).toMatch(/^ 2 DOWN · 0 DEGRADED · 1 OK {2}⚠ 1 one/);
    expect(lines[1]).toMatch(/^┌ Topology · by service ─+┐┌ Impact · service shop-db ─+┐$/);
    expect(lines[20]).toMatch(/^└─+┘└─+┘$/);
    expect(lines[22]).toContain('q quit');
    expect(narrow).toContain('shop-web     1000      0     0 DOWN');

    screen.resize(120, 35);
    await screen.waitFor(
      (text) => text.split('\n')[31]?.startsWith('└') ?? false,
      'the 120×35 frame',
    );
    expect(screen.lines()[1]).toMatch(
      /^┌ Topology · by service ─+┐┌ Impact · service shop-db ─+┐$/,
    );

    screen.keys('q');
    const end = await screen.exited();
    expect(end).toEqual({status: 0, cursorVisible: true, alternateScreen: false});
    expect(screen.screen()).not.toContain('Topology');
  }, 90_000);

  it('the clock ticks in place at the end of the header, the rest of the screen untouched', async () => {
    const screen = open(['fixtures/demo.yaml']);
    const first = await screen.waitForText('Topology · by zone');
    const clockAt = /(\d\d:\d\d:\d\d) ?$/;
    const [header, ...body] = first.split('\n');
    const time = clockAt.exec(header ?? '')?.[1];
    expect(time).toBeDefined();
    const ticked = await screen.waitFor((text) => {
      const line = text.split('\n')[0] ?? '';
      return clockAt.test(line) && clockAt.exec(line)?.[1] !== time;
    }, 'the next second');
    const [after, ...rest] = ticked.split('\n');
    expect(after?.length).toBe(header?.length);
    expect(after?.replace(clockAt, '')).toBe(header?.replace(clockAt, ''));
    expect(rest).toEqual(body);
    // A frame drawn after ticks still lands in place: the cursor was given back where it was.
    screen.keys('j');
    const moved = await screen.waitForText('Impact · router shop-main/KR-CA');
    expect(moved.split('\n')[0]).toMatch(clockAt);
    expect(moved.split('\n')[1]).toMatch(/^┌ Topology · by zone/);
    expect(moved.split('\n')).toHaveLength(first.split('\n').length);
  });

  it('with no FILE opens the bundled demo topology (npm start)', async () => {
    const screen = open([]);
    await screen.waitForText('shop-prod');
    await screen.waitForText('Topology · by zone');
    screen.keys('q');
    expect((await screen.exited()).status).toBe(0);
  }, 60_000);

  it('Ctrl-C quits with 130 and leaves the terminal clean', async () => {
    const screen = open(['fixtures/demo.yaml']);
    await screen.waitForText('Topology · by zone');
    screen.keys('C-c');
    expect(await screen.exited()).toEqual({
      status: 130,
      cursorVisible: true,
      alternateScreen: false,
    });
    expect(screen.screen()).not.toContain('Topology');
  }, 60_000);

  it('SIGTERM ends it with 143 and leaves the terminal clean', async () => {
    const screen = open(['fixtures/demo.yaml']);
    await screen.waitForText('Topology · by zone');
    process.kill(screen.pid(), 'SIGTERM');
    expect(await screen.exited()).toEqual({
      status: 143,
      cursorVisible: true,
      alternateScreen: false,
    });
  }, 60_000);

  it('SIGHUP (a dropped SSH link) ends it with 129 and leaves the terminal clean', async () => {
    const screen = open(['fixtures/demo.yaml']);
    await screen.waitForText('Topology · by zone');
    process.kill(screen.pid(), 'SIGHUP');
    expect(await screen.exited()).toEqual({
      status: 129,
      cursorVisible: true,
      alternateScreen: false,
    });
  }, 60_000);

  it('in Korean without colour: Korean labels, no colour codes, states as words', async () => {
    const screen = open(['--lang', 'ko', 'fixtures/demo.yaml'], {env: {NO_COLOR: '1'}});
    await screen.waitForText('토폴로지 · 존별');
    screen.keys('x');
    const failed = await screen.waitForText('shop-web   1000 1000    0 중단');
    expect(failed).toContain('함께 장애: 라우터 2개 · VM 3개 · LB 1개');
    expect(screen.tmux('capture-pane', '-p', '-e', '-t', 'main')).not.toMatch(colourCodes);
    screen.keys('q');
    expect((await screen.exited()).status).toBe(0);
  }, 60_000);

  it('read-only: x is refused with the reason', async () => {
    const screen = open(['--read-only', 'fixtures/demo.yaml']);
    await screen.waitForText('Topology · by zone');
    screen.keys('x');
    await screen.waitForText('read-only (--read-only): simulating and failover are off');
    expect(screen.screen()).not.toContain('⚡');
    screen.keys('q');
    expect((await screen.exited()).status).toBe(0);
  }, 60_000);

  it('failsight demo replays the zone failure; → steps, q quits', async () => {
    const screen = open(['demo']);
    await screen.waitForText('[1/7] Normal: 3 services, all served.');
    screen.keys('Space', 'Right');
    const failed = await screen.waitForText('[2/7]');
    expect(failed).toContain('Zone KR-CA fails');
    await screen.waitForText('shop-web     1000   0    1000 DOWN');
    screen.keys('q');
    expect(await screen.exited()).toEqual({status: 0, cursorVisible: true, alternateScreen: false});
  }, 60_000);
});
