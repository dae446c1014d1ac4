import {readFileSync} from 'node:fs';
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {parseTopology} from '../../source/core/load.js';
import type {Model} from '../../source/core/model.js';
import {availabilityOf} from '../../source/commands/dashboard/availability-source.js';
import {renderDashboard, waitForFrame} from './helpers.js';
import {emptyState} from '../../source/core/state.js';
import {analyze} from '../../source/ui/analysis/analysis.js';
import {sweepItems} from '../../source/ui/analysis/sweep-items.js';

afterEach(cleanup);

/**
 * fixtures/compound.yaml on screen (its figures are derived in test/core/compound.test.ts):
 * with KR-CA failed, shop-web moves to the IDC (priority 2) and shop-db to lb-db-cb in KR-CB;
 * the IDC–KR-CB round trip is 5 ms where both were in KR-CA (0 ms): +5 ms, over the 3 ms budget.
 */
function compound(): Model {
  const path = 'fixtures/compound.yaml';
  const result = parseTopology(readFileSync(path, 'utf8'), path);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.model;
}

/** The side panel's text (the right-hand pane), its wrapped lines joined, no-break spaces plain. */
function impactText(frame: string): string {
  return frame
    .split('\n')
    .map((line) => /[│┃]([^│┃]*)[│┃]\s*$/.exec(line)?.[1]?.trim() ?? '')
    .join(' ')
    .replaceAll('\u00a0', ' ');
}

describe('latency and recovery targets on the dashboard', () => {
  it('a zone’s preview says which dependency would cross zones, by how much, and marks SLOW', async () => {
    const {lastFrame} = renderDashboard({model: compound(), size: {columns: 100, rows: 30}});
    const frame = await waitForFrame(lastFrame, (f) => f.includes('Impact · zone KR-CA'));
    const text = impactText(frame);
    expect(text).toContain(
      'shop-web → shop-db now idc-guro → KR-CB: +5 ms (5 ms), budget 3 ms SLOW',
    );
    // shop-web would serve the IDC's 600 (≥ its minimum 500): DEGRADED, and SLOW beside it.
    expect(frame).toMatch(/shop-web +1000 +1000 +600 DEGRADED SLOW/);
    // shop-api has no budget: its move is said, never SLOW (db 4 ms away → 0 ms, both in KR-CB).
    expect(text).toContain('shop-api → shop-db now KR-CB → KR-CB: −4 ms (0 ms)');
    expect(frame).toMatch(/shop-api +1000 +1000 +500 DEGRADED +│/);
    // Would-move lines carry the target: web 10 s × 3 + 30 s = 60 s ≤ 2 m; api 15 × 3 + 50 = 95 > 60.
    expect(text).toContain('GSLB web-gslb would move traffic in ~60 s ✓ rto 2 m');
    expect(text).toContain('GSLB api-gslb would move traffic in ~95 s ✗ rto 60 s');
    // Nothing is over budget now: no SLOW in the header.
    expect(frame.split('\n')[0]).not.toContain('SLOW');
  });

  it('x on the zone: the header counts SLOW, the countdown shows each rto, the panel the move', async () => {
    const {lastFrame, stdin} = renderDashboard({
      model: compound(),
      size: {columns: 100, rows: 30},
    });
    await waitForFrame(lastFrame, (f) => f.includes('Impact · zone KR-CA'));
    stdin.write('x');
    const failed = await waitForFrame(lastFrame, (f) => f.includes('failed (simulated)'));
    // One service over budget: shop-web.
    expect(failed.split('\n')[0]).toContain('1 SLOW');
    const text = impactText(failed);
    expect(text).toMatch(
      /GSLB web-gslb moves traffic in ~60 s: serves 0 until then, 600 after ✓ rto 2 m/,
    );
    expect(text).toMatch(/GSLB api-gslb moves traffic in ~95 s: .* ✗ rto 60 s/);
    expect(text).toContain(
      'shop-web → shop-db now idc-guro → KR-CB: +5 ms (5 ms), budget 3 ms SLOW',
    );
    expect(failed).toMatch(/shop-web +1000 +600 +1000 DEGRADED SLOW/);
    // r restores: nothing over budget, the header says no SLOW again.
    stdin.write('r');
    const back = await waitForFrame(lastFrame, (f) => !f.includes('failed (simulated)'));
    expect(back.split('\n')[0]).not.toContain('SLOW');
  });
});

