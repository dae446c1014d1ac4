import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {LiveUpdate} from '../../source/shared/types.js';
import {channel, fixedNow, renderDashboard, waitForFrame} from './helpers.js';

afterEach(() => cleanup());

describe('S: the live sources pane (80×24)', () => {
  it('lists every source: current or not, last good poll, what it sees, the last error whole', async () => {
    const live = channel<LiveUpdate>();
    const {lastFrame, stdin} = renderDashboard({
      updates: live.iterable,
      size: {columns: 80, rows: 24},
    });
    await waitForFrame(lastFrame, (f) => f.includes('by zone'));
    live.push({
      type: 'observed',
      source: 'probes',
      observed: new Map([['web-4', 'connect refused']]),
      unknown: new Set(['web-2']),
      watched: new Set(['web-1', 'web-2', 'web-3', 'web-4']),
      intervalMs: 5000,
      at: fixedNow - 2000,
    });
    // An error longer than the panel is wide, with a control character in it.
    const error = `http://127.0.0.1:9/api/v1/query: HTTP 401 (bad credentials?) \u001b[2J${'x'.repeat(60)}`;
    live.push({type: 'sourceError', source: 'prometheus', message: error, at: fixedNow});
    await waitForFrame(lastFrame, (f) => f.includes('NO DATA prom'));
    stdin.write('S');
    const frame = await waitForFrame(lastFrame, (f) => f.includes('Live sources'));
    const panel = frame
      .split('\n')
      .map((line) => line.slice(line.indexOf('│┃') + 2, -1).trimEnd())
      .slice(2, 20);
    // 38 columns inside the panel: every line wrapped, nothing cut; the escape shown as text.
    expect(panel).toEqual([
      '● probes  current',
      '  last good 14:03:20, <1m ago · polls',
      '  every 5s',
      // web-1..4 watched; web-4 down, web-2 unknown.
      '  components seen: 4 · 1 down · 1',
      '  unknown',
      '✖ prometheus  NO DATA: never answered',
      '  no good answer yet',
      '  components seen: 0 · 0 down · 0',
      '  unknown',
      '  last error 14:03:22:',
      '    http://127.0.0.1:9/api/v1/query:',
      '    HTTP 401 (bad credentials?)',
      // 31 + 29 = the 60 x's, whole.
      `    \\e[2J${'x'.repeat(31)}`,
      `    ${'x'.repeat(29)}`,
      '',
      '',
      '',
      '',
    ]);
  });
});
