import {readdirSync, readFileSync} from 'node:fs';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parse as parseYaml} from 'yaml';
import {generateTopology} from '../../bench/generate.js';
import {buildModel} from '../../source/core/build-model.js';
import type {BuildResult} from '../../source/core/model.js';
import {topologySchema, type Topology} from '../../source/core/schema.js';
import {referenceBuildModel} from '../support/build-model-reference.js';
import {randomTopology} from '../support/random-topology.js';

/** Both builders' results, with the order of every index made visible (Maps compare unordered). */
function both(topology: Topology): [unknown, unknown] {
  return [shown(buildModel(topology)), shown(referenceBuildModel(topology))];
}

function shown(result: BuildResult): unknown {
  if (!result.ok) return result;
  const {model} = result;
  const ordered = (map: Map<string, unknown>) => [...map.entries()];
  return {
    ...result,
    model: {
      ...model,
      components: ordered(model.components),
      lbsOfVm: ordered(model.lbsOfVm),
      gslbsOfTarget: ordered(model.gslbsOfTarget),
      servicesOfEntry: ordered(model.servicesOfEntry),
      dependents: ordered(model.dependents),
    },
  };
}

/**
 * A valid topology broken in places: references and ids rewritten to other ids (of any kind, a
 * router's `account/zone`, or nothing known), members, GSLB targets and dependencies added. Between them they
 * reach every problem the builder reports: unknown and wrong-kind references, duplicate ids and
 * router names taken, members of another zone or group or listed twice, VMs reached twice,
 * dependency cycles, and the warnings.
 */
const mutated = fc
  .tuple(
    randomTopology,
    fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('set', 'append', 'target')), {
      minLength: 1,
      maxLength: 4,
    }),
    fc.constantFrom('http', 'tcp'),
  )
  .map(([valid, mutations, check]) => {
    const topology = structuredClone(valid);
    for (const gslb of topology.gslbs) gslb.healthCheck.type = check;
    const ids = [
      ...['zones', 'sites', 'accounts', 'vms', 'loadBalancers', 'gslbs', 'services'].flatMap(
        (section) => (topology[section as 'zones'] as Array<{id: string}>).map((item) => item.id),
      ),
      ...topology.vms.map((vm) => `${vm.account}/${vm.zone}`),
      'nowhere',
    ];
    type Slot = {holder: Record<string, unknown> | unknown[]; key: string | number};
    const slots: Slot[] = [];
    const lists: unknown[][] = [];
    for (const section of [
      'zones',
      'sites',
      'accounts',
      'vms',
      'loadBalancers',
      'gslbs',
      'services',
    ])
      for (const item of topology[section as 'zones'] as Array<Record<string, unknown>>)
        slots.push({holder: item, key: 'id'});
    for (const vm of topology.vms)
      slots.push({holder: vm, key: 'account'}, {holder: vm, key: 'zone'});
    for (const lb of topology.loadBalancers) {
      slots.push({holder: lb, key: 'account'}, {holder: lb, key: 'zone'});
      lb.members.forEach((_, index) => slots.push({holder: lb.members, key: index}));
      lists.push(lb.members);
    }
    const targetLists: Array<Topology['gslbs'][number]['targets']> = [];
    for (const gslb of topology.gslbs) {
      for (const target of gslb.targets) slots.push({holder: target, key: 'ref'});
      targetLists.push(gslb.targets);
    }
    for (const service of topology.services) {
      slots.push({holder: service, key: 'entry'});
      service.dependsOn.forEach((_, index) => slots.push({holder: service.dependsOn, key: index}));
      lists.push(service.dependsOn);
    }
    for (const [where, what, how] of mutations) {
      const value = ids[what % ids.length]!;
      if (how === 'target' && targetLists.length > 0)
        targetLists[where % targetLists.length]!.push({ref: value, priority: 1, weight: 1});
      else if (how === 'append' && lists.length > 0) lists[where % lists.length]!.push(value);
      else {
        const slot = slots[where % slots.length]!;
        (slot.holder as Record<string | number, unknown>)[slot.key] = value;
      }
    }
    return topology;
  });

