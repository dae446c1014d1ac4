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
      [0, 'demo.fail'],
      [30, 'demo.detect'],
      [60, 'demo.moved'],
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
    expect(first.split('\n')[0]).toContain('demo');
    expect(first.split('\n').at(-1)).toBe(
      ' Space pause  ←→ step  ↑↓ move  Tab focus  v view  / filter  s sweep  p plan  ? help  q quit',
    );
    stdin.write(keys.right);
    const failed = await waitForFrame(lastFrame, (f) => f.includes('[2/7]'));
    expect(failed).toContain('Zone KR-CA fails: 6 components go down with it.');
    expect(failed.split('\n')[0]).toContain('sim ⚡ zone KR-CA');
    expect(failed).toContain(' shop-web     1000   0    1000 DOWN');
    stdin.write(keys.right);
    stdin.write(keys.right);
    stdin.write(keys.right);
    const promoted = await waitForFrame(lastFrame, (f) => f.includes('[5/7]'));
    // Said after the step ran: db-2 is promoted by then, and the narration says so.
    expect(promoted).toContain('shop-db was down: o promoted its standby (db-2);');
    expect(promoted).not.toContain('still down');
    await expect(promoted).toMatchFileSnapshot('../snapshots/demo-step5-100x30.txt');
    stdin.write(keys.left);
    await waitForFrame(lastFrame, (f) => f.includes('[4/7]'));
    stdin.write(' ');
    await waitForFrame(lastFrame, (f) => f.includes('[4/7] (paused)'));
    stdin.write('x');
    await waitForFrame(lastFrame, (f) => f.includes('the demo drives the failures'));
  });

  it('plays by itself, one step per dwell', async () => {
    const {lastFrame} = renderDashboard({demo: {steps, dwellMs: 20}});
    await waitForFrame(lastFrame, (f) => f.includes('[3/7]'));
  });
});
