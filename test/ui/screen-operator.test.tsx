import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {parseTopology} from '../../source/core/load.js';
import type {Model} from '../../source/core/model.js';
import {demoScript} from '../../source/ui/demo/script.js';
import {helpEntries, plainContext} from '../../source/ui/keymap.js';
import {expectFrameShape, keys} from './frames.js';
import {demoModel, fixedNow, renderDashboard, waitForFrame} from './helpers.js';
import {manyServicesYaml} from './many-services.js';

afterEach(cleanup);

function manyServices(count: number): Model {
  const result = parseTopology(manyServicesYaml(count), 'many.yaml');
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.model;
}

const lines = (frame: string) => frame.split('\n');

describe('what an operator trips on, at 80×24, 100×30 and 160×50', () => {
  it('80×24: Tab gives the impact panel the keys; it scrolls, and says where it is', async () => {
    const {lastFrame, stdin} = renderDashboard({
      model: manyServices(40),
      size: {columns: 80, rows: 24},
    });
    const first = await waitForFrame(lastFrame, (f) => f.includes('Impact · zone Z1'));
    // 40 services, one router, 40 VMs: 85 lines, 18 shown, and no "+N more" that cannot be read.
    expect(lines(first)[1]).toBe(
      '┌ Topology · by zone ────────── 1/45 ┐┌ Impact · zone Z1 ───────────── 1-18/85 ┐',
    );
    expect(first).not.toContain('more services');
    stdin.write('\t');
    const focused = await waitForFrame(lastFrame, (f) => f.includes('┏ Impact'));
    expectFrameShape(focused, 80, 24);
    expect(lines(focused)[1]).toBe(
      '┌ Topology · by zone ────────── 1/45 ┐┏ Impact · zone Z1 ━━━━━━━━━━━━━ 1-18/85 ┓',
    );
    expect(lines(focused)[2]).toBe(
      '│›▾ ● Z1                          400│┃fails with it: 1 router · 40 VMs        ┃',
    );
    expect(lines(focused)[22]).toBe(
      ' ↑↓ move  Tab focus  s sweep  a availability  p plan  ? help  Esc close  q quit',
    );
    stdin.write(keys.down);
    const down = await waitForFrame(lastFrame, (f) => f.includes('2-19/85'));
    // The table's header stays while its rows scroll under it.
    expect(lines(down)[2]).toBe(
      '│›▾ ● Z1                          400│┃ service demand before would be status  ┃',
    );
    expect(lines(down)[3]).toBe(
      '│  ▾ ● acc/Z1                     400│┃ svc-01      10     10        0 DOWN    ┃',
    );
    stdin.write('G');
    const bottom = await waitForFrame(lastFrame, (f) => f.includes('68-85/85'));
    expect(lines(bottom)[19]).toBe(
      '│     ● vm-16                      10│┃ ◐ VM vm-40                             ┃',
    );
    stdin.write(keys.pageUp);
    await waitForFrame(lastFrame, (f) => f.includes('51-68/85'));
    stdin.write('g');
    await waitForFrame(lastFrame, (f) => f.includes('1-18/85'));
    // The tree keeps its selection; Tab gives it the keys back.
    stdin.write('\t');
    await waitForFrame(lastFrame, (f) => f.includes('┌ Impact · zone Z1'));
    stdin.write('j');
    await waitForFrame(lastFrame, (f) => f.includes('Impact · router acc/Z1'));
  });

  it('80×24: with something failed the footer keeps o; % and N are answered', async () => {
    const {lastFrame, stdin} = renderDashboard({size: {columns: 80, rows: 24}});
    await waitForFrame(lastFrame, (f) => f.includes('Topology · by zone'));
    stdin.write('x');
    const failed = await waitForFrame(lastFrame, (f) => f.includes('simulated failure of zone'));
    expect(lines(failed)[22]).toBe(
      ' ↑↓ move  Tab focus  x fail  r restore  o failover  p plan  ? help  q quit',
    );
    stdin.write('%');
    const unknown = await waitForFrame(lastFrame, (f) => f.includes('is not a key here'));
    expect(lines(unknown)[21]).toBe(' "%" is not a key here: ? lists the keys');
    stdin.write('/web');
    stdin.write(keys.enter);
    await waitForFrame(lastFrame, (f) => f.includes('Impact · VM web-1'));
    stdin.write('N');
    const previous = await waitForFrame(lastFrame, (f) => f.includes('match 4 of 4'));
    expect(lines(previous)[21]).toBe(' match 4 of 4 for "web"');
    expect(previous).toContain('Impact · VM web-4');
    stdin.write(keys.escape);
    const cleared = await waitForFrame(lastFrame, (f) => !f.includes('match 4 of 4'));
    expect(lines(cleared)[21]).toBe('');
  });

  it('keys read in one go (a slow link, a paste) act one by one, Tab and Enter included', async () => {
    const {lastFrame, stdin} = renderDashboard({size: {columns: 80, rows: 24}});
    await waitForFrame(lastFrame, (f) => f.includes('Topology · by zone'));
    stdin.write('/web\rN');
    const previous = await waitForFrame(lastFrame, (f) => f.includes('match 4 of 4'));
    expect(previous).toContain('Impact · VM web-4');
    stdin.write('x\t');
    const focused = await waitForFrame(lastFrame, (f) => f.includes('┏ Impact · VM web-4'));
    expect(lines(focused)[0]).toContain('sim ⚡ VM web-4');
  });

  it('80×24: the help pages through every key, labels wrapped rather than cut, in English and in Korean', async () => {
    for (const lang of ['en', 'ko'] as const) {
      const {lastFrame, stdin} = renderDashboard({
        size: {columns: 80, rows: 24},
        look: {lang, ascii: false, color: false},
      });
      await waitForFrame(lastFrame, (f) => f.includes('┌'));
      stdin.write('?');
      const help = await waitForFrame(lastFrame, (f) => / 1-\d+\/\d+ /.test(f));
      expectFrameShape(help, 80, 24);
      const total = Number(/ 1-\d+\/(\d+) /.exec(help)![1]);
      // Every key of the table, whatever the page: the last ones (e, !) were cut off once.
      const wanted = helpEntries(['tree', 'list'], plainContext, lang, false).map((e) => e.keys);
      expect(total).toBe(wanted.length);
      const seen = new Set<string>();
      let frame = help;
      for (let page = 0; page < total; page++) {
        const body = lines(frame).slice(2, 20);
        expect(body.join('\n'), lang).not.toContain('…');
        // The keys stand in a column as wide as the widest keys ("g G Home End").
        const column = Math.max(...wanted.map((k) => k.length));
        for (const line of body) {
          const keys = line.slice(2, 2 + column).trim();
          if (keys) seen.add(keys);
        }
        if (new RegExp(`-${total}/${total} `).test(lines(frame)[1]!)) break;
        const before = lines(frame)[1];
        stdin.write(keys.pageDown);
        frame = await waitForFrame(lastFrame, (f) => lines(f)[1] !== before);
      }
      expect([...seen].sort(), lang).toEqual([...new Set(wanted)].sort());
      // j and k move by one entry; the position says so.
      stdin.write('k');
      stdin.write('k');
      await waitForFrame(lastFrame, (f) => lines(f)[1] !== lines(frame)[1]);
      stdin.write(keys.escape);
      await waitForFrame(lastFrame, (f) => f.includes('Topology') || f.includes('토폴로지'));
      cleanup();
    }
  });

  it('160×50: the panel takes the wider share and the tall screen shows what goes down', async () => {
    const {lastFrame, stdin} = renderDashboard({size: {columns: 160, rows: 50}});
    await waitForFrame(lastFrame, (f) => f.includes('Topology · by zone'));
    stdin.write('x');
    const frame = await waitForFrame(lastFrame, (f) => f.includes('simulated failure of zone'));
    expectFrameShape(frame, 160, 50);
    // 72 columns of tree, 88 of panel (55%).
    expect(lines(frame)[1]).toBe(
      `┌ Topology · by zone ${'─'.repeat(50)}┐┌ Impact · zone KR-CA ${'─'.repeat(65)}┐`,
    );
    expect(lines(frame)[9]).toBe(
      `│ ▾ ●  KR-CB  중부 B                                        550        ││GSLB db-gslb has no healthy target left${' '.repeat(47)}│`,
    );
    expect(lines(frame)[10]).toBe(
      `│   ▾ ●  shop-main/KR-CB                                    300        ││down with it:${' '.repeat(73)}│`,
    );
    expect(lines(frame)[11]).toBe(
      `│       ●  web-3                                            250        ││ ⚡ router shop-main/KR-CA${' '.repeat(60)}│`,
    );
    expect(lines(frame)[48]).toBe(
      ' ↑↓ move  ←→ fold  Tab focus  x fail  r restore  R restore all  u undo  o failover  v view  / filter  s sweep  a availability  p plan  ? help  q quit  f down',
    );
  });
});

