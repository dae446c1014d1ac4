import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {expectFrameShape, keys} from './frames.js';
import {renderDashboard, waitForFrame} from './helpers.js';

afterEach(cleanup);

describe('the dashboard at 100×30, English, no colour', () => {
  it('opens on the zone view with the first zone’s impact', async () => {
    const {lastFrame} = renderDashboard();
    const frame = await waitForFrame(lastFrame, (f) => f.includes('Topology · by zone'));
    expectFrameShape(frame, 100, 30);
    const lines = frame.split('\n');
    expect(lines[0]).toMatch(
      // Each service one failure from DOWN (shop-web and shop-db through zone KR-CA, shop-admin
      // through admin-1); "no live source" gives way before the clock.
      /^ failsight {2}shop-prod {2}0 DOWN · 0 DEGRADED · 3 OK {2}⚠ 3 one failure from DOWN +14:03:22$/,
    );
    expect(lines[2]).toContain(
      '│›▾ ● KR-CA  중부 A                  1500        ││fails with it: 2 routers · 3 VMs · 1 LB',
    );
    expect(frame).toContain('│       ○ db-2                     (1000) standby││');
    // A preview: before is the state now, the after column says what would be.
    expect(frame).toContain(' service    demand before would be status');
    expect(frame).toContain(' shop-web     1000   1000        0 DOWN');
    expect(frame).toContain(' shop-admin     50     50       50 OK');
    expect(frame).toContain('GSLB shop-gslb would move traffic in ~60\u00a0s');
    // db-2 is a standby: losing KR-CA leaves db-gslb nowhere to send traffic.
    expect(frame).toContain('GSLB db-gslb would have no healthy target left');
    expect(lines[28]).toBe(
      ' ↑↓ move  ←→ fold  Tab focus  x fail  o failover  v view  / filter  s sweep  p plan  ? help  q quit',
    );
    await expect(frame).toMatchFileSnapshot('../snapshots/zone-view-100x30.txt');
  });

  it('shows the account view: group → account → zone → VMs', async () => {
    const {lastFrame, stdin} = renderDashboard();
    await waitForFrame(lastFrame, (f) => f.includes('by zone'));
    stdin.write('2');
    const frame = await waitForFrame(lastFrame, (f) => f.includes('Topology · by account'));
    expectFrameShape(frame, 100, 30);
    expect(frame).toContain('│›▾ ● shop                           2050');
    expect(frame).toContain('│     ▾ ● KR-CA  중부 A              1250');
    expect(frame).toContain('Impact · group shop');
    expect(frame).toContain('group shop: 3 accounts');
    await expect(frame).toMatchFileSnapshot('../snapshots/account-view-100x30.txt');
  });

  it('shows the service view: service → GSLB → targets → members, and what it needs', async () => {
    const {lastFrame, stdin} = renderDashboard();
    await waitForFrame(lastFrame, (f) => f.includes('by zone'));
    stdin.write('3');
    const frame = await waitForFrame(lastFrame, (f) => f.includes('Topology · by service'));
    expectFrameShape(frame, 100, 30);
    expect(frame).toContain('│›▾ ● shop-web                       1000 OK');
    expect(frame).toContain('│     ● needs shop-db                1000 OK');
    expect(frame).toContain('service shop-web: OK, 1000 of 1000 users');
    await expect(frame).toMatchFileSnapshot('../snapshots/service-view-100x30.txt');
  });

  it('failing zone KR-CA shows at once what goes down and which services degrade', async () => {
    const {lastFrame, stdin} = renderDashboard();
    await waitForFrame(lastFrame, (f) => f.includes('by zone'));
    stdin.write('x');
    const frame = await waitForFrame(lastFrame, (f) =>
      f.includes('simulated failure of zone KR-CA'),
    );
    expectFrameShape(frame, 100, 30);
    expect(frame.split('\n')[0]).toContain('sim ⚡ zone KR-CA');
    expect(frame).toContain(
      '│›▾ ⚡ KR-CA  중부 A               0/1500 sim    ││⚡ failed (simulated) · r restores',
    );
    expect(frame).toContain('│       ⚡ web-1                    0/250 (zone) ││');
    // Before is the state now (KR-CA down); the other column is what its return would give.
    expect(frame).toContain(' service    demand now if back status');
    expect(frame).toContain(' shop-web     1000   0    1000 DOWN');
    expect(frame).toContain(' shop-db      1000   0    1000 DOWN');
    expect(frame).toContain('GSLB shop-gslb moves traffic in ~60\u00a0s: serves');
    expect(frame).toContain('GSLB db-gslb has no healthy target left');
    expect(frame).toContain(' simulated failure of zone KR-CA: 7 components down');
    // Something is failed: failover and restore come before the keys that break more.
    expect(frame.split('\n')[28]).toBe(
      ' ↑↓ move  ←→ fold  Tab focus  x fail  r restore  u undo  o failover  v view  p plan  ? help  q quit',
    );
    await expect(frame).toMatchFileSnapshot('../snapshots/zone-failed-100x30.txt');
  });

  it('failover on shop-db promotes its standby: shop-web comes back DEGRADED; u undoes it', async () => {
    const {lastFrame, stdin} = renderDashboard();
    await waitForFrame(lastFrame, (f) => f.includes('by zone'));
    stdin.write('x');
    await waitForFrame(lastFrame, (f) => f.includes('simulated failure'));
    stdin.write('3');
    await waitForFrame(lastFrame, (f) => f.includes('by service'));
    for (let i = 0; i < 10; i++) stdin.write('j');
    await waitForFrame(lastFrame, (f) => f.includes('Impact · service shop-db'));
    stdin.write('o');
    const frame = await waitForFrame(lastFrame, (f) =>
      f.includes('failover: promote db-2; now shop-web 500, shop-db 1000'),
    );
    // The service's rows are the state now: promoting db-2 brought shop-db back.
    expect(frame).toContain(' shop-web     1000    500   500 DEGRADED');
    expect(frame).toContain(' shop-db      1000   1000  1000 OK');
    // Promoted, and the target db-gslb sends traffic to.
    expect(frame).toContain('▲  db-2                     1000 active');
    expect(frame).toContain('GSLB db-gslb moves traffic in ~25\u00a0s: serves 0');
    await expect(frame).toMatchFileSnapshot('../snapshots/failover-100x30.txt');
    stdin.write('u');
    const undone = await waitForFrame(lastFrame, (f) => f.includes('undone: failover shop-db'));
    expect(undone).toContain(' shop-web     1000      0     0 DOWN');
  });

  it('selecting a node shows its impact without failing it', async () => {
    const {lastFrame, stdin} = renderDashboard();
    await waitForFrame(lastFrame, (f) => f.includes('by zone'));
    stdin.write('jj');
    const frame = await waitForFrame(lastFrame, (f) => f.includes('Impact · VM web-1'));
    expect(frame).toContain('fails alone: nothing else goes down with it');
    expect(frame).toContain(' shop-web     1000   1000      750 DEGRADED');
    expect(frame).not.toContain('⚡');
    expect(frame.split('\n')[0]).not.toContain('sim');
  });

  it('? lists every key with the reason it is off', async () => {
    const {lastFrame, stdin} = renderDashboard();
    await waitForFrame(lastFrame, (f) => f.includes('by zone'));
    stdin.write('?');
    const frame = await waitForFrame(lastFrame, (f) => f.includes('┌ Keys'));
    expectFrameShape(frame, 100, 30);
    expect(frame).toContain('│ x            simulate its failure');
    expect(frame).toContain('│ u            undo last action (nothing to undo)');
    expect(frame).toContain('│ n N          next, previous match (no filter)');
    expect(frame).toContain('q Ctrl-C     quit');
    await expect(frame).toMatchFileSnapshot('../snapshots/help-100x30.txt');
    stdin.write(keys.escape);
    await waitForFrame(lastFrame, (f) => f.includes('Topology · by zone'));
  });
});
