import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {coalesce} from '../../source/ui/use/use-live-updates.js';
import type {LiveUpdate, PaintCells} from '../../source/shared/types.js';
import {columnOf} from './frames.js';
import {fixedNow, renderDashboard, waitForFrame} from './helpers.js';

// Counts how often the screen below the dashboard renders; a tick must not be one of them.
const renders = vi.hoisted(() => ({screen: 0}));
vi.mock('../../source/ui/components/screen.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../source/ui/components/screen.js')>();
  return {
    Screen: (props: Parameters<typeof actual.Screen>[0]) => {
      renders.screen++;
      return actual.Screen(props);
    },
  };
});

afterEach(cleanup);

async function until(condition: () => boolean) {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

describe('the clock', () => {
  it('a tick redraws the clock alone: the screen below does not render again', async () => {
    let now = fixedNow;
    const {lastFrame} = renderDashboard({now: () => now, tickMs: 5});
    await waitForFrame(lastFrame, (f) => f.includes('14:03:22'));
    now += 1000;
    await waitForFrame(lastFrame, (f) => f.includes('14:03:23'));
    // From the first tick on, the screen has settled: ticks alone follow.
    const before = renders.screen;
    now += 1000;
    await waitForFrame(lastFrame, (f) => f.includes('14:03:24'));
    now += 1000;
    await waitForFrame(lastFrame, (f) => f.includes('14:03:25'));
    expect(renders.screen).toBe(before);
  });

  it('with a painter, a tick writes only the clock cells and nothing renders', async () => {
    let now = fixedNow;
    const painted: Parameters<PaintCells>[] = [];
    const paintCells: PaintCells = (...args) => painted.push(args);
    const {lastFrame} = renderDashboard({now: () => now, tickMs: 5, paintCells});
    const frame = await waitForFrame(lastFrame, (f) => f.includes('14:03:22'));
    now += 1000;
    await until(() => painted.some(([, , text]) => text === ' 14:03:23 '));
    const before = renders.screen;
    const settled = lastFrame();
    now += 1000;
    await until(() => painted.some(([, , text]) => text === ' 14:03:24 '));
    const [row, column] = painted.at(-1)!;
    // The painted cells are exactly where the frame drew the clock: row 0, a space before it.
    expect(row).toBe(0);
    expect(column + 1).toBe(columnOf(frame, 'failsight', '14:03:22'));
    expect(renders.screen).toBe(before);
    expect(lastFrame()).toBe(settled);
  });
});

describe('a flood of live events', () => {
  it('keeps, of updates that came together, the last of each kind in arrival order', () => {
    const observed = (id: string): LiveUpdate => ({
      type: 'observed',
      source: 'events',
      at: 0,
      observed: new Map([[id, 'x']]),
    });
    const error: LiveUpdate = {type: 'error', message: 'bad line'};
    const batch = [observed('a'), error, observed('b'), observed('c')];
    expect(coalesce(batch)).toEqual([error, observed('c')]);
  });

  it('10,000 events that arrive together become one screen, showing the last', async () => {
    const flood: LiveUpdate[] = [];
    const down = new Map<string, string>();
    for (let i = 0; i < 10_000; i++) {
      if (i % 2 === 0) down.set('web-1', 'flapping');
      else down.delete('web-1');
      flood.push({type: 'observed', source: 'events', at: i, observed: new Map(down)});
    }
    flood.push({
      type: 'observed',
      source: 'events',
      at: 10_000,
      observed: new Map([['web-2', 'power']]),
    });
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const updates = {
      async *[Symbol.asyncIterator]() {
        await gate;
        yield* flood;
      },
    };
    const {lastFrame} = renderDashboard({updates, live: true, view: 'account'});
    await waitForFrame(lastFrame, (f) => f.includes('by account'));
    const before = renders.screen;
    release();
    const frame = await waitForFrame(lastFrame, (f) => f.includes('1 down'));
    expect(frame).toMatch(/web-2 .*live/);
    // One state change; the impact panel may then report its new length once.
    expect(renders.screen - before).toBeLessThanOrEqual(2);
  });
});
