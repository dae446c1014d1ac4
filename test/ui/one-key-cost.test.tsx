import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {renderDashboard, waitForFrame} from './helpers.js';

// Every analysis and what-if the screen asks of the core, by the state it is asked about.
const asked = vi.hoisted(() => ({snapshots: [] as string[][], whatIfs: 0}));

// An analysis of a state starts with what its failures take down: counted there, so that an
// answer kept from before is not counted again.
vi.mock('../../source/core/propagate.js', async (original) => {
  const real = await original<typeof import('../../source/core/propagate.js')>();
  return {
    ...real,
    propagate: (...args: Parameters<typeof real.propagate>) => {
      const failed = [...args[1]];
      asked.snapshots.push(failed);
      return real.propagate(args[0], failed);
    },
  };
});

vi.mock('../../source/core/what-if.js', async (original) => {
  const real = await original<typeof import('../../source/core/what-if.js')>();
  return {
    ...real,
    whatIf: (...args: Parameters<typeof real.whatIf>) => {
      asked.whatIfs++;
      return real.whatIf(...args);
    },
  };
});

afterEach(cleanup);

describe('one x', () => {
  it('costs one analysis of the new state and at most one what-if', async () => {
    const {lastFrame, stdin, frames} = renderDashboard({size: {columns: 100, rows: 30}});
    await waitForFrame(
      lastFrame,
      (f) => f.includes('Impact · zone KR-CA') && f.includes('one failure from DOWN'),
    );
    asked.snapshots.length = 0;
    asked.whatIfs = 0;
    const drawn = frames.length;
    stdin.write('x');
    await waitForFrame(lastFrame, (f) => f.includes('2 DOWN'));
    // Let every frame and effect the key caused run: one more write after it is drawn.
    stdin.write('?');
    await waitForFrame(lastFrame, (f) => f.includes('Esc or ? closes'));
    expect(frames.length).toBeGreaterThan(drawn);
    // The state after x is the one with KR-CA simulated: analysed once at most, whatever asks
    // (not at all when the impact panel's preview of x analysed it already).
    const simulated = asked.snapshots.filter((failed) => failed.includes('KR-CA'));
    expect(simulated.length).toBeLessThanOrEqual(1);
    // The state before x was analysed when it was drawn: not again.
    const before = asked.snapshots.filter((failed) => !failed.includes('KR-CA'));
    expect(before).toHaveLength(0);
    expect(asked.whatIfs, 'what-ifs').toBeLessThanOrEqual(1);
  });
});
