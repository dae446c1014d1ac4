import {CloudStackError, type ApiObject, type CloudStackClient} from './client.js';
import {append} from '../../core/append.js';

/** What the API says, reduced to the fields failsight maps (plain data, no ids of ours yet). */
export interface CloudZone {
  uuid: string;
  name: string;
  /** `allocationstate` is not Disabled. */
  enabled: boolean;
}

export interface CloudVm {
  uuid: string;
  name: string;
  account: string;
  zoneUuid: string;
  zoneName: string;
  cpus: number;
  /** Why `cpus` is 1 when the API said something else. */
  cpuProblem?: string;
  state: string;
}

export interface CloudRouter {
  uuid: string;
  account: string;
  zoneUuid: string;
  zoneName: string;
  state: string;
  redundant: boolean;
}

export interface CloudLoadBalancer {
  uuid: string;
  name: string;
  account?: string;
  zoneUuid?: string;
  zoneName?: string;
  /** VM uuids. */
  members: string[];
  /** A CloudStack load-balancer rule runs on the account's router; KT Cloud's LB is a zone service. */
  runsOn: 'router' | 'zone';
}

export interface Inventory {
  zones: CloudZone[];
  accounts: string[];
  vms: CloudVm[];
  /** Undefined when the key may not list routers (432). */
  routers?: CloudRouter[];
  loadBalancers: CloudLoadBalancer[];
  notes: string[];
}

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/** A project's resources carry `project` instead of `account`. */
const ownerOf = (item: ApiObject) => text(item['account']) || text(item['project']) || 'unknown';

export function zoneOf(item: ApiObject): CloudZone {
  return {
    uuid: text(item['id']),
    name: text(item['name']) || text(item['id']),
    enabled: text(item['allocationstate']).toLowerCase() !== 'disabled',
  };
}

/** The most CPUs a VM is counted with: past it a `cpunumber` is taken as a mistake. */
export const maxCpus = 4096;

/**
 * A VM's CPU count, its capacity: a whole number from 1 to maxCpus. Anything else ("abc", -5,
 * 1e300) counts as 1 and says so, naming the VM (an absent one counts as 1 quietly).
 */
function cpusOf(item: ApiObject): {cpus: number; problem?: string} {
  const raw = item['cpunumber'];
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN;
  if (raw === undefined || raw === null) return {cpus: 1};
  if (Number.isInteger(value) && value >= 1 && value <= maxCpus) return {cpus: value};
  return {
    cpus: 1,
    problem: `cpunumber ${JSON.stringify(raw).slice(0, 40)} is not a CPU count from 1 to ${maxCpus}: counted as 1`,
  };
}

export function vmOf(item: ApiObject): CloudVm {
  const {cpus, problem} = cpusOf(item);
  return {
    ...(problem === undefined ? {} : {cpuProblem: problem}),
    uuid: text(item['id']),
    name: text(item['name']) || text(item['displayname']) || text(item['id']),
    account: ownerOf(item),
    zoneUuid: text(item['zoneid']),
    zoneName: text(item['zonename']),
    cpus,
    state: text(item['state']) || 'Unknown',
  };
}

export function routerOf(item: ApiObject): CloudRouter {
  return {
    uuid: text(item['id']),
    account: ownerOf(item),
    zoneUuid: text(item['zoneid']),
    zoneName: text(item['zonename']),
    state: text(item['state']) || 'Unknown',
    redundant: item['isredundantrouter'] === true || item['isredundantrouter'] === 'true',
  };
}

/** Commands every listing of all accounts' resources takes (ignored for a plain user's key). */
const all = {listall: 'true'};

/** A listing the import can do without: a 432 (not allowed for this key) is a note, not a failure. */
async function optional<T>(listing: Promise<T>, note: string): Promise<{value?: T; note?: string}> {
  try {
    return {value: await listing};
  } catch (error) {
    if (error instanceof CloudStackError && error.kind === 'forbidden') return {note};
    throw error;
  }
}

