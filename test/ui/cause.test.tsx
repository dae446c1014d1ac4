import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {applySourceUpdate, noLiveSources} from '../../source/core/live.js';
import {liveObservations} from '../../source/core/live-observations.js';
import {causeOf, likelyFailures} from '../../source/ui/analysis/cause.js';
import type {LiveUpdate} from '../../source/shared/types.js';
import {channel, fixedNow, renderDashboard, waitForFrame} from './helpers.js';
import {apply, selectedId, start} from './reducer-helpers.js';

afterEach(() => cleanup());

/**
 * The demo's zone KR-CA holds web-1 and db-1 (router shop-main/KR-CA) and web-2
 * (shop-sub/KR-CA). With those three down and web-3 up (account shop-main, zone KR-CB), the
 * router shop-main/KR-CA misses web-2, account shop-main would take web-3: only the zone
 * explains all three.
 */
const outage: LiveUpdate = {
  type: 'observed',
  source: 'events',
  observed: new Map([
    ['web-1', 'power'],
    ['db-1', 'power'],
    ['web-2', 'power'],
  ]),
  watched: new Set(['web-1', 'db-1', 'web-2', 'web-3']),
  at: fixedNow,
};

describe('live observations as the likely cause reads them', () => {
  it('down wins, then unknown; a watched component is up only while its source works', () => {
    let live = applySourceUpdate(noLiveSources, {
      type: 'observed',
      source: 'probes',
      observed: new Map([['a', 'refused']]),
      unknown: new Set(['b']),
      watched: new Set(['a', 'b', 'c']),
      at: 1,
    });
    live = applySourceUpdate(live, {
      type: 'observed',
      source: 'prometheus',
      observed: new Map(),
      watched: new Set(['d']),
      at: 1,
    });
    expect(liveObservations(live)).toEqual(
      new Map([
        ['a', 'down'],
        ['b', 'unknown'],
        ['c', 'up'],
        ['d', 'up'],
      ]),
    );
    // Prometheus fails: what it saw up is no longer evidence.
    live = applySourceUpdate(live, {
      type: 'sourceError',
      source: 'prometheus',
      message: 'ECONNREFUSED',
      at: 2,
    });
    expect(liveObservations(live).has('d')).toBe(false);
  });
});

describe('the cause pane in the dashboard state', () => {
  const observed = () => {
    const state = start({live: true});
    return apply(state, {type: 'liveSource', update: outage as never});
  };

  it('is asked once per observed state: a key press does not search again', () => {
    const state = observed();
    const first = causeOf(state);
    const moved = apply(state, {type: 'moveDown'});
    expect(moved.sources).toBe(state.sources);
    expect(causeOf(moved)).toBe(first);
    expect(likelyFailures(moved)).toEqual(['KR-CA']);
  });

  it('c opens it; Enter on an entry shows that component in the tree', () => {
    const opened = apply(observed(), {type: 'toggleCause'});
    expect(opened.panel).toBe('cause');
    expect(causeOf(opened).items.map((item) => item.failed)).toEqual([['KR-CA']]);
    const jumped = apply(opened, {type: 'jumpToListItem'});
    expect(jumped.panel).toBe('impact');
    expect(selectedId(jumped)).toBe('KR-CA');
  });

  it('nothing observed down: no likely cause for the header', () => {
    expect(likelyFailures(start({live: true}))).toBeUndefined();
  });
});

describe('the likely cause on screen', () => {
  it('the header names it and c lists it with what it leaves', async () => {
    const live = channel<LiveUpdate>();
    const {lastFrame, stdin} = renderDashboard({
      updates: live.iterable,
      size: {columns: 140, rows: 30},
    });
    await waitForFrame(lastFrame, (f) => f.split('\n').length > 2);
    live.push(outage);
    const frame = await waitForFrame(lastFrame, (f) => f.includes('likely:'));
    expect(frame.split('\n')[0]).toContain('  likely: zone KR-CA');
    stdin.write('c');
    const pane = await waitForFrame(lastFrame, (f) => f.includes('Likely cause'));
    expect(pane).toContain('3 observed down · 1 up · 0 unknown');
    expect(pane).toContain('›zone KR-CA  explains 3/3');
    expect(pane).toContain('explains everything observed down');
  });

  it('at 80 columns the health summary keeps its place and the likely cause fits beside it', async () => {
    const live = channel<LiveUpdate>();
    const {lastFrame} = renderDashboard({updates: live.iterable, size: {columns: 80, rows: 24}});
    await waitForFrame(lastFrame, (f) => f.split('\n').length > 2);
    live.push(outage);
    const frame = await waitForFrame(lastFrame, (f) => f.includes('2 DOWN'));
    const header = frame.split('\n')[0]!;
    expect(header).toContain('2 DOWN · 0 DEGRADED · 1 OK');
    // What on-call acts on stays once the decoration (name, words) has gone; never a cut name.
    expect(header).toBe(
      ' shop-prod  2 DOWN · 0 DEGRADED · 1 OK  live ● 1 up ✖ 3 down  ⚠ 1  likely: KR-CA',
    );
  });
});
