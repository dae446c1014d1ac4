import {describe, expect, it} from 'vitest';
import {incidentOf} from '../../source/core/incident.js';

const line = (record: object) => JSON.stringify(record);
const analysis = (at: string, web: [number, string]) =>
  line({
    at,
    event: 'analysis',
    simulated: false,
    services: [{id: 'shop-web', served: web[0], demand: 1000, status: web[1]}],
    changed: [],
    changedCount: 0,
    moves: [],
  });

describe('the incident read from its journal', () => {
  it('counts and names bad lines and skips them; a record of the wrong shape is one too', () => {
    const story = incidentOf([
      'not json',
      line({at: '2026-11-25T03:00:00Z', action: 'fail', ids: ['KR-CA'], simulated: true}),
      line({action: 'fail', ids: ['x']}),
      line({at: 'yesterday', action: 'fail'}),
      line({at: '2026-11-25T03:00:01Z', event: 'analysis', services: 'all of them'}),
      line({at: '2026-11-25T03:00:02Z', event: 'something new'}),
      '',
      '{"at":"2026-11-25T03:0',
    ]);
    // Lines 1, 3 (no time), 4 (a time that is none), 5, 6 and 8; the empty line 7 is no line.
    expect(story.skipped).toEqual({count: 6, lines: [1, 3, 4, 5, 6, 8]});
    expect(story.records).toBe(1);
    expect(story.actions).toHaveLength(1);
  });

  it('a hook that ran is not simulated and keeps its exit code and duration', () => {
    const story = incidentOf([
      line({at: '2026-11-25T03:00:00Z', action: 'hook-start', ids: ['db-2'], argv: ['./f']}),
      line({
        at: '2026-11-25T03:00:03Z',
        action: 'hook-end',
        ids: ['db-2'],
        simulated: false,
        exitCode: 1,
        durationMs: 2900,
      }),
      // Journals written before actions were marked held only simulated actions and hooks.
      line({at: '2026-11-25T03:00:04Z', action: 'failover', ids: ['db-2']}),
    ]);
    expect(story.actions.map((a) => [a.action, a.simulated, a.exitCode, a.durationMs])).toEqual([
      ['hook-start', false, undefined, undefined],
      ['hook-end', false, 1, 2900],
      ['failover', true, undefined, undefined],
    ]);
  });

  it('time in each status runs from one analysis to the next, and to the last record', () => {
    const story = incidentOf([
      analysis('2026-11-25T03:00:00Z', [0, 'DOWN']),
      analysis('2026-11-25T03:01:30Z', [500, 'DEGRADED']),
      analysis('2026-11-25T03:02:00Z', [1000, 'OK']),
      analysis('2026-11-25T03:05:00Z', [0, 'DOWN']),
      line({at: '2026-11-25T03:05:20Z', action: 'fail', ids: ['x'], simulated: true}),
    ]);
    const [web] = story.services;
    // DOWN 90 s, then 20 s more from 03:05:00 to the last record; DEGRADED 30 s.
    expect(web).toMatchObject({downS: 110, degradedS: 30, simulatedPart: false});
    expect(web?.worst).toEqual({at: '2026-11-25T03:00:00.000Z', served: 0, status: 'DOWN'});
    expect(story.start).toBe('2026-11-25T03:00:00.000Z');
    // Below OK again at its last record: not ended.
    expect(story.end).toBeUndefined();
    expect(story.likely).toEqual([]);
  });
});
