import {describe, expect, it} from 'vitest';
import {snapshot} from '../../source/core/analyze.js';
import {
  ageText,
  freshnessOf,
  liveCounts,
  nextFreshnessChange,
  unknownNow,
} from '../../source/core/freshness.js';
import {
  applySourceUpdate,
  liveAt,
  noLiveSources,
  type LiveSources,
} from '../../source/core/live.js';
import {emptyState} from '../../source/core/state.js';
import {loadFixture} from '../ui/reducer-helpers.js';

const t0 = Date.UTC(2026, 10, 25, 5, 0, 0);
const model = loadFixture();

function polled(live: LiveSources, at: number, watched: string[], down: string[] = []) {
  return applySourceUpdate(live, {
    type: 'observed',
    source: 'prometheus',
    observed: new Map(down.map((id) => [id, 'up == 0'])),
    watched: new Set(watched),
    intervalMs: 5000,
    at,
  });
}

const counts = (live: LiveSources) =>
  liveCounts(model, snapshot(model, {...emptyState, observed: live.observed}), live);

describe('how far a source can be trusted', () => {
  it('is fresh up to three intervals after its last good answer, stale after', () => {
    const live = polled(noLiveSources, t0, ['web-1']);
    const source = live.sources.get('prometheus')!;
    expect(freshnessOf(source, t0 + 15_000)).toBe('fresh');
    expect(freshnessOf(source, t0 + 15_001)).toBe('stale');
    // The clock must look again just past the boundary.
    expect(nextFreshnessChange(live)).toBe(t0 + 15_001);
  });

  it('a failed poll and a source that never answered are not fresh', () => {
    const failed = applySourceUpdate(polled(noLiveSources, t0, ['web-1']), {
      type: 'sourceError',
      source: 'prometheus',
      message: 'HTTP 401',
      at: t0 + 5000,
    });
    expect(freshnessOf(failed.sources.get('prometheus')!, t0 + 5000)).toBe('failed');
    const never = applySourceUpdate(noLiveSources, {
      type: 'sourceError',
      source: 'cloudstack',
      message: 'HTTP 401',
      expected: new Set(['web-1', 'web-2']),
      at: t0,
    });
    expect(freshnessOf(never.sources.get('cloudstack')!, t0)).toBe('never');
    expect([...unknownNow(never)].sort()).toEqual(['web-1', 'web-2']);
  });

  it('what only an untrusted source watches is unknown; what it saw down stays down', () => {
    // Prometheus watches web-1, web-3, db-1 and saw db-1 down; then it goes quiet.
    const live = polled(noLiveSources, t0, ['web-1', 'web-3', 'db-1'], ['db-1']);
    // Fresh: 2 up (web-1, web-3), 1 down (db-1), 0 unknown = the 3 watched.
    expect(counts(live)).toEqual({up: 2, down: 1, unknown: 0});
    const later = liveAt(live, t0 + 15_001);
    expect([...unknownNow(later)].sort()).toEqual(['web-1', 'web-3']);
    // Stale: 0 up, db-1 still down, web-1 and web-3 unknown = the same 3.
    expect(counts(later)).toEqual({up: 0, down: 1, unknown: 2});
  });

  it('counts what falls with an observed failure as down, and only failable components', () => {
    // Events report zone KR-CA down: its 2 routers, 3 VMs and LB fall with it (7 failable,
    // the zone included); prometheus, fresh, sees web-3 up. 1 up + 7 down + 0 unknown = 8.
    const events = applySourceUpdate(noLiveSources, {
      type: 'observed',
      source: 'events',
      observed: new Map([['KR-CA', 'power']]),
      at: t0,
    });
    expect(counts(polled(events, t0, ['web-3']))).toEqual({up: 1, down: 7, unknown: 0});
  });

  it('says an age in whole minutes, hours, days', () => {
    expect([59_999, 60_000, 3_599_999, 3_600_000, 48 * 3_600_000].map(ageText)).toEqual([
      '<1m',
      '1m',
      '59m',
      '1h',
      '2d',
    ]);
  });
});

describe('a source that never answered', () => {
  it('what it would watch is unknown until it answers, and then only what it saw counts', () => {
    const never = applySourceUpdate(noLiveSources, {
      type: 'sourceError',
      source: 'prometheus',
      message: 'no answer within 500 ms',
      expected: new Set(['web-1', 'web-2', 'web-3']),
      intervalMs: 500,
      at: t0,
    });
    expect(counts(never)).toEqual({up: 0, down: 0, unknown: 3});
    // Its first answer matches no series yet (Prometheus has not scraped): nothing vouched up.
    const answered = polled(never, t0 + 500, []);
    expect(counts(answered)).toEqual({up: 0, down: 0, unknown: 0});
    expect(unknownNow(answered).size).toBe(0);
  });
});
