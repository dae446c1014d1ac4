import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
  applySourceUpdate,
  mergeObserved,
  noLiveSources,
  type LiveSources,
  type SourceUpdate,
} from '../../source/core/live.js';

const observed = (
  source: string,
  at: number,
  down: Array<[string, string]>,
  unknown: string[] = [],
): SourceUpdate => ({
  type: 'observed',
  source,
  observed: new Map(down),
  unknown: new Set(unknown),
  at,
});

const run = (updates: SourceUpdate[]): LiveSources =>
  updates.reduce(applySourceUpdate, noLiveSources);

describe('merging live sources', () => {
  it('down wins across sources and every reason is listed with its source', () => {
    const live = run([
      observed('prometheus', 1000, [['web-1', 'up == 0, job=vms']]),
      observed('alertmanager', 2000, [['web-1', 'VmDown: web-1 is not answering']], ['KR-CA']),
      observed('probes', 3000, [], ['web-1']),
    ]);
    expect(live.observed).toEqual(
      new Map([
        ['web-1', 'prometheus: up == 0, job=vms; alertmanager: VmDown: web-1 is not answering'],
      ]),
    );
    // web-1 is down somewhere, so not unknown; KR-CA is unknown, and not down.
    expect(live.unknown).toEqual(new Set(['KR-CA']));
    expect(live.downSince).toEqual(new Map([['web-1', 1000]]));
  });

  it('a snapshot replaces the source’s previous one; an error keeps it and records the time', () => {
    let live = run([observed('prometheus', 1000, [['web-1', 'up == 0']])]);
    live = applySourceUpdate(live, {
      type: 'sourceError',
      source: 'prometheus',
      message: 'ECONNREFUSED',
      at: 5000,
    });
    expect(live.observed.get('web-1')).toBe('prometheus: up == 0');
    expect(live.sources.get('prometheus')).toMatchObject({
      lastGood: 1000,
      error: {message: 'ECONNREFUSED', at: 5000},
    });
    live = applySourceUpdate(live, observed('prometheus', 6000, []));
    expect(live.observed.size).toBe(0);
    expect(live.sources.get('prometheus')?.error).toBeUndefined();
    expect(live.sources.get('prometheus')?.lastGood).toBe(6000);
    // The history, newest first: web-1 came up at 6000 after being down since 1000.
    expect(live.history).toEqual([
      {id: 'web-1', state: 'up', at: 6000, downSince: 1000},
      {
        id: 'web-1',
        state: 'down',
        at: 1000,
        reason: 'prometheus: up == 0',
        reasons: ['prometheus: up == 0'],
      },
    ]);
  });

  it('bad lines are counted and leave the observed state alone', () => {
    let live = run([observed('events', 1000, [['KR-CA', 'power']])]);
    live = applySourceUpdate(live, {
      type: 'badLine',
      source: 'events',
      message: 'x:2: not JSON',
      count: 1,
      at: 2000,
    });
    expect(live.sources.get('events')?.badLines).toBe(1);
    expect(live.observed.get('KR-CA')).toBe('events: power');
  });

  it('property: a component is down iff some source says down, unknown never counts as up', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const snapshot = fc.record({
      source: fc.constantFrom('events', 'prometheus', 'alertmanager', 'probes'),
      down: fc.subarray(ids),
      unknown: fc.subarray(ids),
      fails: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(snapshot, {maxLength: 12}), (steps) => {
        let live = noLiveSources;
        const latest = new Map<string, {down: string[]; unknown: string[]}>();
        steps.forEach((step, index) => {
          if (step.fails) {
            live = applySourceUpdate(live, {
              type: 'sourceError',
              source: step.source,
              message: 'x',
              at: index,
            });
            return;
          }
          latest.set(step.source, step);
          live = applySourceUpdate(
            live,
            observed(
              step.source,
              index,
              step.down.map((id) => [id, `r-${id}`]),
              step.unknown,
            ),
          );
        });
        for (const id of ids) {
          const downBy = [...latest].filter(([, s]) => s.down.includes(id)).map(([name]) => name);
          const unknownBy = [...latest].some(([, s]) => s.unknown.includes(id));
          expect(live.observed.has(id)).toBe(downBy.length > 0);
          if (downBy.length > 0)
            for (const name of downBy) expect(live.observed.get(id)).toContain(`${name}: r-${id}`);
          expect(live.unknown.has(id)).toBe(downBy.length === 0 && unknownBy);
        }
      }),
    );
  });

  it('one history line per component change: a second source’s reason joins the first line', () => {
    const live = run([
      observed('prometheus', 1000, [['web-1', 'up == 0']]),
      observed('probe', 2000, [['web-1', 'connect refused']]),
      // The probe sees it again: nothing changed, nothing is added.
      observed('probe', 3000, [['web-1', 'connect refused']]),
      // Prometheus sees it up, the probe still down: still down since 1000, one reason left.
      observed('prometheus', 4000, []),
    ]);
    expect(live.history).toEqual([
      {
        id: 'web-1',
        state: 'down',
        at: 1000,
        reason: 'probe: connect refused',
        reasons: ['probe: connect refused'],
      },
    ]);
    const up = applySourceUpdate(live, observed('probe', 5000, []));
    expect(up.history.map((entry) => [entry.state, entry.at])).toEqual([
      ['up', 5000],
      ['down', 1000],
    ]);
  });

  it('a long reason is kept whole for the detail, escaped', () => {
    // An alert's description of 1,500 characters, with an escape sequence in it.
    const long = `${'ZonePowerLoss '.repeat(107)}\u001b[2J`;
    const live = run([observed('alertmanager', 1000, [['KR-CA', long]])]);
    const reason = live.history[0]!.reasons![0]!;
    expect(reason.length).toBeGreaterThan(1500);
    expect(reason).not.toContain('…');
    expect(reason).not.toContain('\u001b');
    expect(reason).toBe(`alertmanager: ${'ZonePowerLoss '.repeat(107)}\\e[2J`);
  });

  it('mergeObserved of nothing is nothing', () => {
    expect(mergeObserved([])).toEqual({
      observed: new Map(),
      unknown: new Set(),
      reasons: new Map(),
    });
  });
});

describe('what a failing source is taken to watch', () => {
  it('is every failable component before its first answer, then what it spoke of', async () => {
    const {expectedWatch} = await import('../../source/core/live.js');
    const {failableIds} = await import('../../source/core/propagate.js');
    const {loadFixture} = await import('../ui/reducer-helpers.js');
    const model = loadFixture();
    // The demo's zones, site, accounts, routers, VMs and LBs: none of them vouched up yet.
    expect([...expectedWatch(model, new Set())].sort()).toEqual([...failableIds(model)].sort());
    expect(expectedWatch(model, new Set()).has('web-1')).toBe(true);
    const spoken = new Set(['web-1', 'web-2']);
    expect(expectedWatch(model, spoken)).toBe(spoken);
  });
});

describe('how a failure came about', () => {
  it('is simulated when the operator failed its root, else observed, decided in one place', async () => {
    const {howDown, emptyState} = await import('../../source/core/state.js');
    const state = {
      ...emptyState,
      simulated: new Set(['KR-CA']),
      observed: new Map([
        ['KR-CA', 'power'],
        ['web-3', 'disk'],
      ]),
    };
    // Simulated and observed both: the operator's to restore.
    expect(howDown(state, 'KR-CA')).toBe('sim');
    expect(howDown(state, 'web-3')).toBe('live');
  });
});
