// Edges of the analyzer's semantics first found by the independent reference
// (test/core/reference.property.test.ts), each kept here as a small, named case.
import {describe, expect, it} from 'vitest';
import {snapshot} from '../../source/core/analyze.js';
import {availability, availabilityBruteForce} from '../../source/core/availability.js';
import {buildModel} from '../../source/core/build-model.js';
import {checkReport} from '../../source/core/check.js';
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

describe('a failure group in the availability estimate', () => {
  // Round-robin over two 250-user VMs for 1000 users: 500 served, never OK. Losing vm-a to the
  // group (its own cause, up 90 % of the time) lowers it to 250; losing vm-b as well takes it
  // DOWN — a state the estimate without the group never weighs.
  const base = {
    version: 1,
    zones: [{id: 'z'}],
    accounts: [{id: 'a'}],
    vms: [
      {id: 'vm-a', account: 'a', zone: 'z', capacity: 250},
      {id: 'vm-b', account: 'a', zone: 'z', capacity: 250},
    ],
    gslbs: [
      {
        id: 'g',
        policy: 'round-robin',
        targets: [{ref: 'vm-a'}, {ref: 'vm-b'}],
      },
    ],
  };

  it('that only lowers a service that is never OK leaves the estimate not exact', () => {
    const m = model({
      ...base,
      services: [{id: 'web', demand: 1000, entry: 'g'}],
      failureGroups: [{id: 'feed', members: ['vm-a'], availability: 0.9}],
    });
    const web = checkReport(m, {availabilityOf: availability}).services[0]!;
    expect(web.weak).toContain('feed');
    expect(web.availability.ok).toBe(0);
    expect(web.availability.exact).toBe(false);
  });

  it('that neither takes a service DOWN nor lowers it alone leaves the estimate not exact', () => {
    // 100 users: 50 to each VM, OK; without vm-a, vm-b takes all 100: still OK. The group only
    // matters with vm-b down too.
    const m = model({
      ...base,
      services: [{id: 'web', demand: 100, entry: 'g'}],
      failureGroups: [{id: 'feed', members: ['vm-a'], availability: 0.9}],
    });
    const web = checkReport(m, {availabilityOf: availability}).services[0]!;
    expect(web.spof).not.toContain('feed');
    expect(web.weak).not.toContain('feed');
    expect(web.availability.exact).toBe(false);
  });

  it('that takes it DOWN alone keeps it exact: both probabilities times the group’s', () => {
    // One VM: up (and OK) when zone, account, router and VM are up, and the feed.
    const m = model({
      ...base,
      vms: [base.vms[0]],
      gslbs: [],
      services: [{id: 'web', demand: 100, entry: 'vm-a'}],
      failureGroups: [{id: 'feed', members: ['vm-a'], availability: 0.9}],
    });
    const web = checkReport(m, {availabilityOf: availability}).services[0]!;
    const up = 0.9999 * 0.9999 * 0.9995 * 0.999 * 0.9;
    expect(web.availability.exact).toBe(true);
    expect(web.availability.up).toBeCloseTo(up, 12);
    expect(web.availability.ok).toBeCloseTo(up, 12);
  });

  it('whose member is a redundant router pair, no failable unit alone, still bears on it', () => {
    // 100 users split between vm-a (behind account a's redundant router) and a site: OK, and
    // OK still when the group takes the router pair and vm-a with it. It matters only with the
    // site down too, so the estimate cannot be exact.
    const m = model({
      version: 1,
      zones: [{id: 'z'}],
      sites: [{id: 'idc', capacity: 250}],
      accounts: [{id: 'a', redundantRouter: true}],
      vms: [{id: 'vm-a', account: 'a', zone: 'z', capacity: 250}],
      gslbs: [{id: 'g', policy: 'round-robin', targets: [{ref: 'vm-a'}, {ref: 'idc'}]}],
      services: [{id: 'web', demand: 100, entry: 'g'}],
      failureGroups: [{id: 'pair', members: ['a/z'], availability: 0.9}],
    });
    const web = checkReport(m, {availabilityOf: availability}).services[0]!;
    expect(web.spof).toEqual([]);
    expect(web.weak).toEqual([]);
    expect(web.availability.exact).toBe(false);
  });
});
