import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {stateAtStep} from '../../source/ui/demo/replay.js';
import {demoScript} from '../../source/ui/demo/script.js';
import {analyze} from '../../source/ui/analysis/analysis.js';
import {keys} from './frames.js';
import {demoModel, renderDashboard, waitForFrame} from './helpers.js';
import {start} from './reducer-helpers.js';

afterEach(cleanup);

describe('failsight demo', () => {
  const steps = demoScript(demoModel());

  it('tells the zone-failure story on the GSLB’s own clock', () => {
    expect(steps.map((step) => [step.atS, step.narration.id])).toEqual([
      [0, 'demo.normal'],
      // shop-web is DOWN only because shop-db is: the story says it waits for it.
      [0, 'demo.failWaits'],
      // shop-gslb checks every 10 s, 3 failures: 30 s; then its TTL, 30 s more.
      [30, 'demo.detect'],
      [60, 'demo.movedWaits'],
      // o on shop-db 5 s later; db-gslb: 5 s × 3 checks + TTL 10 s = 25 s after it.
      [65, 'demo.promote'],
      [90, 'demo.promoted'],
      [100, 'demo.recover'],
    ]);
  });

  it('each step is the script replayed from a clean simulation', () => {
    const status = (index: number) => {
      const state = stateAtStep(start({demo: true}), steps, index, 0);
      return [...analyze(state.model, state.failure).snapshot.status.values()];
    };
    expect(status(0)).toEqual(['OK', 'OK', 'OK']);
    expect(status(1)).toEqual(['DOWN', 'DOWN', 'OK']);
    expect(status(4)).toEqual(['DEGRADED', 'OK', 'OK']);
    expect(status(6)).toEqual(['OK', 'OK', 'OK']);
    expect(stateAtStep(start(), steps, 1, 0).demo).toBe(true);
  });

  it('→ and ← step through it with the narration on screen; Space pauses', async () => {
    const {lastFrame, stdin} = renderDashboard({demo: {steps, dwellMs: 3_600_000}});
    const first = await waitForFrame(lastFrame, (f) => f.includes('[1/7]'));
    expect(first).toContain(' [1/7] Normal: 3 services, all served. Next: zone KR-CA fails.');
    // x is off in the demo: the first hint does not offer it.
    expect(first).toContain('the demo plays itself: ←→ step, Space pauses; ? lists the keys');
    expect(first).not.toContain('x simulates');
    expect(first.split('\n')[0]).toContain('demo');
    expect(first.split('\n').at(-1)).toBe(
      ' Space pause  ←→ step  ↑↓ move  Tab focus  v view  / filter  s sweep  p plan  ? help  q quit  : cmd',
    );
    stdin.write(keys.right);
    const failed = await waitForFrame(lastFrame, (f) => f.includes('[2/7]'));
    expect(failed).toContain('Zone KR-CA fails, 6 components with it; shop-web waits for shop-db.');
    expect(failed.split('\n')[0]).toContain('sim ⚡ zone KR-CA');
    expect(failed).toContain(' shop-web     1000   0    1000 DOWN');
    stdin.write(keys.right);
    stdin.write(keys.right);
    stdin.write(keys.right);
    const promoted = await waitForFrame(lastFrame, (f) => f.includes('[5/7]'));
    // Said after the step ran: db-2 is promoted by then, and the narration says so.
    expect(promoted).toContain('o promoted db-2 for shop-db; it serves once db-gslb moves');
    // The countdown the narration points at is on screen, with the time the script waits.
    expect(promoted).toMatch(/GSLB db-gslb moves traffic in ~25\ss/);
    expect(promoted).not.toContain('still down');
    await expect(promoted).toMatchFileSnapshot('../snapshots/demo-step5-100x30.txt');
    stdin.write(keys.left);
    await waitForFrame(lastFrame, (f) => f.includes('[4/7]'));
    stdin.write(' ');
    const paused = await waitForFrame(lastFrame, (f) => f.includes('[4/7] (paused)'));
    // Paused, Space plays: the footer offers what the key does now.
    expect(paused.split('\n').at(-1)).toMatch(/^ Space play {2}←→ step/);
    expect(paused).toMatch(/After the TTL \(30\ss\) shop-gslb has moved its traffic;/);
    stdin.write('x');
    await waitForFrame(lastFrame, (f) => f.includes('the demo drives the failures'));
  });

  it('says at the last step that the story starts over', () => {
    expect(steps.at(-1)!.narration).toEqual({id: 'demo.recover', params: {zone: 'KR-CA'}});
    const last = renderDashboard({demo: {steps, dwellMs: 3_600_000}});
    for (let i = 0; i < steps.length - 1; i++) last.stdin.write(keys.right);
    return waitForFrame(last.lastFrame, (f) =>
      f.includes('[7/7] Zone KR-CA is back: R restores everything. Next: the story starts over.'),
    );
  });

  it('in Korean names ids without a guessed particle', async () => {
    const {lastFrame, stdin} = renderDashboard({
      demo: {steps, dwellMs: 3_600_000},
      look: {lang: 'ko', ascii: false, color: false},
    });
    for (let i = 0; i < 4; i++) stdin.write(keys.right);
    const frame = await waitForFrame(lastFrame, (f) => f.includes('[5/7]'));
    expect(frame).toContain('o 로 대기 VM 승격 (db-2): db-gslb 전환 뒤 shop-db 다시 처리');
    expect(frame).not.toMatch(/\((가|를|는|과|으)\)/);
  });

  it('plays by itself, one step per dwell', async () => {
    const {lastFrame} = renderDashboard({demo: {steps, dwellMs: 20}});
    await waitForFrame(lastFrame, (f) => f.includes('[3/7]'));
  });
});
