import {printable} from '../../core/printable.js';
import type {CloudLoadBalancer, CloudVm, CloudZone, Inventory} from './inventory.js';

/**
 * Topology ids from API names: ids cannot hold spaces or commas, and `/` is kept for routers
 * (`account/zone`). The name stays readable; the API's uuid breaks ties.
 */
export function slug(name: string): string {
  const clean = name
    .replace(/[\s,/\p{C}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 180);
  return clean === '' ? 'unnamed' : clean;
}

/** The ids a named resource may carry, the tie-broken one first (see `Namer`). */
export function candidateIds(name: string, uuid: string): [string, string] {
  return [`${slug(name)}-${slug(uuid).slice(0, 8)}`, slug(name)];
}

/** Hands out ids in one namespace: a taken name gets the first 8 characters of its uuid. */
class Namer {
  private readonly used = new Set<string>();
  take(name: string, uuid: string): string {
    const [tied, plain] = candidateIds(name, uuid);
    let id = this.used.has(plain) ? tied : plain;
    for (let n = 2; this.used.has(id); n++) id = `${tied}-${n}`;
    this.used.add(id);
    return id;
  }
}

export interface ImportOptions {
  /** Zone names or uuids to keep (none: all). */
  zones?: readonly string[];
}

export interface ImportedVm {
  id: string;
  account: string;
  zone: string;
  capacity: number;
}

export interface ImportedLb {
  id: string;
  account: string;
  zone: string;
  runsOn: 'zone' | 'router';
  members: string[];
}

/** The inventory as topology items, ordered by id so two imports diff cleanly. */
export interface Imported {
  zones: Array<{id: string; label?: string}>;
  accounts: Array<{id: string; redundantRouter?: boolean}>;
  vms: ImportedVm[];
  loadBalancers: ImportedLb[];
  /** One service per load balancer, a starting point: demand = what its members serve. */
  services: Array<{id: string; demand: number; entry: string}>;
  notes: string[];
}

export class ImportError extends Error {}

const byId = <T extends {id: string}>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byName = <T extends {name: string; uuid: string}>(a: T, b: T) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.uuid < b.uuid ? -1 : a.uuid > b.uuid ? 1 : 0;

function selectZones(zones: CloudZone[], wanted: readonly string[] | undefined): CloudZone[] {
  if (!wanted || wanted.length === 0) return zones;
  const matches = (zone: CloudZone, name: string) =>
    [zone.name, zone.uuid, slug(zone.name)].some((v) => v.toLowerCase() === name.toLowerCase());
  for (const name of wanted)
    if (!zones.some((zone) => matches(zone, name)))
      throw new ImportError(
        `--zone ${printable(name)}: no such zone; the key sees ${zones.map((z) => printable(z.name)).join(', ') || 'no zones'}`,
      );
  return zones.filter((zone) => wanted.some((name) => matches(zone, name)));
}

/** Maps what the API listed to topology items. Throws ImportError when there is nothing to map. */
export function toTopology(inventory: Inventory, options: ImportOptions = {}): Imported {
  const notes = [...inventory.notes];
  // An item without an id matches nothing: two missing ids are not the same id.
  const withoutId = (what: string, count: number) => {
    if (count > 0) notes.push(`${count} ${what} without an id skipped`);
  };
  withoutId('zone(s)', inventory.zones.filter((zone) => zone.uuid === '').length);
  withoutId('VM(s)', inventory.vms.filter((vm) => vm.uuid === '').length);
  const unique = [
    ...new Map(
      inventory.zones.filter((zone) => zone.uuid !== '').map((zone) => [zone.uuid, zone]),
    ).values(),
  ];
  const zones = selectZones(unique, options.zones).sort(byName);
  const names = new Namer();
  const zoneId = new Map<string, string>();
  for (const zone of zones) zoneId.set(zone.uuid, names.take(zone.name, zone.uuid));
  const zoneOfVm = (vm: CloudVm) => zoneId.get(vm.zoneUuid);

  const vmsInZones = inventory.vms
    .filter((vm) => vm.uuid !== '' && zoneOfVm(vm) !== undefined)
    .sort(byName);
  for (const vm of vmsInZones)
    if (vm.cpuProblem !== undefined) notes.push(`VM ${printable(vm.name)}: ${vm.cpuProblem}`);
  if (vmsInZones.length === 0)
    throw new ImportError(
      inventory.vms.length === 0
        ? 'the account has no VMs: there is nothing to import (is it the right key, and does it see the VMs?)'
        : `no VMs in the zones asked for (${zones.map((z) => printable(z.name)).join(', ')}): there is nothing to import`,
    );

  const accountNames = [...new Set([...inventory.accounts, ...vmsInZones.map((vm) => vm.account)])]
    .filter((name) => vmsInZones.some((vm) => vm.account === name))
    .sort();
  const accountId = new Map<string, string>();
  for (const name of accountNames) accountId.set(name, names.take(name, name));
  const redundant = new Set(
    (inventory.routers ?? []).filter((r) => r.redundant).map((r) => r.account),
  );

  const vmId = new Map<string, string>();
  const vms: ImportedVm[] = vmsInZones.map((vm) => {
    const id = names.take(vm.name, vm.uuid);
    vmId.set(vm.uuid, id);
    return {id, account: accountId.get(vm.account)!, zone: zoneOfVm(vm)!, capacity: vm.cpus};
  });
  const vmById = new Map(vms.map((vm) => [vm.id, vm]));

  const loadBalancers: ImportedLb[] = [];
  for (const lb of [...inventory.loadBalancers].sort(byName)) {
    const mapped = mapLoadBalancer(lb, names, zoneId, accountId, vmId, vmById, notes);
    if (mapped) loadBalancers.push(mapped);
  }

  const services = loadBalancers
    .filter((lb) => lb.members.length > 0)
    .map((lb) => ({
      id: names.take(`${lb.id}-service`, lb.id),
      demand: lb.members.reduce((sum, id) => sum + vmById.get(id)!.capacity, 0),
      entry: lb.id,
    }));

  return {
    zones: zones
      .map((zone) => {
        const id = zoneId.get(zone.uuid)!;
        const label = printable(zone.name);
        return id === label || label === '' ? {id} : {id, label};
      })
      .sort(byId),
    accounts: accountNames
      .map((name) => {
        const id = accountId.get(name)!;
        return redundant.has(name) ? {id, redundantRouter: true} : {id};
      })
      .sort(byId),
    vms: vms.sort(byId),
    loadBalancers: loadBalancers.sort(byId),
    services: services.sort(byId),
    notes,
  };
}

/**
 * A load balancer reaches VMs of its own zone and its owner's account (no group is known from
 * the API); members outside that are left out with a note rather than making a file that
 * cannot load.
 */
function mapLoadBalancer(
  lb: CloudLoadBalancer,
  names: Namer,
  zoneId: Map<string, string>,
  accountId: Map<string, string>,
  vmId: Map<string, string>,
  vmById: Map<string, ImportedVm>,
  notes: string[],
): ImportedLb | undefined {
  const members = lb.members.map((uuid) => vmId.get(uuid)).filter((id) => id !== undefined);
  const first = members.length > 0 ? vmById.get(members[0]!) : undefined;
  const zone = (lb.zoneUuid && zoneId.get(lb.zoneUuid)) || first?.zone;
  if (zone === undefined) return undefined;
  const account = (lb.account !== undefined && accountId.get(lb.account)) || first?.account;
  if (account === undefined) {
    notes.push(`load balancer ${printable(lb.name)}: no member VM in the imported zones, left out`);
    return undefined;
  }
  const kept = members.filter((id) => {
    const vm = vmById.get(id)!;
    return vm.zone === zone && vm.account === account;
  });
  if (kept.length < members.length)
    notes.push(
      `load balancer ${printable(lb.name)}: ${members.length - kept.length} member(s) in another zone or account left out`,
    );
  return {id: names.take(lb.name, lb.uuid), account, zone, runsOn: lb.runsOn, members: kept};
}
