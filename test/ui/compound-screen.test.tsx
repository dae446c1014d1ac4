import {readFileSync} from 'node:fs';
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {parseTopology} from '../../source/core/load.js';
import type {Model} from '../../source/core/model.js';
import {renderDashboard, waitForFrame} from './helpers.js';

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

/** The impact panel's text (the right-hand pane), its wrapped lines joined, no-break spaces plain. */
function impactText(frame: string): string {
  return frame
    .split('\n')
    .map((line) => /│([^│]*)│\s*$/.exec(line)?.[1]?.trim() ?? '')
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
