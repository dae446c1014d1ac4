import {buildModel} from '../../source/core/build-model.js';
import type {Model} from '../../source/core/model.js';
import {topologySchema} from '../../source/core/schema.js';

/** A small topology for live-source tests: two zones, VMs with optional probe addresses. */
export function liveModel(vms: Array<{id: string; zone?: string; probe?: string}>): Model {
  const topology = topologySchema.parse({
    version: 1,
    zones: [{id: 'KR-CA'}, {id: 'KR-CB'}],
    accounts: [{id: 'shop-main'}],
    vms: vms.map((vm) => ({
      id: vm.id,
      account: 'shop-main',
      zone: vm.zone ?? 'KR-CA',
      capacity: 100,
      ...(vm.probe ? {probe: vm.probe} : {}),
    })),
  });
  const built = buildModel(topology);
  if (!built.ok) throw new Error(`bad test topology: ${built.errors[0]?.message}`);
  return built.model;
}
