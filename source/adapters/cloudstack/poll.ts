import type {LiveUpdate} from '../../core/live.js';
import type {Model} from '../../core/model.js';
import {channel} from '../channel.js';
import {CloudStackError, type CloudStackClient} from './client.js';
import {
  listRouters,
  vmOf,
  zoneOf,
  type CloudRouter,
  type CloudVm,
  type CloudZone,
} from './inventory.js';
import {candidateIds} from './to-topology.js';

export const cloudSource = 'cloudstack';

export interface Snapshot {
  zones: CloudZone[];
  vms: CloudVm[];
  /** Undefined when the key may not list routers. */
  routers?: CloudRouter[];
}

const downStates = new Set(['stopped', 'error', 'destroyed', 'expunging', 'expunged', 'shutdown']);

/** The first of a resource's possible ids (see `candidateIds`) that the model has, of that kind. */
function idIn(model: Model, kind: string, name: string, uuid: string): string | undefined {
  return candidateIds(name, uuid).find((id) => model.components.get(id)?.kind === kind);
}

/**
 * What one poll says about the model's components: VMs Stopped, Error or missing, routers not
 * Running and disabled zones are down, with the API's words; Running is up; a VM between states
 * (Starting, Stopping, Migrating) is unknown, neither up nor down.
 */
export function observedState(
  snapshot: Snapshot,
  model: Model,
): {observed: Map<string, string>; unknown: Set<string>; watched: Set<string>; matched: number} {
  const observed = new Map<string, string>();
  const unknown = new Set<string>();
  const seenZones = new Set<string>();
  for (const zone of snapshot.zones) {
    const id = idIn(model, 'zone', zone.name, zone.uuid);
    if (id === undefined) continue;
    seenZones.add(id);
    if (!zone.enabled) observed.set(id, 'zone disabled (allocationstate Disabled)');
  }
  for (const zone of model.zones)
    if (!seenZones.has(zone.id)) observed.set(zone.id, 'zone missing from listZones');

  const seenVms = new Set<string>();
  for (const vm of snapshot.vms) {
    const id = idIn(model, 'vm', vm.name, vm.uuid);
    if (id === undefined || seenVms.has(id)) continue;
    seenVms.add(id);
    const state = vm.state.toLowerCase();
    if (state === 'running') continue;
    if (downStates.has(state)) observed.set(id, `VM ${vm.state}`);
    else unknown.add(id);
  }
  for (const vm of model.vms)
    if (!seenVms.has(vm.id) && !observed.has(vm.zone))
      observed.set(vm.id, 'VM missing from listVirtualMachines');
  // What the cloud listed: up unless it says otherwise.
  const watched = new Set([...seenZones, ...seenVms]);

  if (snapshot.routers) {
    const states = new Map<string, string[]>();
    for (const router of snapshot.routers) {
      const account = idIn(model, 'account', router.account, router.account);
      const zone = idIn(model, 'zone', router.zoneName, router.zoneUuid);
      const id = `${account}/${zone}`;
      if (model.components.get(id)?.kind !== 'router') continue;
      states.set(id, [...(states.get(id) ?? []), router.state]);
    }
    // A redundant pair is up while either router runs.
    for (const id of states.keys()) watched.add(id);
    for (const [id, list] of states)
      if (!list.some((state) => state.toLowerCase() === 'running'))
        observed.set(id, `router ${[...new Set(list)].join('/')}`);
  }
  return {observed, unknown, watched, matched: seenZones.size + seenVms.size};
}

/** One poll: zones, VMs and (when the key may) routers. */
export async function pollSnapshot(
  client: CloudStackClient,
  routersAllowed: boolean,
): Promise<Snapshot & {routersAllowed: boolean}> {
  const [zones, vms, routers] = await Promise.all([
    client.list('listZones', 'zone').then((items) => items.map(zoneOf)),
    client
      .list('listVirtualMachines', 'virtualmachine', {listall: 'true'})
      .then((items) => items.map(vmOf)),
    routersAllowed ? listRouters(client) : Promise.resolve({value: undefined}),
  ]);
  return {zones, vms, routers: routers.value, routersAllowed: routers.value !== undefined};
}

/**
 * Follows the cloud: a full snapshot every `intervalS`, the first at once. A failed poll is
 * reported as a source error and changes nothing the last good poll said.
 */
export function followCloudStack(
  client: CloudStackClient,
  model: () => Model,
  intervalS: number,
  signal: AbortSignal,
  clock: () => number = Date.now,
): AsyncIterable<LiveUpdate> {
  const updates = channel<LiveUpdate>(signal);
  void (async () => {
    let routersAllowed = true;
    while (!signal.aborted) {
      try {
        const snapshot = await pollSnapshot(client, routersAllowed);
        routersAllowed = snapshot.routersAllowed;
        const {observed, unknown, watched, matched} = observedState(snapshot, model());
        // A topology of another cloud would show all down; say what is wrong instead.
        if (matched === 0)
          updates.push({
            type: 'sourceError',
            source: cloudSource,
            message:
              'no zone or VM of the topology is in this cloud: open the file failsight import cloudstack wrote',
            at: clock(),
          });
        else
          updates.push({
            type: 'observed',
            source: cloudSource,
            observed,
            unknown,
            watched,
            at: clock(),
          });
      } catch (error) {
        if (signal.aborted) return;
        const message =
          error instanceof CloudStackError ? error.message : 'the poll failed unexpectedly';
        updates.push({type: 'sourceError', source: cloudSource, message, at: clock()});
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, intervalS * 1000);
        signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), {once: true});
      });
    }
  })();
  return updates;
}
