import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {parseTopology} from '../../source/core/load.js';
import type {Model} from '../../source/core/model.js';
import {keys} from './frames.js';
import {renderDashboard, waitForFrame} from './helpers.js';
import {manyServicesYaml} from './many-services.js';

// Every action the store hands the reducer, in order: drawing must add none.
const reduced = vi.hoisted(() => [] as string[]);

vi.mock('../../source/ui/state/reducer.js', async (original) => {
  const real = await original<typeof import('../../source/ui/state/reducer.js')>();
  return {
    ...real,
    reduce: (...args: Parameters<typeof real.reduce>) => {
      reduced.push(args[1].type);
      return real.reduce(...args);
    },
  };
});

afterEach(cleanup);

function manyServices(count: number): Model {
  const result = parseTopology(manyServicesYaml(count), 'many.yaml');
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.model;
}

describe('drawing writes no state back', () => {
  it('the first frame and a new impact dispatch nothing: the only actions are the keys’', async () => {
    reduced.length = 0;
    const {lastFrame, stdin} = renderDashboard({
      model: manyServices(40),
      size: {columns: 80, rows: 24},
    });
    await waitForFrame(lastFrame, (f) => f.includes('Impact · zone Z1'));
    // j draws an impact panel of another length.
    stdin.write('j');
    await waitForFrame(lastFrame, (f) => f.includes('Impact · router acc/Z1'));
    // A later key's frame: every effect of j's frame has run by then.
    stdin.write('?');
    await waitForFrame(lastFrame, (f) => f.includes('Esc or ? closes'));
    // Each key is a clock tick (a key answers the state as it stands now), then its action.
    expect(reduced).toEqual(['tick', 'moveDown', 'tick', 'toggleHelp']);
  });

  it('scrolling still stops at the impact panel’s end', async () => {
    const {lastFrame, stdin} = renderDashboard({
      model: manyServices(40),
      size: {columns: 80, rows: 24},
    });
    await waitForFrame(lastFrame, (f) => f.includes('Impact · zone Z1'));
    stdin.write(keys.tab);
    await waitForFrame(lastFrame, (f) => f.includes('┏ Impact'));
    // 85 lines, 18 shown: the last screenful is lines 68-85.
    stdin.write('G');
    await waitForFrame(lastFrame, (f) => f.includes('68-85/85'));
    // Past the end: three lines down go nowhere, so one line up shows 67-84 (not 70-87).
    stdin.write(keys.down);
    stdin.write(keys.down);
    stdin.write(keys.down);
    stdin.write(keys.up);
    await waitForFrame(lastFrame, (f) => f.includes('67-84/85'));
  });
});
