import {describe, expect, it} from 'vitest';
import type {SourceUpdate} from '../../source/core/live.js';
import {messageOf} from '../../source/ui/components/message.js';
import type {DashboardState} from '../../source/ui/state/types.js';
import {apply, at, start} from './reducer-helpers.js';

const observed = (source: string, down: Array<[string, string]>, when = at): SourceUpdate => ({
  type: 'observed',
  source,
  observed: new Map(down),
  at: when,
});
const live = (update: SourceUpdate) => ({type: 'liveSource', update}) as const;
const line = (state: DashboardState, lang: 'en' | 'ko' = 'en') => messageOf(state, lang, []).text;

const zoneDown = () =>
  apply(start({live: true}), live(observed('alertmanager', [['KR-CA', 'ZonePowerLoss']])));

describe('the reducer: live changes of health are announced', () => {
  it('a zone observed down is said on the message line with every service it moved', () => {
    const state = zoneDown();
    // KR-CA takes db-1 (shop-db's only active; db-2 is a standby not promoted): shop-db DOWN,
    // and shop-web, which depends on it, DOWN too. shop-admin (KR-CB) does not move.
    expect(line(state)).toBe(
      'KR-CA down (alertmanager: ZonePowerLoss) — shop-web DOWN, shop-db DOWN',
    );
    expect(state.notice?.tone).toBe('error');
    expect(line(state, 'ko')).toBe(
      'KR-CA 장애 (alertmanager: ZonePowerLoss) — shop-web 중단, shop-db 중단',
    );
  });

  it('journals the observed change, the announcement and the analysis after it, in that order', () => {
    const records = zoneDown().journal.records ?? [];
    expect(records.map((r) => ('event' in r ? r.event : r.action))).toEqual([
      'observed',
      'announced',
      'analysis',
    ]);
    expect(records[0]).toEqual({
      event: 'observed',
      id: 'KR-CA',
      kind: 'zone',
      state: 'down',
      sources: ['alertmanager'],
      reason: 'alertmanager: ZonePowerLoss',
    });
    expect(records[2]).toMatchObject({
      event: 'analysis',
      simulated: false,
      changed: ['KR-CA'],
      changedCount: 1,
      services: [
        {id: 'shop-web', served: 0, demand: 1000, status: 'DOWN'},
        {id: 'shop-db', served: 0, demand: 1000, status: 'DOWN'},
        {id: 'shop-admin', served: 50, demand: 50, status: 'OK'},
      ],
    });
  });

  it('stays through live news that moves no service, a bad line and the clock', () => {
    const said = line(zoneDown());
    const later = apply(
      zoneDown(),
      // Another source sees the zone down too: news for the journal, not for the message line.
      live(observed('prometheus', [['KR-CA', 'up == 0']])),
      live({type: 'badLine', source: 'events', message: 'not JSON', count: 1, at}),
      live({type: 'sourceNotice', source: 'events', message: 'file rotated', at}),
      {type: 'tick', at: at + 1000},
    );
    expect(later.journal.records?.[0]).toMatchObject({event: 'observed', id: 'KR-CA'});
    expect(line(later)).toBe(said);
  });

  it('gives way to a source that fails: what is on screen may be stale', () => {
    const failed = apply(
      zoneDown(),
      live({type: 'sourceError', source: 'probes', message: 'timeout', at}),
    );
    expect(line(failed)).toBe('probes: timeout (the last observed state is kept)');
  });

  it('goes at the next key, whichever it is', () => {
    expect(apply(zoneDown(), {type: 'moveDown'}).notice).toBeUndefined();
    expect(apply(zoneDown(), {type: 'toggleSweep'}).notice).toBeUndefined();
    expect(apply(zoneDown(), {type: 'toggleHelp'}).notice).toBeUndefined();
  });

  it('recovery is announced the same way, and replaces the outage', () => {
    const back = apply(zoneDown(), live(observed('alertmanager', [], at + 60_000)));
    expect(line(back)).toBe('KR-CA up — shop-web OK, shop-db OK');
    expect(back.notice?.tone).toBe('info');
    expect(back.journal.records?.[1]).toEqual({
      event: 'announced',
      tone: 'recovery',
      lead: {id: 'KR-CA', kind: 'zone', state: 'up'},
      more: 0,
      services: [
        {id: 'shop-web', before: 'DOWN', after: 'OK'},
        {id: 'shop-db', before: 'DOWN', after: 'OK'},
      ],
    });
  });

  it('a VM down that moves no service status is journaled, not announced', () => {
    const state = apply(start({live: true}), live(observed('probes', [['admin-1', 'refused']])));
    // admin-1 is shop-admin's only VM: that one is announced.
    expect(line(state)).toBe('admin-1 down (probes: refused) — shop-admin DOWN');
    const quiet = apply(
      state,
      {type: 'moveDown'},
      live(observed('prometheus', [['db-2', 'up == 0']])),
    );
    // db-2 is a standby: nothing serves less, so the line stays as the key left it.
    expect(quiet.notice).toBeUndefined();
    expect(quiet.journal.records?.map((r) => ('event' in r ? r.event : r.action))).toEqual([
      'observed',
      'analysis',
    ]);
  });

  it('the timeline gets one moment per change, from the start of the session', () => {
    const state = apply(
      start({live: true, at: at - 5000}),
      live(observed('alertmanager', [['KR-CA', 'ZonePowerLoss']])),
      {type: 'select', id: 'KR-CB'},
      {type: 'failSelected', at: at + 1000},
    );
    expect(state.timeline.points.map((p) => [p.at - at, p.mark])).toEqual([
      [-5000, 'start'],
      [0, 'change'],
      [1000, 'action'],
    ]);
    expect(state.timeline.points[1]!.served.get('shop-web')).toBe(0);
  });
});
