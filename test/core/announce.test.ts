import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {snapshot} from '../../source/core/analyze.js';
import {announcement, type ComponentChange} from '../../source/core/announce.js';
import {observedChanges} from '../../source/core/live-changes.js';
import {applySourceUpdate, noLiveSources} from '../../source/core/live.js';
import {emptyState} from '../../source/core/state.js';
import type {Status} from '../../source/core/capacity.js';
import {failable, some} from '../support/random-state.js';
import {randomModel} from '../support/random-topology.js';
import {loadFixture} from '../ui/reducer-helpers.js';

const health = (entries: Record<string, Status>) => new Map(Object.entries(entries));
const zoneDown: ComponentChange = {
  id: 'KR-CA',
  kind: 'zone',
  state: 'down',
  sources: ['alertmanager'],
  reason: 'alertmanager: ZonePowerLoss',
};
const vm = (id: string, state: ComponentChange['state']): ComponentChange => ({
  id,
  kind: 'vm',
  state,
  sources: ['prometheus'],
});

describe('announcing a live change of health', () => {
  it('names the widest component that went down and every service whose status moved', () => {
    const said = announcement(
      health({'shop-web': 'OK', 'shop-db': 'OK', 'shop-admin': 'OK'}),
      health({'shop-web': 'DOWN', 'shop-db': 'DOWN', 'shop-admin': 'OK'}),
      [vm('db-1', 'down'), zoneDown, vm('web-1', 'down')],
    );
    // The zone leads (widest kind); the two VMs are "2 more"; shop-admin did not move.
    expect(said).toEqual({
      tone: 'outage',
      lead: zoneDown,
      more: 2,
      services: [
        {service: 'shop-web', before: 'OK', after: 'DOWN'},
        {service: 'shop-db', before: 'OK', after: 'DOWN'},
      ],
    });
  });

  it('a recovery is led by what came back, not by a VM that went down meanwhile', () => {
    const said = announcement(
      health({'shop-web': 'DOWN', 'shop-db': 'DEGRADED'}),
      health({'shop-web': 'OK', 'shop-db': 'OK'}),
      [vm('admin-1', 'down'), {...zoneDown, state: 'up', reason: undefined as never}],
    );
    expect(said?.tone).toBe('recovery');
    expect(said?.lead.id).toBe('KR-CA');
    expect(said?.more).toBe(0);
  });

  it('says nothing when no service changed status, or nothing changed', () => {
    const same = health({'shop-web': 'DEGRADED'});
    expect(announcement(same, same, [vm('web-1', 'down')])).toBeUndefined();
    expect(
      announcement(health({'shop-web': 'OK'}), health({'shop-web': 'DOWN'}), []),
    ).toBeUndefined();
  });

  it('one service worse and another better is an outage', () => {
    const said = announcement(health({a: 'DOWN', b: 'OK'}), health({a: 'OK', b: 'DEGRADED'}), [
      vm('x', 'up'),
      vm('y', 'down'),
    ]);
    expect(said).toMatchObject({tone: 'outage', lead: {id: 'y'}, more: 0});
  });

  it('observed changes: down with its sources and reasons, up from the sources that had it down', () => {
    const model = loadFixture();
    const down = applySourceUpdate(noLiveSources, {
      type: 'observed',
      source: 'alertmanager',
      observed: new Map([['KR-CA', 'ZonePowerLoss']]),
      at: 1,
    });
    expect(observedChanges(noLiveSources, down, model)).toEqual([{...zoneDown}]);
    const up = applySourceUpdate(down, {
      type: 'observed',
      source: 'alertmanager',
      observed: new Map(),
      at: 2,
    });
    expect(observedChanges(down, up, model)).toEqual([
      {id: 'KR-CA', kind: 'zone', state: 'up', sources: ['alertmanager']},
    ]);
  });

  it('property: when everything observed comes back up, every service that had moved is announced back', () => {
    const cases = randomModel({maxFailable: 16}).chain((model) =>
      some(failable(model, false), 6)
        .filter((ids) => ids.length > 0)
        .map((ids) => ({model, ids})),
    );
    fc.assert(
      fc.property(cases, ({model, ids}) => {
        const observed = new Map(ids.map((id) => [id, 'probe']));
        const before = snapshot(model, {...emptyState, observed}).status;
        const after = snapshot(model, emptyState).status;
        const changes = ids.map((id): ComponentChange => ({
          id,
          kind: model.components.get(id)!.kind,
          state: 'up',
          sources: ['probes'],
        }));
        const said = announcement(before, after, changes);
        const moved = model.services.filter((s) => before.get(s.id) !== after.get(s.id));
        if (moved.length === 0) {
          expect(said).toBeUndefined();
          return;
        }
        // Every change is an "up", so one of them leads. A target coming back can take its
        // GSLB's traffic from a bigger one (weights know no capacity): then it is an outage.
        const rank = {OK: 0, DEGRADED: 1, DOWN: 2};
        const worse = moved.some((s) => rank[after.get(s.id)!] > rank[before.get(s.id)!]);
        expect(said?.tone).toBe(worse ? 'outage' : 'recovery');
        expect(said?.lead.state).toBe('up');
        expect(said?.more).toBe(ids.length - 1);
        expect(said?.services).toEqual(
          moved.map((s) => ({service: s.id, before: before.get(s.id), after: after.get(s.id)})),
        );
      }),
      {numRuns: 300},
    );
  });
});
