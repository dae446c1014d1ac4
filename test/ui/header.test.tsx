import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {snapshot} from '../../source/core/analyze.js';
import {applySourceUpdate, noLiveSources, type LiveSources} from '../../source/core/live.js';
import {emptyState} from '../../source/core/state.js';
import {fitParts, partPriority} from '../../source/ui/components/header-parts.js';
import {
  headerLine,
  headerParts,
  type HeaderInputs,
} from '../../source/ui/components/header-text.js';
import {themeOf} from '../../source/ui/theme.js';
import type {LiveUpdate} from '../../source/shared/types.js';
import {bigModel} from './big-model.js';
import {channel, demoModel, fixedNow, renderDashboard, waitForFrame} from './helpers.js';

afterEach(() => cleanup());

const minute = 60_000;

/** The header with two live sources: events healthy, prometheus failed since its last good data. */
async function headerWithSources(columns: number, lang: 'en' | 'ko' = 'en'): Promise<string> {
  const live = channel<LiveUpdate>();
  const {lastFrame} = renderDashboard({
    updates: live.iterable,
    size: {columns, rows: 24},
    look: {lang, ascii: false, color: false},
  });
  await waitForFrame(lastFrame, (f) => f.split('\n').length > 2);
  const lastGood = fixedNow - 60 * minute;
  // Prometheus had seen web-1 and web-3 up; events saw db-1 go down and never spoke again.
  const seen = new Set(['web-1', 'web-3']);
  live.push({
    type: 'observed',
    source: 'prometheus',
    observed: new Map(),
    watched: seen,
    intervalMs: 5000,
    at: lastGood,
  });
  live.push({
    type: 'observed',
    source: 'events',
    observed: new Map([['db-1', 'disk']]),
    at: fixedNow - minute,
  });
  live.push({type: 'sourceError', source: 'prometheus', message: 'ECONNREFUSED', at: fixedNow});
  const frame = await waitForFrame(
    lastFrame,
    (f) => f.includes('prometheus: ECONNREFUSED') && f.includes(lang === 'en' ? 'STALE' : '오래됨'),
  );
  return frame.split('\n')[0]!;
}

// What is counted: web-1 and web-3 (watched by prometheus, now unknown: it failed) and db-1
// (down, from events): 0 up, 1 down, 2 unknown = the 3 components some source watches.
// The demo has 3 services, each one failure from DOWN as it stands (shop-web: zone KR-CA …).
describe('the header with a failed live source', () => {
  // db-1 down: shop-db DOWN (db-2 is a standby), shop-web DOWN through it, shop-admin OK and
  // one failure (admin-1) from DOWN.
  it('at 140 columns drops the healthy source, the clock and the program name; names db-1 as likely', async () => {
    // 133 columns of parts: events (17 more) and the clock (10 more) do not fit beside them.
    expect(await headerWithSources(140)).toBe(
      ' shop-prod  2 DOWN · 0 DEGRADED · 1 OK  live ● 0 up ✖ 1 down ? 2 unknown  ⚠ 1 one failure from DOWN  ✖ STALE prometheus 1h  likely: VM db-1',
    );
  });

  it('at 100 columns drops the names, then the words of ⚠ and of the live counts', async () => {
    expect(await headerWithSources(100)).toBe(
      ' 2 DOWN · 0 DEGRADED · 1 OK  ● 0 ✖ 1 down ? 2 unknown  ⚠ 1  ✖ STALE prometheus 1h  likely: VM db-1',
    );
  });

  it('at 80 columns keeps the failed source, the unknown count and the health summary', async () => {
    // Then the topology's name and the words of the up and down counts; "unknown" stays.
    expect(await headerWithSources(80)).toBe(
      ' 2 DOWN · 0 DEGRADED · 1 OK  ● 0 ✖ 1 ? 2  ⚠ 1  ✖ STALE prom… 1h  likely: VM db-1',
    );
  });

  it('in Korean at 80 columns keeps the same parts', async () => {
    expect(await headerWithSources(80, 'ko')).toBe(
      ' 중단 2 · 저하 0 · 정상 1  ● 0 ✖ 1 ? 2  ⚠ 1  ✖ 오래됨 prometheus 1h  추정: db-1',
    );
  });
});

const theme = themeOf({lang: 'en', ascii: false, color: false});

function inputs(live: LiveSources, width: number, more: Partial<HeaderInputs> = {}): HeaderInputs {
  const model = demoModel();
  return {
    model,
    snapshot: snapshot(model, {...emptyState, observed: live.observed}),
    live: true,
    sources: live,
    oneFailureFromDown: 3,
    readOnly: false,
    demo: false,
    theme,
    width,
    ...more,
  };
}

const textOf = (line: {segments: {text: string}[]}) => line.segments.map((s) => s.text).join('');

