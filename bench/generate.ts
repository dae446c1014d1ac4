import {buildModel} from '../source/core/build-model.js';
import type {Model} from '../source/core/model.js';
import {topologySchema, type TopologyFile} from '../source/core/schema.js';

export interface ShapeOptions {
  /** Total VMs, roughly: services are added until there are at least this many. */
  vms: number;
  /** VMs behind each load balancer. */
  vmsPerLb?: number;
  /** Zones of the cloud; every service spans all of them through its GSLB. */
  zones?: number;
}

const zoneNames = ['KR-CA', 'KR-CB', 'KR-M', 'KR-M2', 'KR-M3', 'KR-M4', 'KR-M5', 'KR-M6'];

/**
 * The shape group accounts have in practice: each service is a group of two accounts that
 * both span every zone (so an account is one component under all of a service's targets), one
 * load balancer per zone with 40 members from both accounts (one of them a standby), and a GSLB
 * over the zone targets. At 100k VMs that is about 600 services. Deterministic. (Dependencies
 * between services are left to the in-process availability figures, which time them apart.)
 */
export function generateTopology(options: ShapeOptions): TopologyFile {
  const perLb = options.vmsPerLb ?? 40;
  const zoneCount = Math.min(options.zones ?? 4, zoneNames.length);
  const zones = zoneNames.slice(0, zoneCount);
  const services = Math.max(1, Math.ceil(options.vms / (perLb * zoneCount)));
  const file: TopologyFile = {
    version: 1,
    name: `generated-${options.vms}`,
    zones: zones.map((id, z) => ({id, label: `Zone ${z + 1}`})),
    accounts: [],
    vms: [],
    loadBalancers: [],
    gslbs: [],
    services: [],
  };
  for (let s = 0; s < services; s++) {
    const group = `g${s}`;
    const accounts = [`svc${s}-main`, `svc${s}-sub`];
    for (const id of accounts) file.accounts!.push({id, group});
    const targets = [];
    for (const [k, zone] of zones.entries()) {
      const members: string[] = [];
      for (let v = 0; v < perLb; v++) {
        const id = `vm${s}-${k}-${v}`;
        members.push(id);
        file.vms!.push({
          id,
          account: accounts[v % 2]!,
          zone,
          capacity: 100,
          role: v === perLb - 1 ? 'standby' : 'active',
        });
      }
      file.loadBalancers!.push({id: `lb${s}-${k}`, account: accounts[0]!, zone, members});
      targets.push({ref: `lb${s}-${k}`, priority: 1, weight: 1});
    }
    file.gslbs!.push({
      id: `gslb${s}`,
      policy: s % 3 === 0 ? 'failover' : 'round-robin',
      healthCheck: {type: 'http', intervalS: 10, threshold: 3},
      ttlS: 30,
      targets,
    });
    // Sized to survive the loss of one zone.
    const demand = (perLb - 1) * 100 * (zoneCount - 1);
    file.services!.push({
      id: `svc${s}`,
      demand,
      minimum: demand / 2,
      entry: `gslb${s}`,
    });
  }
  return file;
}

export function generateModel(options: ShapeOptions): Model {
  const built = buildModel(topologySchema.parse(generateTopology(options)));
  if (!built.ok) throw new Error(`generated topology is invalid: ${built.errors[0]?.message}`);
  return built.model;
}

/** The file as a person writes it: block style, one field a line, flow lists for short ones. */
export function topologyYaml(file: TopologyFile): string {
  const out: string[] = [`version: ${file.version}`, `name: ${file.name}`, 'zones:'];
  for (const zone of file.zones) out.push(`  - id: ${zone.id}`, `    label: ${zone.label}`);
  out.push('accounts:');
  for (const account of file.accounts ?? [])
    out.push(`  - id: ${account.id}`, `    group: ${account.group}`);
  out.push('vms:');
  for (const vm of file.vms ?? [])
    out.push(
      `  - id: ${vm.id}`,
      `    account: ${vm.account}`,
      `    zone: ${vm.zone}`,
      `    capacity: ${vm.capacity}`,
      `    role: ${vm.role}`,
    );
  out.push('loadBalancers:');
  for (const lb of file.loadBalancers ?? [])
    out.push(
      `  - id: ${lb.id}`,
      `    account: ${lb.account}`,
      `    zone: ${lb.zone}`,
      `    members: [${(lb.members ?? []).join(', ')}]`,
    );
  out.push('gslbs:');
  for (const gslb of file.gslbs ?? []) {
    out.push(
      `  - id: ${gslb.id}`,
      `    policy: ${gslb.policy}`,
      `    healthCheck: {type: ${gslb.healthCheck?.type}, intervalS: ${gslb.healthCheck?.intervalS}, threshold: ${gslb.healthCheck?.threshold}}`,
      `    ttlS: ${gslb.ttlS}`,
      '    targets:',
    );
    for (const target of gslb.targets)
      out.push(
        `      - {ref: ${target.ref}, priority: ${target.priority}, weight: ${target.weight}}`,
      );
  }
  out.push('services:');
  for (const service of file.services ?? []) {
    out.push(
      `  - id: ${service.id}`,
      `    demand: ${service.demand}`,
      `    minimum: ${service.minimum}`,
      `    entry: ${service.entry}`,
    );
    if ((service.dependsOn ?? []).length > 0)
      out.push(`    dependsOn: [${service.dependsOn!.join(', ')}]`);
  }
  return out.join('\n') + '\n';
}
