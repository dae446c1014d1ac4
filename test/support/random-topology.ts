import fc from 'fast-check';
import {buildModel} from '../../source/core/build-model.js';
import type {Model} from '../../source/core/model.js';
import {isFailable} from '../../source/core/propagate.js';
import type {Topology} from '../../source/core/schema.js';

/**
 * Small random topologies for property tests: zones, a site, accounts in one or two groups,
 * VMs with capacities and roles, LBs over members of their zone and group, GSLBs with every
 * policy and health-check type, services with demand/minimum and acyclic dependencies.
 * Choices are drawn as free indices and repaired into a valid file, so few are rejected.
 */

/** Mostly the usual values, now and then an edge case (fast-check's bias would favour it). */
function mostly<T>(usual: readonly T[], edge: readonly T[]): fc.Arbitrary<T> {
  return fc.oneof(
    {weight: 10, arbitrary: fc.constantFrom(...usual)},
    {weight: 1, arbitrary: fc.constantFrom(...edge)},
  );
}

const capacity = mostly([250, 500, 100, 300, 1000], [0]);
const demand = mostly([500, 1000, 100], [0]);
const availability = mostly([0.9, 0.5, 0.99, 0.999], [0, 1]);
const entryKinds = ['gslb', 'gslb', 'lb', 'lb', 'vm'] as const;

const draw = fc.record({
  zones: fc.integer({min: 1, max: 3}),
  sites: fc.array(capacity, {maxLength: 1}),
  accounts: fc.array(
    fc.record({group: fc.integer({min: 0, max: 1}), redundantRouter: fc.boolean()}),
    {minLength: 1, maxLength: 3},
  ),
  vms: fc.array(
    fc.record({
      account: fc.nat(),
      zone: fc.nat(),
      capacity,
      standby: mostly([false], [true]),
    }),
    {minLength: 1, maxLength: 7, size: 'medium'},
  ),
  loadBalancers: fc.array(
    fc.record({
      // The zone (and usually the owner) of one VM, so that members are likely to exist.
      anchor: fc.nat(),
      ownerFromAnchor: fc.integer({min: 0, max: 2}).map((n) => n > 0),
      account: fc.nat(),
      runsOnRouter: fc.boolean(),
      members: fc.array(fc.nat(), {minLength: 1, maxLength: 4}),
      limit: fc.option(fc.constantFrom(300, 500, 800), {nil: undefined}),
    }),
    {maxLength: 3, size: 'medium'},
  ),
  gslbs: fc.array(
    fc.record({
      policy: fc.constantFrom('failover', 'round-robin', 'ratio'),
      check: fc.constantFrom('http', 'https', 'tcp'),
      targets: fc.array(
        fc.record({
          ref: fc.nat(),
          priority: fc.integer({min: 1, max: 3}),
          weight: fc.constantFrom(0, 1, 2, 3),
        }),
        {minLength: 1, maxLength: 4},
      ),
    }),
    {maxLength: 3},
  ),
  services: fc.array(
    fc.record({
      demand,
      minimum: fc.option(fc.constantFrom(250, 500, 100, 1000, 0), {nil: undefined}),
      entry: fc.record({kind: fc.constantFrom(...entryKinds), index: fc.nat()}),
      dependsOn: fc.array(fc.nat(), {maxLength: 2}),
    }),
    {minLength: 1, maxLength: 3},
  ),
  availability: fc.option(
    fc.record(
      {
        zone: availability,
        site: availability,
        account: availability,
        router: availability,
        vm: availability,
        lb: availability,
        gslb: availability,
      },
      {requiredKeys: []},
    ),
    {nil: undefined},
  ),
});

type Draw = typeof draw extends fc.Arbitrary<infer T> ? T : never;

function pick<T>(list: readonly T[], index: number): T {
  return list[index % list.length]!;
}

