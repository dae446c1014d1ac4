import {appendFileSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import type {Incident} from '../../source/core/incident.js';
import {expectNoStackTrace, run} from './run.js';
import {hasTmux, Pane} from './tmux.js';

let pane: Pane | undefined;

afterEach(() => {
  pane?.close();
  pane = undefined;
});

type Line = Record<string, unknown> & {at: string};
const secondsBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 1000;

/**
 * A scripted incident on the demo at 80×24: KR-CA observed down, idc-guro failed in simulation
 * (x), db-2 promoted (o), KR-CA back up; then `failsight report` on the journal it wrote.
 */
describe.skipIf(!hasTmux && !process.env['CI'])('an incident journaled and reported', () => {
  it('announces the outage and the recovery, journals them, and the report tells the story', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'failsight-incident-'));
    const events = join(dir, 'events.jsonl');
    const audit = join(dir, 'audit.jsonl');
    writeFileSync(events, '');
    pane = Pane.open(['fixtures/demo.yaml', '--events', events, '--audit', audit], {
      columns: 80,
      rows: 24,
    });
    await pane.waitForText('live ● 0 up');

    appendFileSync(events, '{"id": "zone:KR-CA", "state": "down", "reason": "ZonePowerLoss"}\n');
    // db-1 goes with KR-CA and db-2 is a standby: shop-db DOWN, and shop-web (needs it) DOWN.
    await pane.waitForText('KR-CA down (events: ZonePowerLoss) — shop-web DOWN, shop-db DOWN');

    // The last row is the site idc-guro, db-2 the row above it.
    pane.keys('G');
    await pane.waitFor((s) => /›.*idc-guro/.test(s), 'the cursor on idc-guro');
    pane.keys('x');
    await pane.waitForText('simulated failure of site idc-guro');
    pane.keys('k');
    await pane.waitFor((s) => /›.*db-2/.test(s), 'the cursor on db-2');
    pane.keys('o');
    await pane.waitForText('promote db-2');

    appendFileSync(events, '{"id": "zone:KR-CA", "state": "up"}\n');
    // Once db-2 serves, shop-web had lb-cb alone (500 of 1000, above its minimum 400: DEGRADED).
    await pane.waitForText('KR-CA up — shop-web OK');
    pane.keys('t');
    const timeline = await pane.waitForText('Timeline');
    expect(timeline).toMatch(/┃ *▲.*◆.*▲ *┃/);
    pane.keys('q');
    await pane.waitForText('EXIT=0');

    const lines = readFileSync(audit, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Line);
    const observed = lines.filter((l) => l['event'] === 'observed');
    const actions = lines.filter((l) => 'action' in l);
    const analyses = lines.filter((l) => l['event'] === 'analysis');
    expect(observed.map((l) => [l['id'], l['state'], l['sources']])).toEqual([
      ['KR-CA', 'down', ['events']],
      ['KR-CA', 'up', ['events']],
    ]);
    expect(actions.map((l) => [l['action'], l['ids'], l['simulated']])).toEqual([
      ['fail', ['idc-guro'], true],
      ['failover', ['db-2'], true],
    ]);
    expect(lines.filter((l) => l['event'] === 'announced').map((l) => l['tone'])).toEqual([
      'outage',
      'recovery',
    ]);
    // One analysis after each of the four changes.
    expect(analyses).toHaveLength(4);
    const [down, up] = observed.map((l) => l.at) as [string, string];
    const promoted = actions[1]!.at;

    // A truncated last line (a crash mid-write) is counted and skipped.
    writeFileSync(audit, readFileSync(audit, 'utf8') + '{"at":"2026-');
    const json = await run('report', audit, '--json');
    expect(json.code).toBe(0);
    expect(json.stderr).toMatch(/1 line\(s\) skipped, not journal records \(line \d+\)/);
    const story = JSON.parse(json.stdout) as Incident;
    expect(story.skipped.count).toBe(1);
    expect(story.records).toBe(lines.length);
    expect(story.start).toBe(down);
    expect(story.end).toBe(up);
    expect(story.observed.map((o) => o.at)).toEqual([down, up]);
    expect(story.actions.map((a) => [a.at, a.action, a.simulated])).toEqual(
      actions.map((a) => [a.at, a['action'], true]),
    );
    const web = story.services.find((s) => s.id === 'shop-web')!;
    // DOWN from the zone's loss until db-2 served; then DEGRADED (500 of 1000) until KR-CA came back.
    expect(web.worst).toEqual({at: down, served: 0, status: 'DOWN'});
    expect(web.downS).toBeCloseTo(secondsBetween(down, promoted), 3);
    expect(web.degradedS).toBeCloseTo(secondsBetween(promoted, up), 3);
    // shop-gslb: health checks every 10 s, 3 failed = 30 s to detect, then the TTL of 30 s.
    const move = story.moves.find((m) => m.gslb === 'shop-gslb')!;
    expect(move).toMatchObject({at: down, detectS: 30, predictedS: 60, recoveredAt: up});
    expect(move.observedS).toBe(Math.round(secondsBetween(down, up)));

    const markdown = await run('report', audit, '--format', 'markdown');
    expect(markdown.code).toBe(0);
    for (const section of [
      '## Observed',
      '## Announced',
      '## Likely cause',
      '## Services',
      '## Actions',
      '## GSLB moves: predicted and observed',
    ])
      expect(markdown.stdout).toContain(section);
    const clock = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
    expect(markdown.stdout).toContain(`- started: ${clock(down)}`);
    expect(markdown.stdout).toContain(
      `- ${clock(down)}  \`KR-CA\` down (events: ZonePowerLoss) — shop-web OK → DOWN, shop-db OK → DOWN`,
    );
    expect(markdown.stdout).toContain(
      `- ${clock(promoted)}  failover \`db-2\` (simulated) — promoted db-2`,
    );
    expect(markdown.stdout).toMatch(
      /`shop-gslb` for `shop-web`: predicted 1 min \(detection 30 s \+ TTL 30 s\); observed back to OK after/,
    );
    const text = await run('report', audit);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('GSLB moves: predicted and observed\n----');
  });

  it('a missing journal is exit 2 with a message, no stack trace; report --help is the usage', async () => {
    const missing = await run('report', '/nonexistent/audit.jsonl');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('report: /nonexistent/audit.jsonl: no such file');
    expect(expectNoStackTrace(missing.stderr)).toBe(true);
    const help = await run('report', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('$ failsight report AUDIT.jsonl');
    expect(help.stdout).toContain('--format F');
    const usage = await run('--help');
    expect(usage.stdout).toContain('$ failsight report AUDIT.jsonl');
    // One page for every command's --help: no command has a page of its own to drift.
    expect(help.stdout).toBe(usage.stdout);
  });
});
