import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {LiveUpdate} from '../../source/ui/types.js';
import {channel, fixedNow, renderDashboard, waitForFrame} from './helpers.js';

afterEach(() => cleanup());

/** The header with two live sources: events healthy, prometheus failed since its last good data. */
async function headerWithSources(columns: number, lang: 'en' | 'ko' = 'en'): Promise<string> {
  const live = channel<LiveUpdate>();
  const {lastFrame} = renderDashboard({
    updates: live.iterable,
    size: {columns, rows: 24},
    look: {lang, ascii: false, color: false},
  });
  await waitForFrame(lastFrame, (f) => f.split('\n').length > 2);
  const lastGood = fixedNow - 60 * 60_000;
  live.push({type: 'observed', source: 'prometheus', observed: new Map(), at: lastGood});
  live.push({type: 'observed', source: 'events', observed: new Map(), at: fixedNow - 60_000});
  live.push({type: 'sourceError', source: 'prometheus', message: 'ECONNREFUSED', at: fixedNow});
  const frame = await waitForFrame(
    lastFrame,
    (f) => f.includes('prometheus: ECONNREFUSED') && f.includes('live'),
  );
  return frame.split('\n')[0]!;
}

describe('the header with a failed live source', () => {
  it('at 100 columns keeps health and live counts, cuts names with an ellipsis and counts the rest', async () => {
    expect(await headerWithSources(100)).toBe(
      ' failsight  shop-prod  0 DOWN · 0 DEGRADED · 3 OK  live ● 21 up  prom… ✖ 13:03  +1 more    14:03:22',
    );
  });

  it('at 80 columns keeps health and live counts whole and leaves the sources out', async () => {
    expect(await headerWithSources(80)).toBe(
      ' failsight  shop-prod  0 DOWN · 0 DEGRADED · 3 OK  live ● 21 up        14:03:22',
    );
  });

  it('at 140 columns says it in full words', async () => {
    expect(await headerWithSources(140)).toBe(
      ' failsight  shop-prod  0 DOWN · 0 DEGRADED · 3 OK  live ● 21 up  ✖ prometheus failed, last good 13:03:22  events 14:02:22          14:03:22',
    );
  });

  it('at 120 columns words the sources shorter before cutting any name', async () => {
    expect(await headerWithSources(120)).toBe(
      ' failsight  shop-prod  0 DOWN · 0 DEGRADED · 3 OK  live ● 21 up  prometheus ✖ 13:03  events 14:02              14:03:22',
    );
  });
});
