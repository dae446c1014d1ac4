import {appendFileSync, mkdtempSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {hasTmux, Pane, root} from './tmux.js';

let pane: Pane | undefined;

afterEach(() => {
  pane?.close();
  pane = undefined;
});

describe.skipIf(!hasTmux && !process.env['CI'])('live sources in the dashboard (tmux)', () => {
  it('follows events and file edits, keeps the last good topology, and journals actions first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'failsight-live-'));
    const topology = join(dir, 'shop.yaml');
    const events = join(dir, 'events.jsonl');
    const audit = join(dir, 'audit.jsonl');
    const demo = readFileSync(join(root, 'fixtures', 'demo.yaml'), 'utf8');
    writeFileSync(topology, demo);
    writeFileSync(events, '');
    pane = Pane.open([topology, '--watch', '--events', events, '--audit', audit], {columns: 160});
    // The stream has said nothing yet: nothing it watches, nothing counted up.
    await pane.waitForText('live ● 0 up');

    appendFileSync(events, '{"id": "zone:KR-CB", "state": "down", "reason": "power"}\n');
    // KR-CB and what falls with it: 2 routers, 3 VMs, 1 LB (7 down); nothing else watched.
    const observed = await pane.waitForText('live ● 0 up ✖ 7 down');
    expect(observed).toMatch(/✖ KR-CB +중부 B +0\/550 live/);
    // The outage is announced and stays until a key: help opened and closed is one.
    expect(observed).toContain('KR-CB down (events: power) — shop-web DEGRADED, shop-admin DOWN');
    pane.keys('?');
    await pane.waitForText('Keys');
    pane.keys('?');
    await pane.waitFor((screen) => !screen.includes('KR-CB down (events'), 'the announcement gone');

    appendFileSync(events, 'not json\n');
    await pane.waitForText('events.jsonl:2: not JSON (1 bad line so far)');

    // An editor's save: a new file renamed over the old one.
    writeFileSync(`${topology}.tmp`, demo.replace('name: shop-prod', 'name: shop-next'));
    renameSync(`${topology}.tmp`, topology);
    await pane.waitForText(' failsight  shop-next ');

    writeFileSync(
      topology,
      demo.replace('name: shop-prod', 'name: shop-bad').replace('capacity: 250', 'capacity: -1'),
    );
    const kept = await pane.waitForText('bad edit, kept the last good topology');
    expect(kept).toContain(' failsight  shop-next ');
    expect(kept).toContain('✖ 7 down');

    pane.keys('x');
    await pane.waitForText('simulated failure of zone KR-CA');
    const journal = readFileSync(audit, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as object);
    // The observed change, its announcement and the analyses are journaled too; one action.
    expect(journal.filter((record) => 'action' in record)).toEqual([
      expect.objectContaining({action: 'fail', ids: ['KR-CA'], simulated: true}),
    ]);

    appendFileSync(events, '{"id": "KR-CB", "state": "up"}\n');
    // The stream watches what it spoke of: KR-CB, up again.
    await pane.waitForText('live ● 1 up');
    pane.keys('q');
    await pane.waitForText('EXIT=0');
  });

  it('refuses an audit journal it cannot write before drawing anything', async () => {
    pane = Pane.open(['fixtures/demo.yaml', '--audit', '/nonexistent/dir/audit.jsonl']);
    const screen = await pane.waitForText('EXIT=2');
    expect(screen).toContain('--audit /nonexistent/dir/audit.jsonl: cannot write the journal');
    expect(screen).not.toContain('Topology');
  });
});