describe('the header drops decoration first, at 80 columns', () => {
  // Seven probed components not decided yet: the probe source watches 7, sees none up.
  const probing = applySourceUpdate(noLiveSources, {
    type: 'observed',
    source: 'probes',
    observed: new Map(),
    unknown: new Set(['web-1', 'db-1', 'web-2', 'web-3', 'admin-1', 'web-4', 'lb-ca']),
    at: fixedNow,
  });

  it('--probe at start: 0 up and 7 unknown of the 7 watched, never 21 up', () => {
    // The clock, the program's and the topology's names give way; every word fits then.
    expect(textOf(headerLine(inputs(probing, 80)))).toBe(
      ' 0 DOWN · 0 DEGRADED · 3 OK  live ● 0 up ? 7 unknown  ⚠ 3 one failure from DOWN ',
    );
  });

  it('at every width from 80 to 160 the three kept parts are there', () => {
    const stale = applySourceUpdate(probing, {
      type: 'sourceError',
      source: 'prometheus',
      message: 'HTTP 401',
      at: fixedNow,
    });
    for (let width = 80; width <= 160; width++) {
      const text = textOf(headerLine(inputs(stale, width)));
      expect(text).toContain('0 DOWN · 0 DEGRADED · 3 OK');
      expect(text).toMatch(/\? 7/);
      expect(text).toMatch(/✖ NO DATA prom/);
      expect(text).toMatch(/⚠ 3/);
    }
  });

  it('a part added with a lower priority gives way before the three', () => {
    const parts = headerParts(inputs(probing, 80));
    const likely = {
      id: 'likely',
      forms: [
        {segments: [{text: '  likely: zone KR-CA'}], priority: partPriority.figure - 1},
        {segments: [], priority: Infinity},
      ],
    };
    const at = (width: number) =>
      fitParts([...parts, likely], width, '…')
        .segments.map((s) => s.text)
        .join('');
    expect(at(100)).toBe(
      ' 0 DOWN · 0 DEGRADED · 3 OK  live ● 0 up ? 7 unknown  ⚠ 3 one failure from DOWN  likely: zone KR-CA',
    );
    // 80: the words of ⚠ go first (priority 20), then likely's are still worth keeping.
    expect(at(80)).toBe(
      ' 0 DOWN · 0 DEGRADED · 3 OK  live ● 0 up ? 7 unknown  ⚠ 3  likely: zone KR-CA',
    );
    // 60: likely gives way before the three and the ⚠ figure.
    expect(at(60)).toBe(' 0 DOWN · 0 DEGRADED · 3 OK  live ● 0 up ? 7 unknown  ⚠ 3');
  });
});

describe('a source that stops answering turns stale on the clock alone', () => {
  it('three intervals after its last good answer the header says so, its components unknown', async () => {
    const live = channel<LiveUpdate>();
    let now = fixedNow;
    const {lastFrame} = renderDashboard({
      updates: live.iterable,
      now: () => now,
      tickMs: 10,
      size: {columns: 80, rows: 24},
    });
    await waitForFrame(lastFrame, (f) => f.split('\n').length > 2);
    // Prometheus polls every 5 s and sees web-1 and web-3 up; then nothing more comes.
    live.push({
      type: 'observed',
      source: 'prometheus',
      observed: new Map(),
      watched: new Set(['web-1', 'web-3']),
      intervalMs: 5000,
      at: fixedNow,
    });
    const fresh = await waitForFrame(lastFrame, (f) => f.includes('● 2 up'));
    expect(fresh.split('\n')[0]).not.toContain('STALE');
    // Past 15 s (3 intervals; the boundary is held in test/core/freshness.test.ts).
    now = fixedNow + 15_001;
    const stale = await waitForFrame(lastFrame, (f) => f.split('\n')[0]!.includes('STALE'));
    expect(stale.split('\n')[0]).toBe(
      ' 0 DOWN · 0 DEGRADED · 3 OK  ● 0 ? 2 unknown  ⚠ 3  ✖ STALE prometheus <1m',
    );
    expect(stale).toMatch(/\? web-1 +250 unknown/);
    // A minute on, its age says so, still without a word from the source.
    now = fixedNow + 75_000;
    const later = await waitForFrame(lastFrame, (f) => f.includes('STALE prometheus 1m'));
    expect(later.split('\n')[0]).toContain('? 2 unknown');
  });
});

describe('one failure from DOWN on a big topology', () => {
  it('is not computed on every state above 20,000 components, but once the sweep exists', async () => {
    // 20,000 VMs and their LBs, routers, zones: above the size where a sweep takes seconds.
    const {lastFrame, stdin} = renderDashboard({model: bigModel(20_000)});
    const first = await waitForFrame(lastFrame, (f) => f.includes('by zone'), 60_000);
    expect(first.split('\n')[0]).toContain('⚠ …');
    stdin.write('s');
    const swept = await waitForFrame(lastFrame, (f) => f.includes('from now:'), 60_000);
    // Every service of the generated topology survives one failure: the part goes.
    expect(swept.split('\n')[0]).not.toContain('⚠');
  });
});