const problemKinds = [
  'duplicate id',
  'implicit router',
  'unknown',
  ', not a',
  'listed twice',
  'twice (through',
  'dependency cycle',
  'a load balancer reaches VMs of its own zone only',
  'no CIP path',
  'with tcp',
];

describe('the model builder agrees with its reference', () => {
  it('on random valid and broken topologies: the same model, or the same errors in the same order, and the same warnings', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.oneof(randomTopology, mutated), (topology) => {
        const [built, reference] = both(topology);
        expect(built).toEqual(reference);
        const result = reference as BuildResult;
        const problems = [...(result.ok ? [] : result.errors), ...result.warnings];
        for (const {message} of problems)
          for (const kind of problemKinds) if (message.includes(kind)) seen.add(kind);
      }),
      // A fixed seed: the check below must not depend on the luck of a run.
      {numRuns: 3000, seed: 7},
    );
    // Every kind of problem was met, so each was compared.
    expect([...seen].sort()).toEqual([...problemKinds].sort());
  });

  it('warns alike about a dependency across groups, through a GSLB, an LB and a VM', () => {
    const topology = topologySchema.parse({
      version: 1,
      zones: [{id: 'z'}],
      accounts: [
        {id: 'a', group: 'g1'},
        {id: 'b', group: 'g2'},
        {id: 'c', group: 'g2'},
      ],
      vms: [
        {id: 'vm-a', account: 'a', zone: 'z', capacity: 1},
        {id: 'vm-b', account: 'b', zone: 'z', capacity: 1},
        {id: 'vm-c', account: 'c', zone: 'z', capacity: 1},
      ],
      loadBalancers: [
        {id: 'lb-b', account: 'b', zone: 'z', members: ['vm-b', 'vm-c']},
        {id: 'lb-empty', account: 'a', zone: 'z', members: []},
      ],
      gslbs: [{id: 'gslb-b', targets: [{ref: 'lb-b'}, {ref: 'lb-empty'}]}],
      services: [
        {id: 'front', demand: 1, entry: 'vm-a', dependsOn: ['back', 'empty']},
        {id: 'back', demand: 1, entry: 'gslb-b', dependsOn: ['front-too']},
        {id: 'front-too', demand: 1, entry: 'vm-c'},
        {id: 'empty', demand: 1, entry: 'lb-empty', dependsOn: ['front-too']},
      ],
    });
    const [built, reference] = both(topology);
    expect(built).toEqual(reference);
    const messages = (reference as BuildResult).warnings.map((warning) => warning.message);
    // front (g1) on back (g2): warned; back on front-too (both g2) and anything on an LB
    // without members (no VMs, no group): not.
    expect(messages).toEqual([
      'front depends on back, whose VMs are in accounts of another group: no CIP, their traffic crosses public IPs',
    ]);
  });

  const files = [
    new URL('../../fixtures/', import.meta.url),
    new URL('../fixtures/bad/', import.meta.url),
  ]
    .flatMap((directory) =>
      readdirSync(directory)
        .filter((name) => /\.(ya?ml|json)$/.test(name) && name !== 'expected.json')
        .map((name) => ({name, url: new URL(name, directory)})),
    )
    .flatMap(({name, url}) => {
      let data: unknown;
      try {
        data = parseYaml(readFileSync(url, 'utf8'), {uniqueKeys: true});
      } catch {
        return [];
      }
      const parsed = topologySchema.safeParse(data);
      return parsed.success ? [{name, topology: parsed.data}] : [];
    });

  it('finds fixtures and bad files that pass the schema', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files)('$name', ({topology}) => {
    const [built, reference] = both(topology);
    expect(built).toEqual(reference);
  });

  it('on a generated topology of 10k VMs', () => {
    const topology = topologySchema.parse(generateTopology({vms: 10_000}));
    const [built, reference] = both(topology);
    expect(built).toEqual(reference);
  });
});