describe('the demo on a wall', () => {
  const steps = demoScript(demoModel());

  it('narrates in a banner under the header; stepping while paused stays paused', async () => {
    const {lastFrame, stdin} = renderDashboard({demo: {steps, dwellMs: 3_600_000}});
    const first = await waitForFrame(lastFrame, (f) => f.includes('[1/7]'));
    expect(lines(first)[1]).toBe(' [1/7] Normal: 3 services, all served. Next: zone KR-CA fails.');
    stdin.write(' ');
    await waitForFrame(lastFrame, (f) => f.includes('[1/7] (paused)'));
    stdin.write(keys.right);
    const stepped = await waitForFrame(lastFrame, (f) => f.includes('[2/7]'));
    expect(lines(stepped)[1]).toBe(
      ' [2/7] (paused) Zone KR-CA fails, 6 components with it; shop-web waits for shop-db.',
    );
    expect(lines(stepped)[2]).toBe('');
    stdin.write(keys.left);
    await waitForFrame(lastFrame, (f) => f.includes('[1/7] (paused)'));
  });

  it('its clock runs forward, also when stepping back', async () => {
    let now = fixedNow;
    const {lastFrame, stdin} = renderDashboard({
      demo: {steps, dwellMs: 3_600_000},
      now: () => now,
    });
    await waitForFrame(lastFrame, (f) => f.includes('[1/7]'));
    now += 5000;
    stdin.write(keys.right);
    // Step 2 happens at the script's second 0: the clock does not go back to 14:03:22.
    const second = await waitForFrame(lastFrame, (f) => f.includes('[2/7]'));
    expect(lines(second)[0]).toMatch(/ 14:03:27$/);
    stdin.write(keys.right);
    const third = await waitForFrame(lastFrame, (f) => f.includes('[3/7]'));
    // 30 s after the failure by the script: the clock jumps forward with it.
    expect(lines(third)[0]).toMatch(/ 14:03:57$/);
    stdin.write(keys.left);
    const back = await waitForFrame(lastFrame, (f) => f.includes('[2/7]'));
    expect(lines(back)[0]).toMatch(/ 14:03:57$/);
    // Replayed from the time shown: the countdown starts afresh.
    expect(back).toContain('GSLB shop-gslb moves traffic in ~60\u00a0s');
  });
});
