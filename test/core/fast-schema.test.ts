import {readdirSync, readFileSync} from 'node:fs';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parse as parseYaml} from 'yaml';
import type {z} from 'zod';
import {generateTopology} from '../../bench/generate.js';
import * as fast from '../../source/core/load/fast-schema.js';
import {cleanTopology} from '../../source/core/load/fast-schema.js';
import {topologySchema} from '../../source/core/schema.js';
import {edgeValues, editedTopology, places} from '../support/edited-topology.js';
import {randomTopology} from '../support/random-topology.js';

/** Equal with keys in the same order and numbers equal as Object.is says (0 and -0 apart). */
function sameOrdered(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.join('\0') !== keysB.join('\0')) return false;
  return keysA.every((key) =>
    sameOrdered((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/** zod's answer and the fast schema's, on separate copies (the fast one may reuse its input). */
function expectAgreement(data: unknown) {
  const byZod = topologySchema.safeParse(structuredClone(data));
  const byFast = cleanTopology(structuredClone(data));
  if (!byZod.success) {
    expect(byFast, JSON.stringify(byZod.error.issues[0])).toBeUndefined();
    return false;
  }
  expect(byFast, 'zod accepts it').toBeDefined();
  expect(sameOrdered(byFast, byZod.data), JSON.stringify(byFast)).toBe(true);
  return true;
}

describe('the fast schema agrees with zod', () => {
  it('on random valid topologies, written with and without their defaults', () => {
    fc.assert(
      fc.property(randomTopology, (topology) => {
        expect(expectAgreement(JSON.parse(JSON.stringify(topology)))).toBe(true);
      }),
      {numRuns: 200},
    );
  });

  it('on random edited ones: accepted by both or neither, with the same output', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(editedTopology, (data) => {
        if (expectAgreement(data)) accepted++;
        else refused++;
      }),
      {numRuns: 3000},
    );
    // Both answers were met often, so both directions were compared.
    expect(accepted).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(300);
  });

  it('with every value and field of a full topology replaced by each edge value, or left out', () => {
    const hooks = {failover: ['./f.sh'], restore: ['./r.sh', '--now']};
    const full = {
      version: 1,
      name: 'full',
      unit: 'users',
      zones: [{id: 'z1', label: 'Zone 1'}],
      sites: [{id: 's1', label: 'IDC', capacity: 100, probe: 'tcp://10.0.0.1:443'}],
      accounts: [{id: 'a1', label: 'A', group: 'g', redundantRouter: false}],
      vms: [
        {
          id: 'v1',
          account: 'a1',
          zone: 'z1',
          capacity: 100,
          role: 'active',
          probe: 'http://h/x',
          hooks,
        },
      ],
      loadBalancers: [
        {id: 'l1', account: 'a1', zone: 'z1', runsOn: 'zone', members: ['v1'], capacity: 50, hooks},
      ],
      gslbs: [
        {
          id: 'g1',
          policy: 'ratio',
          healthCheck: {type: 'https', intervalS: 5, threshold: 2},
          ttlS: 60,
          targets: [{ref: 'l1', priority: 2, weight: 3}],
          hooks,
        },
      ],
      services: [
        {
          id: 'svc',
          demand: 100,
          minimum: 50,
          entry: 'g1',
          dependsOn: ['other', {service: 'db', maxLatencyMs: 3}],
          rto: '2m',
        },
      ],
      failureGroups: [{id: 'feed', label: 'feed A', members: ['z1', 's1'], availability: 0.99}],
      latency: [{between: ['z1', 's1'], ms: 2}],
      availability: {zone: 0.9, site: 0.9, account: 0.9, router: 0.9, vm: 0.9, lb: 0.9, gslb: 1},
      probes: {intervalS: 1, timeoutMs: 100, rise: 1, fall: 1, concurrency: 1},
      hooks,
    };
    expect(expectAgreement(full)).toBe(true);
    const count = places(full).length;
    let accepted = 0;
    for (let index = 0; index < count; index++) {
      const left = structuredClone(full);
      const place = places(left)[index]!;
      if (Array.isArray(place.holder)) place.holder.splice(place.key as number, 1);
      else delete place.holder[place.key];
      if (expectAgreement(left)) accepted++;
      for (const value of edgeValues) {
        const edited = structuredClone(full);
        const at = places(edited)[index]!;
        // A copy: the edited data is the loader's to keep, as a parsed file's is.
        (at.holder as Record<string | number, unknown>)[at.key] = structuredClone(value);
        if (expectAgreement(edited)) accepted++;
      }
    }
    expect(accepted).toBeGreaterThan(count);
  });

  const files = [
    new URL('../../fixtures/', import.meta.url),
    new URL('../fixtures/bad/', import.meta.url),
    new URL('../fixtures/hostile/', import.meta.url),
  ].flatMap((directory) =>
    readdirSync(directory)
      .filter((name) => /\.(ya?ml|json)$/.test(name) && name !== 'expected.json')
      .flatMap((name) => {
        try {
          const data: unknown = parseYaml(readFileSync(new URL(name, directory), 'utf8'), {
            uniqueKeys: true,
          });
          return [{name, data}];
        } catch {
          return [];
        }
      }),
  );

  it.each(files)('$name', ({data}) => {
    expectAgreement(data);
  });

  it('on a generated topology of 10k VMs, as written', () => {
    expect(expectAgreement(generateTopology({vms: 10_000}))).toBe(true);
  });
});

/** The object schema inside a zod schema, through defaults, optionals and lists. */
function objectShape(schema: z.core.$ZodType): Record<string, z.core.$ZodType> {
  const def = schema._zod.def as unknown as {
    type: string;
    innerType?: z.core.$ZodType;
    element?: z.core.$ZodType;
    shape?: Record<string, z.core.$ZodType>;
  };
  if (def.type === 'object') return def.shape!;
  if (def.innerType) return objectShape(def.innerType);
  if (def.element) return objectShape(def.element);
  throw new Error(`no object in a ${def.type}`);
}

describe('the fast schema has the fields of zod, in its order', () => {
  const top = topologySchema.shape;
  const pairs: Array<[string, fast.Shape, z.core.$ZodType]> = [
    ['topology', fast.topologyShape.shape, topologySchema],
    ['zone', fast.zone.shape, top.zones],
    ['site', fast.site.shape, top.sites],
    ['account', fast.account.shape, top.accounts],
    ['vm', fast.vm.shape, top.vms],
    ['vm hooks', fast.hooks.shape, objectShape(top.vms).hooks!],
    ['load balancer', fast.loadBalancer.shape, top.loadBalancers],
    ['gslb', fast.gslb.shape, top.gslbs],
    ['health check', fast.healthCheck.shape, objectShape(top.gslbs).healthCheck!],
    ['target', fast.target.shape, objectShape(top.gslbs).targets!],
    ['service', fast.service.shape, top.services],
    ['failure group', fast.failureGroup.shape, top.failureGroups],
    ['latency', fast.latency.shape, top.latency],
    ['availability', fast.availability.shape, top.availability],
    ['probes', fast.probes.shape, top.probes],
    ['hooks', fast.hooks.shape, top.hooks],
  ];
  it.each(pairs)('%s', (_, shape, schema) => {
    expect(shape.fields.map((field) => field.key)).toEqual(Object.keys(objectShape(schema)));
  });
});