function toTopology(d: Draw): Topology {
  const zones = Array.from({length: d.zones}, (_, i) => ({id: `z${i}`}));
  const sites = d.sites.map((capacity, i) => ({id: `site${i}`, capacity}));
  const accounts = d.accounts.map((a, i) => ({
    id: `a${i}`,
    group: `g${a.group}`,
    redundantRouter: a.redundantRouter,
  }));
  const groupOf = new Map(accounts.map((a) => [a.id, a.group]));
  const vms = d.vms.map((v, i) => ({
    id: `vm${i}`,
    account: pick(accounts, v.account).id,
    zone: pick(zones, v.zone).id,
    capacity: v.capacity,
    role: v.standby ? ('standby' as const) : ('active' as const),
  }));
  const loadBalancers: Topology['loadBalancers'] = d.loadBalancers.map((l, i) => {
    const anchor = pick(vms, l.anchor);
    const account = l.ownerFromAnchor ? anchor.account : pick(accounts, l.account).id;
    const zone = anchor.zone;
    const eligible = vms.filter(
      (vm) => vm.zone === zone && groupOf.get(vm.account) === groupOf.get(account),
    );
    const members =
      eligible.length === 0 ? [] : [...new Set(l.members.map((m) => pick(eligible, m).id))];
    const lb: Topology['loadBalancers'][number] = {
      id: `lb${i}`,
      account,
      zone,
      runsOn: l.runsOnRouter ? 'router' : 'zone',
      members,
    };
    if (l.limit !== undefined) lb.capacity = l.limit;
    return lb;
  });
  const vmsBehind = (ref: string): string[] =>
    loadBalancers.find((lb) => lb.id === ref)?.members ?? (ref.startsWith('vm') ? [ref] : []);
  const targetRefs = [...loadBalancers.map((l) => l.id), ...sites.map((s) => s.id)].concat(
    vms.map((v) => v.id),
  );
  const gslbs: Topology['gslbs'] = [];
  d.gslbs.forEach((g) => {
    const reached = new Set<string>();
    const targets: Topology['gslbs'][number]['targets'] = [];
    for (const t of g.targets) {
      const ref = pick(targetRefs, t.ref);
      const behind = vmsBehind(ref);
      // A VM reachable twice from one GSLB is rejected by the loader: skip such targets.
      if (targets.some((x) => x.ref === ref) || behind.some((vm) => reached.has(vm))) continue;
      for (const vm of behind) reached.add(vm);
      targets.push({ref, priority: t.priority, weight: t.weight});
    }
    gslbs.push({
      id: `gslb${gslbs.length}`,
      policy: g.policy,
      healthCheck: {type: g.check, intervalS: 10, threshold: 3},
      ttlS: 30,
      targets,
    });
  });
  const entriesOf = {
    gslb: gslbs.map((g) => g.id),
    lb: loadBalancers.map((l) => l.id),
    vm: vms.map((v) => v.id),
  };
  const entryOf = (choice: {kind: (typeof entryKinds)[number]; index: number}) => {
    const preferred = entriesOf[choice.kind];
    return pick(preferred.length > 0 ? preferred : entriesOf.vm, choice.index);
  };
  const services: Topology['services'] = d.services.map((s, i) => {
    const service: Topology['services'][number] = {
      id: `svc${i}`,
      demand: s.demand,
      entry: entryOf(s.entry),
      // Only earlier services: the graph stays acyclic; repeats are allowed, as in a file.
      dependsOn: i === 0 ? [] : s.dependsOn.map((n) => `svc${n % i}`),
    };
    if (s.minimum !== undefined && s.minimum <= s.demand) service.minimum = s.minimum;
    return service;
  });
  return {
    version: 1,
    name: 'random',
    unit: 'users',
    zones,
    sites,
    accounts,
    vms,
    loadBalancers,
    gslbs,
    services,
    availability: d.availability ?? {},
    probes: {intervalS: 5, timeoutMs: 2000, rise: 2, fall: 3, concurrency: 32},
  };
}

/** How many components a sweep (or an availability enumeration) can fail. */
export function failableCount(model: Model, includeGslb = true): number {
  let count = 0;
  for (const component of model.components.values())
    if (isFailable(component, includeGslb)) count++;
  return count;
}

export const randomTopology: fc.Arbitrary<Topology> = draw.map(toTopology);

/** Valid random models with at most `maxFailable` failable components (GSLBs included). */
export function randomModel(options: {maxFailable?: number} = {}): fc.Arbitrary<Model> {
  const maxFailable = options.maxFailable ?? 14;
  return randomTopology
    .map((topology) => {
      const built = buildModel(topology);
      return built.ok ? built.model : undefined;
    })
    .filter((model): model is Model => model !== undefined && failableCount(model) <= maxFailable);
}