describe('failure groups on the dashboard', () => {
  it('the group is a row after the zones and sites; x fails its members as one, r restores them', async () => {
    const {lastFrame, stdin} = renderDashboard({
      model: compound(),
      size: {columns: 100, rows: 30},
    });
    await waitForFrame(lastFrame, (f) => f.includes('Impact · zone KR-CA'));
    stdin.write('G');
    const preview = await waitForFrame(lastFrame, (f) => f.includes('Impact · group feed-a'));
    expect(preview).toMatch(/› {2}● feed-a {2}power feed A: KR-CA \+ i… +group/);
    // KR-CA and the IDC at once: shop-web has neither lb-web nor the IDC left, 0 of 1000: DOWN.
    expect(preview).toMatch(/shop-web +1000 +1000 +0 DOWN/);
    stdin.write('x');
    const failed = await waitForFrame(lastFrame, (f) => f.includes('simulated failure of group'));
    // The zone's 10 rows (itself, 2 routers, 4 VMs, 3 LBs) and the IDC: 11 components.
    expect(failed).toContain('simulated failure of group feed-a: 11 components down');
    expect(failed).toMatch(/⚡ KR-CA +Central-A +0\/2500 sim/);
    expect(failed).toMatch(/⚡ idc-guro +0\/600 sim/);
    expect(failed).toMatch(/› {2}⚡ feed-a .* sim/);
    expect(failed).toMatch(/shop-web +1000 +0 +1000 DOWN/);
    expect(failed.split('\n')[0]).toContain('1 DOWN');
    stdin.write('r');
    const back = await waitForFrame(lastFrame, (f) => f.includes('restored group feed-a'));
    expect(back).toMatch(/● KR-CA +Central-A +2500/);
    expect(back).toMatch(/● idc-guro +600/);
    expect(back.split('\n')[0]).toContain('0 DOWN');
  });

  it('the sweep lists the group as shop-web’s single point, its pairs, and a budget one zone breaks', async () => {
    const {lastFrame, stdin} = renderDashboard({
      model: compound(),
      // Wide enough for the latency line whole.
      size: {columns: 160, rows: 40},
    });
    await waitForFrame(lastFrame, (f) => f.includes('Impact · zone KR-CA'));
    stdin.write('s');
    const sweep = await waitForFrame(lastFrame, (f) => f.includes('N-1 sweep'));
    // feed-a alone takes shop-web DOWN: the one service one failure from DOWN, first in the list.
    expect(sweep).toContain('⚠ 1 one failure from DOWN');
    expect(sweep.split('\n')[0]).toContain('⚠ 1 one failure from DOWN');
    expect(sweep).toMatch(/›shop-web {2}OK {2}multi-zone · 1 SPOF · 8 weak/);
    expect(sweep).toMatch(/✖ SPOF +group feed-a/);
    expect(sweep).toMatch(/✖ pair +zone KR-CA \+ site idc-guro/);
    // After its heading, 1 SPOF, 12 pairs shown and 8 weak points, line 23: with KR-CA down the
    // web tier (in the IDC) calls shop-db in KR-CB, 5 ms over its 3 ms budget.
    for (let line = 2; line <= 23; line++) {
      stdin.write('j');
      await waitForFrame(lastFrame, (f) => f.includes(`${line}/`));
    }
    const slow = await waitForFrame(lastFrame, (f) => f.includes('23/'));
    expect(slow.replaceAll('\u00a0', ' ')).toMatch(
      /› {3}⚠ SLOW +zone KR-CA down: → shop-db 5 ms, budget 3 ms/,
    );
  });

  it('the availability panel says what shop-web gains most from: the feed made never to fail', async () => {
    const {lastFrame, stdin} = renderDashboard({
      model: compound(),
      size: {columns: 100, rows: 30},
      availabilityOf: availabilityOf(false),
    });
    await waitForFrame(lastFrame, (f) => f.includes('Impact · zone KR-CA'));
    stdin.write('a');
    await waitForFrame(lastFrame, (f) => f.includes('Availability'));
    stdin.write('j');
    // shop-web is up 99.9995% on its own (test/core/compound.test.ts); the feed is a single point,
    // so its 0.9995 multiplies in: 99.9995% × 0.9995 = 99.9495%. Made perfect: 99.9995% again.
    const gain = await waitForFrame(lastFrame, (f) => f.includes('most gained'));
    expect(impactText(gain)).toContain(
      'most gained by making feed-a redundant: 99.9495% → 99.9995%',
    );
    expect(gain).toMatch(/›shop-web +99\.5705% +99\.9495%/);
  });
});

describe('the sweep pane and check give one fix', () => {
  it('a service a failure group takes down alone is told to leave the group, as check says', () => {
    const items = sweepItems(analyze(compound(), emptyState, false));
    const web = items.find((item) => item.type === 'service' && item.id === 'shop-web');
    expect(web?.type === 'service' ? web.recommendation : undefined).toEqual({
      id: 'rec.group',
      params: {group: 'feed-a'},
    });
  });
});