/** listRouters needs an admin key: without it, routers are not redundant and not followed. */
export async function listRouters(client: CloudStackClient) {
  return optional(
    client.list('listRouters', 'router', all).then((items) => items.map(routerOf)),
    'listRouters is not allowed for this key (432): routers are taken as single, not redundant, and not followed live',
  );
}

export interface ReadOptions {
  /** Also read KT Cloud's load balancer product (listLoadBalancers, listLoadBalancerWebServers). */
  kt?: {endpoint: string};
}

/** Reads the whole inventory the key can see. Throws CloudStackError on any failure. */
export async function readInventory(
  client: CloudStackClient,
  options: ReadOptions = {},
): Promise<Inventory> {
  const [zones, accounts, vms, routers, rules] = await Promise.all([
    client.list('listZones', 'zone').then((items) => items.map(zoneOf)),
    client.list('listAccounts', 'account', all).then((items) => items.map((a) => text(a['name']))),
    client.list('listVirtualMachines', 'virtualmachine', all).then((items) => items.map(vmOf)),
    listRouters(client),
    optional(
      client.list('listLoadBalancerRules', 'loadbalancerrule', all),
      'listLoadBalancerRules is not allowed for this key (432): no load-balancer rules imported',
    ),
  ]);
  const notes = [routers.note, rules.note].filter((note) => note !== undefined);
  const loadBalancers = await Promise.all(
    (rules.value ?? []).map(async (rule): Promise<CloudLoadBalancer> => {
      const uuid = text(rule['id']);
      const members = await client.list(
        'listLoadBalancerRuleInstances',
        'loadbalancerruleinstance',
        {id: uuid},
      );
      return {
        uuid,
        name: text(rule['name']) || uuid,
        account: ownerOf(rule),
        zoneUuid: text(rule['zoneid']) || undefined,
        zoneName: text(rule['zonename']) || undefined,
        members: members.map((vm) => text(vm['id'])),
        runsOn: 'router',
      };
    }),
  );
  if (options.kt)
    append(loadBalancers, await readKtLoadBalancers(client, zones, options.kt.endpoint));
  return {
    zones,
    accounts: accounts.filter(Boolean),
    vms,
    routers: routers.value,
    loadBalancers,
    notes,
  };
}

/**
 * KT Cloud's load balancer product (its own endpoint, …/loadbalancer/v1/client/api): listed per
 * zone (`zoneid`), members from listLoadBalancerWebServers (`loadbalancerid`) by
 * `virtualmachineid`. Fields as KT's SDK and published clients use them.
 */
async function readKtLoadBalancers(
  client: CloudStackClient,
  zones: CloudZone[],
  endpoint: string,
): Promise<CloudLoadBalancer[]> {
  const perZone = await Promise.all(
    zones.map(async (zone) => {
      const lbs = await client.list(
        'listLoadBalancers',
        'loadbalancer',
        {zoneid: zone.uuid},
        endpoint,
      );
      return Promise.all(
        lbs.map(async (lb): Promise<CloudLoadBalancer> => {
          const uuid = text(lb['loadbalancerid']) || text(lb['id']);
          const servers = await client.list(
            'listLoadBalancerWebServers',
            'loadbalancerwebserver',
            {zoneid: zone.uuid, loadbalancerid: uuid},
            endpoint,
          );
          return {
            uuid,
            name: text(lb['name']) || uuid,
            zoneUuid: zone.uuid,
            zoneName: zone.name,
            members: servers.map((server) => text(server['virtualmachineid'])).filter(Boolean),
            runsOn: 'zone',
          };
        }),
      );
    }),
  );
  return perZone.flat();
}

/** KT Cloud's server API (…/server/v1/client/api) and its LB API sit side by side. */
export function isKtEndpoint(endpoint: string): boolean {
  try {
    return /(^|\.)ucloudbiz\.olleh\.com$/i.test(new URL(endpoint).hostname);
  } catch {
    return false;
  }
}

export function ktLoadBalancerEndpoint(endpoint: string): string {
  return endpoint.replace(/\/server\/(v\d+)\//, '/loadbalancer/$1/');
}
