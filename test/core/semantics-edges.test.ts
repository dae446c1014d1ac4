// Edges of the analyzer's semantics first found by the independent reference
// (test/core/reference.property.test.ts), each kept here as a small, named case.
import {describe, expect, it} from 'vitest';
import {snapshot} from '../../source/core/analyze.js';
import {availability, availabilityBruteForce} from '../../source/core/availability.js';
import {buildModel} from '../../source/core/build-model.js';
import type {Model} from '../../source/core/model.js';
import {topologySchema} from '../../source/core/schema.js';
import {emptyState} from '../../source/core/state.js';
import {sweep} from '../../source/core/sweep.js';

function model(file: unknown): Model {
  const built = buildModel(topologySchema.parse(file));
  if (!built.ok) throw new Error(built.errors[0]?.message);
  return built.model;
}

describe('a dependency named twice', () => {
  // db serves 250 of 500 (ratio 1/2); web on a 1000-user VM for 1000 users depends on db:
  // 1000 × 1/2 = 500. Named twice, it is still one dependency: 500, not 1000 × 1/2 × 1/2 = 250.
  const twice = model({
    version: 1,
    zones: [{id: 'z'}],
    accounts: [{id: 'a'}],
    vms: [
      {id: 'db-1', account: 'a', zone: 'z', capacity: 250},
      {id: 'web-1', account: 'a', zone: 'z', capacity: 1000},
    ],
    services: [
      {id: 'db', demand: 500, entry: 'db-1'},
      {id: 'web', demand: 1000, minimum: 400, entry: 'web-1', dependsOn: ['db', 'db']},
    ],
  });

  it('scales what the service serves once', () => {
    const now = snapshot(twice, emptyState);
    expect(now.evaluation.served.get('web')).toBe(500);
    expect(now.status.get('web')).toBe('DEGRADED');
  });

  it('counts once in the availability estimate, as in the enumeration', () => {
    // Up (500 ≥ 400) exactly when zone, account, router a/z, db-1 and web-1 are all up:
    // 0.9999 × 0.9999 × 0.9995 × 0.999 × 0.999. Scaled twice it would serve 250 < 400: never up.
    const up = 0.9999 * 0.9999 * 0.9995 * 0.999 * 0.999;
    const estimate = availability(twice, 'web');
    expect(estimate.exact).toBe(true);
    expect(estimate.up).toBeCloseTo(up, 12);
    expect(availabilityBruteForce(twice, 'web').up).toBeCloseTo(up, 12);
    // Never OK: it serves half its demand at best.
    expect(estimate.ok).toBe(0);
  });
});

describe('a service DOWN now', () => {
  // Failover GSLB over two targets of equal priority and weight 0, split evenly: 500 to vm
  // (1000 users) and 500 to site (250 users) serve 500 + 250 = 750 < minimum 1000: DOWN.
  // With the site failed, all 1000 go to the VM and it would be OK again — yet a service DOWN
  // now survives no failure kind.
  const split = model({
    version: 1,
    zones: [{id: 'z'}],
    sites: [{id: 'site', capacity: 250}],
    accounts: [{id: 'a'}],
    vms: [{id: 'vm', account: 'a', zone: 'z', capacity: 1000}],
    gslbs: [
      {
        id: 'g',
        targets: [
          {ref: 'vm', weight: 0},
          {ref: 'site', weight: 0},
        ],
      },
    ],
    services: [{id: 'web', demand: 1000, minimum: 1000, entry: 'g'}],
  });

  it('survives no failure kind, even one that would raise what it serves', () => {
    const now = snapshot(split, emptyState);
    expect(now.evaluation.served.get('web')).toBe(750);
    expect(now.status.get('web')).toBe('DOWN');
    const tolerance = sweep(split, now).services.get('web')!.tolerance;
    expect(Object.keys(tolerance).length).toBeGreaterThan(0);
    for (const [kind, t] of Object.entries(tolerance)) expect(t.survives, kind).toBe(false);
  });
});
