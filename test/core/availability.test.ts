import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
  availability,
  availabilityBruteForce,
  relevantComponents,
} from '../../source/core/availability.js';
import {parseTopology} from '../../source/core/load.js';
import {buildModel} from '../../source/core/build-model.js';
import type {Model} from '../../source/core/model.js';
import type {Topology} from '../../source/core/schema.js';
import {randomModel} from '../support/random-topology.js';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');

function fixture(name: string): Model {
  const loaded = parseTopology(readFileSync(join(fixtures, name), 'utf8'), name);
  if (!loaded.ok) throw new Error(`${name}: ${loaded.errors[0]?.message}`);
  return loaded.model;
}

const zone = 0.9999;
const account = 0.9999;
const router = 0.9995;
const vm = 0.999;
const lb = 0.9995;

describe('availability, by hand', () => {
  it('single server: every component of the path must be up', () => {
    const estimate = availability(fixture('single-server.yaml'), 'app');
    const expected = zone * account * router * vm;
    expect(estimate.ok).toBeCloseTo(expected, 14);
    expect(estimate.up).toBeCloseTo(expected, 14);
    expect(estimate.downtimeMinutesPerYear).toBeCloseTo((1 - expected) * 525_600, 8);
    expect(estimate.exact).toBe(true);
  });

  it('VM redundancy: OK needs both VMs, up needs one', () => {
    const estimate = availability(fixture('vm-redundancy.yaml'), 'app');
    const path = zone * account * router * lb;
    expect(estimate.ok).toBeCloseTo(path * vm * vm, 14);
    expect(estimate.up).toBeCloseTo(path * (1 - (1 - vm) ** 2), 14);
    expect(estimate.exact).toBe(true);
  });

  it('demo database: the standby is not promoted, so only db-1 counts', () => {
    const estimate = availability(fixture('demo.yaml'), 'shop-db');
    const expected = zone * account * router * vm;
    expect(estimate.ok).toBeCloseTo(expected, 14);
    expect(estimate.up).toBeCloseTo(expected, 14);
  });

  it('a GSLB counts only with its availability given or when asked for', () => {
    const model = fixture('single-server.yaml');
    const topology: Topology = {
      ...model.topology,
      gslbs: [
        {
          id: 'front',
          policy: 'failover',
          healthCheck: {type: 'http', intervalS: 10, threshold: 3},
          ttlS: 30,
          targets: [{ref: 'app-1', priority: 1, weight: 1}],
        },
      ],
      services: [{id: 'app', demand: 1000, entry: 'front', dependsOn: []}],
      availability: {gslb: 0.99},
    };
    const built = buildModel(topology);
    if (!built.ok) throw new Error(built.errors[0]?.message);
    const expected = zone * account * router * vm;
    expect(availability(built.model, 'app').up).toBeCloseTo(expected * 0.99, 14);
    const withoutValue = buildModel({...topology, availability: {}});
    if (!withoutValue.ok) throw new Error(withoutValue.errors[0]?.message);
    expect(availability(withoutValue.model, 'app', {includeGslb: true}).up).toBeCloseTo(
      expected,
      14,
    );
  });

  it('unknown services are refused', () => {
    expect(() => availability(fixture('single-server.yaml'), 'nope')).toThrow(/unknown service/);
  });
});

describe('availability agrees with brute-force enumeration', () => {
  const files = readdirSync(fixtures).filter((name) => name.endsWith('.yaml'));

  for (const file of files) {
    it(`on ${file}, exactly`, () => {
      const model = fixture(file);
      for (const service of model.services) {
        const brute = availabilityBruteForce(model, service.id);
        // includeGslb cannot change the answer here: a GSLB below 1 needs its availability
        // in the file, and then it counts anyway.
        for (const includeGslb of [false, true]) {
          const fast = availability(model, service.id, {includeGslb});
          expect(fast.exact, `${service.id}`).toBe(true);
          expect(Math.abs(fast.ok - brute.ok), `${service.id} ok`).toBeLessThan(1e-12);
          expect(Math.abs(fast.up - brute.up), `${service.id} up`).toBeLessThan(1e-12);
        }
      }
    });
  }

  it('on random small topologies', () => {
    fc.assert(
      fc.property(randomModel({maxFailable: 14}), fc.boolean(), (model, includeGslb) => {
        for (const service of model.services) {
          const fast = availability(model, service.id, {includeGslb});
          const brute = availabilityBruteForce(model, service.id, {includeGslb});
          expect(fast.exact).toBe(true);
          expect(Math.abs(fast.ok - brute.ok)).toBeLessThan(1e-12);
          expect(Math.abs(fast.up - brute.up)).toBeLessThan(1e-12);
          expect(fast.ok).toBeLessThanOrEqual(fast.up);
        }
      }),
      {numRuns: 400},
    );
  });
});

describe('availability on shapes beyond exact enumeration', () => {
  /** One GSLB over an LB per zone, every LB fed by the same accounts: each account ties every zone. */
  function crossAccounts(accounts: number, zones: number): Model {
    const zoneIds = Array.from({length: zones}, (_, i) => `z${i}`);
    const accountIds = Array.from({length: accounts}, (_, i) => `a${i}`);
    const topology: Topology = {
      version: 1,
      name: 'cross',
      unit: 'users',
      zones: zoneIds.map((id) => ({id})),
      sites: [],
      accounts: accountIds.map((id) => ({id, group: 'g', redundantRouter: false})),
      vms: zoneIds.flatMap((z) =>
        accountIds.map((a) => ({
          id: `${a}-${z}`,
          account: a,
          zone: z,
          capacity: 100,
          role: 'active' as const,
        })),
      ),
      loadBalancers: zoneIds.map((z) => ({
        id: `lb-${z}`,
        account: 'a0',
        zone: z,
        runsOn: 'zone' as const,
        members: accountIds.map((a) => `${a}-${z}`),
      })),
      gslbs: [
        {
          id: 'front',
          policy: 'round-robin',
          healthCheck: {type: 'http', intervalS: 10, threshold: 3},
          ttlS: 30,
          targets: zoneIds.map((z) => ({ref: `lb-${z}`, priority: 1, weight: 1})),
        },
      ],
      services: [{id: 'app', demand: 100 * accounts, minimum: 100, entry: 'front', dependsOn: []}],
      availability: {},
      probes: {intervalS: 5, timeoutMs: 2000, rise: 2, fall: 3, concurrency: 32},
    };
    const built = buildModel(topology);
    if (!built.ok) throw new Error(built.errors[0]?.message);
    return built.model;
  }

  it('conditions on a few shared accounts exactly', () => {
    const model = crossAccounts(2, 2);
    const fast = availability(model, 'app');
    const brute = availabilityBruteForce(model, 'app');
    expect(fast.exact).toBe(true);
    expect(Math.abs(fast.up - brute.up)).toBeLessThan(1e-12);
    expect(Math.abs(fast.ok - brute.ok)).toBeLessThan(1e-12);
  });

  it('says so when too many shared components force an approximation', () => {
    const model = crossAccounts(40, 3);
    expect(relevantComponents(model, 'app').length).toBeGreaterThan(200);
    const estimate = availability(model, 'app');
    expect(estimate.exact).toBe(false);
    expect(estimate.ok).toBeGreaterThan(0.5);
    expect(estimate.ok).toBeLessThanOrEqual(estimate.up);
    expect(estimate.up).toBeLessThanOrEqual(1);
  });

  it('refuses brute force over too many components', () => {
    expect(() => availabilityBruteForce(crossAccounts(40, 3), 'app')).toThrow(/refused/);
  });
});
