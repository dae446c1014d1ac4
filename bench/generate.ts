import {buildModel} from '../source/core/build-model.js';
import type {Model} from '../source/core/model.js';
import {topologySchema, type TopologyFile} from '../source/core/schema.js';

export interface ShapeOptions {
  /** Total VMs, roughly. */
  vms: number;
  /** VMs behind each load balancer. */
  vmsPerLb?: number;
  /** Zones each service spans through its GSLB. */
  zonesPerService?: number;
  zones?: number;
  policy?: 'failover' | 'round-robin' | 'ratio';
}

/**
 * A large multi-zone topology: services behind GSLBs over load balancers in several zones,
 * each zone with its own two accounts of the service's group, and every fifth service a
 * dependency of the four after it. Deterministic for a given size.
 */
export function generateTopology(options: ShapeOptions): TopologyFile {
  const perLb = options.vmsPerLb ?? 10;
  const span = options.zonesPerService ?? 3;
  const zoneCount = options.zones ?? 10;
  const services = Math.max(1, Math.round(options.vms / (perLb * span)));
  const file: TopologyFile = {
    version: 1,
    name: `generated-${options.vms}`,
    zones: Array.from({length: zoneCount}, (_, z) => ({id: `Z${z}`})),
    accounts: [],
    vms: [],
    loadBalancers: [],
    gslbs: [],
    services: [],
  };
  for (let s = 0; s < services; s++) {
    const targets = [];
    for (let k = 0; k < span; k++) {
      const zone = `Z${(s + k) % zoneCount}`;
      const accounts = [`a${s}-${k}-x`, `a${s}-${k}-y`];
      // A service and those that depend on it share a group, so they talk over CIP.
      for (const id of accounts) file.accounts!.push({id, group: `g${s - (s % 5)}`});
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
      targets.push({ref: `lb${s}-${k}`, priority: k === span - 1 ? 2 : 1});
    }
    file.gslbs!.push({id: `gslb${s}`, policy: options.policy ?? 'failover', targets});
    const demand = (perLb - 1) * 100 * (span - 1);
    const dependsOn = s % 5 === 0 ? [] : [`svc${s - (s % 5)}`];
    file.services!.push({id: `svc${s}`, demand, minimum: demand / 2, entry: `gslb${s}`, dependsOn});
  }
  return file;
}

export function generateModel(options: ShapeOptions): Model {
  const built = buildModel(topologySchema.parse(generateTopology(options)));
  if (!built.ok) throw new Error(`generated topology is invalid: ${built.errors[0]?.message}`);
  return built.model;
}
