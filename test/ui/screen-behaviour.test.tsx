import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {LiveUpdate} from '../../source/shared/types.js';
import type {JournalRecord} from '../../source/core/journal.js';
import {bigModel} from './big-model.js';
import {expectFrameShape, keys} from './frames.js';
import {channel, demoModel, fixedNow, renderDashboard, waitForFrame} from './helpers.js';

afterEach(cleanup);

describe('the dashboard over time and with live data', () => {
  it('counts down the GSLB move after a failure, from the time of the action', async () => {
    let now = fixedNow;
    // 120 columns: at 100 the clock is the first thing the header gives up for what is failed.
    const {lastFrame, stdin} = renderDashboard({
      now: () => now,
      tickMs: 5,
      size: {columns: 120, rows: 30},
    });
    await waitForFrame(lastFrame, (f) => f.includes('by zone'));
    stdin.write('x');
    await waitForFrame(lastFrame, (f) =>
      f.includes('GSLB shop-gslb moves traffic in ~60\u00a0s: serves'),
    );
    now += 35_000;
    const following = await waitForFrame(lastFrame, (f) =>
      f.includes('GSLB shop-gslb detected it;'),
    );
    expect(following).toContain('clients follow in');
    expect(following).toContain('~25\u00a0s (TTL)');
    expect(following.split('\n')[0]).toContain('14:03:57');
    now += 26_000;
    // Said once on the message line; the panel no longer counts it.
    const done = await waitForFrame(lastFrame, (f) =>
      f.includes(' GSLB shop-gslb has moved traffic: 500 served'),
    );
    expect(done).not.toContain('GSLB shop-gslb moves traffic');
    expect(done).not.toContain('GSLB shop-gslb detected it');
    expect(done).toContain('GSLB db-gslb has no healthy target left');
    stdin.write('R');
    const clean = await waitForFrame(lastFrame, (f) => f.includes('restored every simulated'));
    // R ends every window at once: only the preview of KR-CA's failure speaks of GSLBs.
    expect(clean).not.toContain('moves traffic in');
    expect(clean).not.toContain('GSLB db-gslb has no healthy target left');
    expect(clean).toContain('GSLB shop-gslb would move traffic in ~60\u00a0s');
  });

  it('s opens the N-1 sweep; Enter on a SPOF shows it in the tree with its impact', async () => {
    const {lastFrame, stdin} = renderDashboard();
    await waitForFrame(lastFrame, (f) => f.includes('by zone'));
    stdin.write('jjjs');
    const sweep = await waitForFrame(lastFrame, (f) => f.includes('┏ N-1 sweep'));
    // Every service has a SPOF line: all three are one failure from DOWN.
    expect(sweep).toContain('│┃⚠ 3 one failure from DOWN · from now: 3 service…┃');
    expect(sweep).toContain('┃›shop-web  OK  multi-zone · 4 SPOF · 11 weak');
    // The fix for the selected service: its SPOFs come through the database's standby.
    expect(sweep).toContain('│┃fix: in its dependency shop-db: zone KR-CA takes┃');
    expect(sweep).toContain('│┃it down until standby db-2 is promoted: make    ┃');
    expect(sweep).toContain('│┃db-2 active or promote it on failure (o)        ┃');
    expect(sweep).toContain('┃    ✖ SPOF   VM db-1');
    // Under the single points, the pairs that take it down together (check --order 2): the
    // first is KR-CB with shop-sub, which leaves lb-ca only shop-main's VMs, too few.
    expect(sweep).toContain('┃    ✖ pair   zone KR-CB + account shop-sub');
    expect(sweep).toContain(
      ' ↑↓ move  Enter show  Tab focus  s sweep  a availability  ? help  Esc close  q quit  → detail',
    );
    await expect(sweep).toMatchFileSnapshot('../snapshots/sweep-100x30.txt');
    stdin.write('jjjj');
    await waitForFrame(lastFrame, (f) => f.includes('┃›   ✖ SPOF   VM db-1'));
    stdin.write(keys.enter);
    const jumped = await waitForFrame(lastFrame, (f) => f.includes('Impact · VM db-1'));
    expect(jumped).toContain('│›      ● db-1');
    expect(jumped).toContain(' shop-db      1000   1000        0 DOWN');
  });

  it('a shows the availability estimate per service', async () => {
    const asked: string[] = [];
    const availabilityOf = (id: string) => {
      asked.push(id);
      return {ok: 0.9995, up: 0.99995, downtimeMinutesPerYear: 262.8, exact: id !== 'shop-web'};
    };
    const {lastFrame, stdin, frames} = renderDashboard({availabilityOf});
    await waitForFrame(lastFrame, (f) => f.includes('by zone'));
    stdin.write('a');
    const frame = await waitForFrame(lastFrame, (f) => f.includes('263 exact'));
    // The panel opened before any estimate ran; the figures followed once it was drawn.
    const opened = frames.find((f) => f.includes('┏ Availability'));
    expect(opened).toContain('│┃›shop-web   computing…');
    expect(frame).toContain('│┃                P(OK)     P(up)  min/yr');
    expect(frame).toContain('│┃›shop-web    99.9500%  99.9950%     263 approx.');
    expect(frame).toContain('│┃ shop-db     99.9500%  99.9950%     263 exact');
    expect(asked).toEqual(['shop-web', 'shop-db', 'shop-admin']);
    stdin.write(keys.escape);
    await waitForFrame(lastFrame, (f) => f.includes('┌ Impact'));
  });

  it('live updates: observed failures are shown apart from simulated ones; a reload keeps the selection', async () => {
    const live = channel<LiveUpdate>();
    const {lastFrame, stdin} = renderDashboard({updates: live.iterable});
    const first = await waitForFrame(lastFrame, (f) => f.includes('by zone'));
    // No source has spoken yet: nothing is watched, nothing counted up.
    expect(first.split('\n')[0]).toContain('live ● 0 up');
    stdin.write('jjjjjjjjjjjj');
    await waitForFrame(lastFrame, (f) => f.includes('Impact · VM web-4'));
    live.push({
      type: 'observed',
      source: 'probes',
      observed: new Map([['web-4', 'probe failed']]),
      watched: new Set(['web-1', 'web-2', 'web-3', 'web-4']),
      at: fixedNow - 60_000,
    });
    const observed = await waitForFrame(lastFrame, (f) => f.includes('✖ 1 down'));
    // The probes watch four VMs: web-4 down, the other three up.
    expect(observed.split('\n')[0]).toContain('live ● 3 up ✖ 1 down');
    expect(observed).toMatch(/│› {6}✖ web-4 +0\/250 live +││/);
    expect(observed).toContain('││✖ down (observed): probes: probe failed');
    // A healthy source's time is the first thing a 100-column header gives up.
    expect(observed.split('\n')[0]).not.toContain('probes');
    expect(observed).toMatch(/│ {3}▾ ◐ shop-sub\/KR-CB +0\/250 +││/);
    stdin.write('x');
    await waitForFrame(lastFrame, (f) => f.includes('web-4 is already failed'));
    live.push({type: 'model', model: demoModel()});
    const reloaded = await waitForFrame(lastFrame, (f) => f.includes('topology reloaded'));
    expect(reloaded).toContain('Impact · VM web-4');
    live.push({type: 'error', message: 'fixtures/demo.yaml:3:1: bad indentation'});
    await waitForFrame(lastFrame, (f) =>
      f.includes('live source: fixtures/demo.yaml:3:1: bad indentation'),
    );
  });

  it('hands each action to the audit journal before the screen shows it', async () => {
    const journal: {action: JournalRecord; frame: string}[] = [];
    const rendered = renderDashboard({
      onJournal: (records) => {
        // The analysis after each action is journaled with it; the actions are what this holds.
        for (const record of records)
          if ('action' in record) journal.push({action: record, frame: rendered.lastFrame() ?? ''});
      },
    });
    const {lastFrame, stdin} = rendered;
    await waitForFrame(lastFrame, (f) => f.includes('by zone'));
    stdin.write('x');
    await waitForFrame(lastFrame, (f) => f.includes('simulated failure'));
    stdin.write('r');
    await waitForFrame(lastFrame, (f) => f.includes('restored zone KR-CA'));
    expect(journal.map((entry) => entry.action)).toEqual([
      {action: 'fail', ids: ['KR-CA'], simulated: true},
      {action: 'restore', ids: ['KR-CA'], simulated: true},
    ]);
    expect(journal[0]!.frame).not.toContain('⚡');
    expect(journal[1]!.frame).toContain('⚡');
  });

  it('does not apply an action the audit journal refuses', async () => {
    const {lastFrame, stdin} = renderDashboard({
      onJournal: () => {
        throw new Error('disk full');
      },
    });
    await waitForFrame(lastFrame, (f) => f.includes('by zone'));
    stdin.write('x');
    const frame = await waitForFrame(lastFrame, (f) => f.includes('not done'));
    expect(frame).toContain(' not done: the audit journal refused it (disk full)');
    expect(frame).not.toContain('⚡');
  });

  it('draws only the rows on screen: 10k VMs still make a 29-line frame', async () => {
    const {lastFrame, stdin} = renderDashboard({model: bigModel(10_000)});
    const frame = await waitForFrame(lastFrame, (f) => f.includes('by zone'));
    expectFrameShape(frame, 100, 30);
    expect(frame).toMatch(/Topology · by zone ─+ 1\/\d{5} ┐/);
    stdin.write('G');
    const last = await waitForFrame(lastFrame, (f) => !f.includes(' 1/'));
    expectFrameShape(last, 100, 30);
  });

  it('q and Ctrl-C quit, with 0 and 130', async () => {
    const codes: number[] = [];
    const {lastFrame, stdin} = renderDashboard({onQuit: (code) => codes.push(code)});
    await waitForFrame(lastFrame, (f) => f.includes('by zone'));
    stdin.write('q');
    stdin.write(keys.ctrlC);
    expect(codes).toEqual([0, 130]);
  });

  it('/ types a filter on the message line; n goes to the next match', async () => {
    const {lastFrame, stdin} = renderDashboard();
    await waitForFrame(lastFrame, (f) => f.includes('by zone'));
    stdin.write('/');
    stdin.write('web');
    const typing = await waitForFrame(lastFrame, (f) => f.includes(' /web█'));
    expect(typing).toContain('Topology · by zone · /web');
    expect(typing).toContain('│›      ● web-1');
    stdin.write(keys.enter);
    stdin.write('n');
    const next = await waitForFrame(lastFrame, (f) => f.includes('match 2 of 4 for "web"'));
    expect(next).toContain('│›      ● web-2');
  });
});
