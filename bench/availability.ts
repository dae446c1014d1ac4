import {availability} from '../source/core/availability.js';
import {buildModel} from '../source/core/build-model.js';
import type {Model} from '../source/core/model.js';
import type {Topology} from '../source/core/schema.js';
import {generateModel} from './generate.js';
import {atMost, ms, ratio, timeMs, type BenchOptions, type Row} from './measure.js';

const policies = ['failover', 'round-robin', 'ratio'] as const;

/**
 * Tree-shaped: every service has a GSLB over 2 or 3 zones, one LB per zone fed by an account of
 * its own, so no component reaches two targets of a service. With `dependencies`, every third
 * service also needs the one before it, whose zones it may share.
 */
function treeModel(vms: number, dependencies = false): Model {
  const vmsPerLb = 4;
  const zoneCount = 12;
  const topology: Topology = {
    version: 1,
    name: `tree-${vms}`,
    unit: 'users',
    zones: Array.from({length: zoneCount}, (_, z) => ({id: `Z${z}`})),
    sites: [],
    accounts: [],
    vms: [],
    loadBalancers: [],
    gslbs: [],
    services: [],
    availability: {},
    probes: {intervalS: 5, timeoutMs: 2000, rise: 2, fall: 3, concurrency: 32},
  };
  let made = 0;
  for (let s = 0; made < vms; s++) {
    const span = 2 + (s % 2);
    const targets: Topology['gslbs'][number]['targets'] = [];
    for (let k = 0; k < span; k++) {
      const zone = `Z${(s + k) % zoneCount}`;
      const account = `a${s}-${k}`;
      topology.accounts.push({id: account, group: `g${s}`, redundantRouter: false});
      const members: string[] = [];
      for (let v = 0; v < vmsPerLb; v++, made++) {
        const id = `vm${s}-${k}-${v}`;
        members.push(id);
        topology.vms.push({id, account, zone, capacity: 100, role: 'active'});
      }
      topology.loadBalancers.push({id: `lb${s}-${k}`, account, zone, runsOn: 'zone', members});
      targets.push({ref: `lb${s}-${k}`, priority: k === span - 1 ? 2 : 1, weight: 1 + k});
    }
    topology.gslbs.push({
      id: `gslb${s}`,
      policy: policies[s % policies.length]!,
      healthCheck: {type: 'http', intervalS: 10, threshold: 3},
      ttlS: 30,
      targets,
    });
    const demand = vmsPerLb * 100 * (span - 1);
    topology.services.push({
      id: `svc${s}`,
      demand,
      minimum: demand / 2,
      entry: `gslb${s}`,
      dependsOn: dependencies && s % 3 === 2 ? [`svc${s - 1}`] : [],
    });
  }
  const built = buildModel(topology);
  if (!built.ok) throw new Error(`generated topology is invalid: ${built.errors[0]?.message}`);
  return built.model;
}

/** Every service's estimate, each run on a fresh copy of the model so nothing is remembered. */
function timeAll(model: Model, runs: number): {ms: number; inexact: number} {
  let inexact = 0;
  const time = timeMs(() => {
    inexact = 0;
    const fresh = {...model};
    for (const service of fresh.services) if (!availability(fresh, service.id).exact) inexact++;
  }, runs);
  return {ms: time, inexact};
}

export async function benchAvailability(options: BenchOptions): Promise<Row[]> {
  const rows: Row[] = [];
  // The bench shape: accounts spanning every zone, so each is shared by all of a service's targets.
  const shaped = generateModel({vms: 100_000});
  timeAll(shaped, 1);
  const real = timeAll(shaped, options.rounds);
  rows.push(
    atMost(
      'availability, every service, 100k VMs (bench shape)',
      real.ms,
      200,
      ms,
      `${shaped.services.length} services${real.inexact > 0 ? `, ${real.inexact} inexact` : ', all exact'}`,
    ),
  );
  timeAll(treeModel(10_000), 3);
  const times = new Map<number, number>();
  for (const vms of [1_000, 10_000, 100_000]) {
    const model = treeModel(vms);
    const {ms: time, inexact} = timeAll(model, 5);
    times.set(vms, time);
    rows.push({
      name: `availability, every service, ${vms / 1000}k VMs (tree shape)`,
      value: ms(time),
      note: `${model.services.length} services${inexact > 0 ? `, ${inexact} inexact` : ', all exact'}`,
    });
  }
  rows.push({
    name: 'availability t(100k)/t(10k)',
    value: ratio(times.get(100_000)! / times.get(10_000)!),
    note: 'target ≤ 12 (near-linear)',
  });
  const withDependencies = treeModel(100_000, true);
  const dependent = timeAll(withDependencies, 3);
  rows.push({
    name: 'availability, 100k VMs, every 3rd service dependent',
    value: ms(dependent.ms),
    note: `vs tree ${ratio(dependent.ms / times.get(100_000)!)}${dependent.inexact > 0 ? `, ${dependent.inexact} inexact` : ', all exact'}`,
  });
  return rows;
}
