import {
  routerId,
  reachedVms,
  type Account,
  type BuildResult,
  type Component,
  type FilePath,
  type Gslb,
  type LoadBalancer,
  type Model,
  type Problem,
  type Router,
  type Service,
  type Site,
  type Vm,
  type Zone,
} from './model.js';
import {didYouMean} from './nearest.js';
import {defaultAvailability, type Kind, type ServiceSpec, type Topology} from './schema.js';

/** Checks references and structure (DESIGN §2) and indexes the topology for the analyzer. */
export function buildModel(topology: Topology): BuildResult {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const components = new Map<string, Component>();
  const declaredAt = new Map<string, FilePath>();

  const routerTaken = (router: {id: string; account: string; zone: string}) =>
    `id "${router.id}" is the name of the implicit router of account ${router.account} in zone ${router.zone} (routers are named account/zone): choose another id`;
  const declare = (component: Component, path: FilePath) => {
    const earlier = declaredAt.get(component.id);
    const router = components.get(component.id);
    if (router?.kind === 'router') {
      errors.push({path: [...path, 'id'], message: routerTaken(router)});
      return false;
    }
    if (earlier) {
      errors.push({
        path: [...path, 'id'],
        message: `duplicate id "${component.id}": already used by ${kindName(components.get(component.id)!.kind)} at ${pathText(earlier)}`,
      });
      return false;
    }
    components.set(component.id, component);
    declaredAt.set(component.id, path);
    return true;
  };

  const zones: Zone[] = [];
  topology.zones.forEach((spec, index) => {
    const zone: Zone = {kind: 'zone', id: spec.id, routers: [], loadBalancers: []};
    if (spec.label !== undefined) zone.label = spec.label;
    if (declare(zone, ['zones', index])) zones.push(zone);
  });
  const sites: Site[] = [];
  topology.sites.forEach((spec, index) => {
    const site: Site = {kind: 'site', id: spec.id, capacity: spec.capacity};
    if (spec.label !== undefined) site.label = spec.label;
    if (spec.probe !== undefined) site.probe = spec.probe;
    if (declare(site, ['sites', index])) sites.push(site);
  });
  const accounts: Account[] = [];
  topology.accounts.forEach((spec, index) => {
    const account: Account = {
      kind: 'account',
      id: spec.id,
      group: spec.group ?? spec.id,
      redundantRouter: spec.redundantRouter,
      routers: [],
    };
    if (spec.label !== undefined) account.label = spec.label;
    if (declare(account, ['accounts', index])) accounts.push(account);
  });

  // Hints are computed for the first errors only (a renamed account can break 100k VMs), from
  // candidate lists made once per set of kinds: each is complete before it is first asked for.
  const candidates = new Map<string, string[]>();
  let hintsLeft = 100;
  const hint = (wanted: string, kinds: Kind[]): string => {
    if (hintsLeft <= 0) return '';
    hintsLeft--;
    const key = kinds.join(',');
    let ids = candidates.get(key);
    if (!ids) {
      ids = [...components.values()].filter((c) => kinds.includes(c.kind)).map((c) => c.id);
      candidates.set(key, ids);
    }
    return didYouMean(wanted, ids);
  };
  const expectKind = (wanted: string, kinds: Kind[], path: FilePath, what: string): boolean => {
    const found = components.get(wanted);
    if (found && kinds.includes(found.kind)) return true;
    errors.push({
      path,
      message: found
        ? `"${wanted}" is ${kindName(found.kind)}, not ${/^[aeiou]/i.test(what) ? 'an' : 'a'} ${what}${hint(wanted, kinds)}`
        : `unknown ${what} "${wanted}"${hint(wanted, kinds)}`,
    });
    return false;
  };

  const routers: Router[] = [];
  const collided = new Set<string>();
  const ensureRouter = (account: Account, zone: Zone): Router => {
    const id = routerId(account.id, zone.id);
    const existing = components.get(id);
    if (existing?.kind === 'router') return existing;
    const router: Router = {
      kind: 'router',
      id,
      account: account.id,
      zone: zone.id,
      redundant: account.redundantRouter,
      vms: [],
      loadBalancers: [],
    };
    if (existing) {
      // Another component already has the router's id: report it there (once), keep it in the index.
      if (!collided.has(id)) {
        collided.add(id);
        errors.push({path: [...(declaredAt.get(id) ?? []), 'id'], message: routerTaken(router)});
      }
      return router;
    }
    components.set(id, router);
    routers.push(router);
    account.routers.push(id);
    zone.routers.push(id);
    return router;
  };

  const vms: Vm[] = [];
  topology.vms.forEach((spec, index) => {
    const path = ['vms', index];
    const accountOk = expectKind(spec.account, ['account'], [...path, 'account'], 'account');
    const zoneOk = expectKind(spec.zone, ['zone'], [...path, 'zone'], 'zone');
    const vm: Vm = {
      kind: 'vm',
      id: spec.id,
      account: spec.account,
      zone: spec.zone,
      router: routerId(spec.account, spec.zone),
      capacity: spec.capacity,
      role: spec.role,
    };
    if (spec.probe !== undefined) vm.probe = spec.probe;
    // Declared even with a bad account or zone, so that references to it do not fail as well.
    if (!declare(vm, path) || !accountOk || !zoneOk) return;
    const account = components.get(spec.account) as Account;
    const zone = components.get(spec.zone) as Zone;
    vms.push(vm);
    ensureRouter(account, zone).vms.push(vm.id);
  });

  const loadBalancers: LoadBalancer[] = [];
  const lbsOfVm = new Map<string, string[]>();
  topology.loadBalancers.forEach((spec, index) => {
    const path = ['loadBalancers', index];
    const accountOk = expectKind(spec.account, ['account'], [...path, 'account'], 'account');
    const zoneOk = expectKind(spec.zone, ['zone'], [...path, 'zone'], 'zone');
    const lb: LoadBalancer = {
      kind: 'lb',
      id: spec.id,
      account: spec.account,
      zone: spec.zone,
      runsOn: spec.runsOn,
      members: [],
    };
    if (spec.capacity !== undefined) lb.limit = spec.capacity;
    if (spec.hooks !== undefined) lb.hooks = spec.hooks;
    if (!declare(lb, path) || !accountOk || !zoneOk) return;
    const owner = components.get(spec.account) as Account;
    const zone = components.get(spec.zone) as Zone;
    const seen = new Set<string>();
    spec.members.forEach((member, memberIndex) => {
      const memberPath = [...path, 'members', memberIndex];
      if (!expectKind(member, ['vm'], memberPath, 'member VM')) return;
      const vm = components.get(member) as Vm;
      if (seen.has(member)) {
        errors.push({path: memberPath, message: `member "${member}" is listed twice in ${lb.id}`});
        return;
      }
      seen.add(member);
      if (components.get(vm.zone)?.kind !== 'zone') return; // reported at the VM
      if (vm.zone !== lb.zone) {
        errors.push({
          path: memberPath,
          message: `member "${member}" is in zone ${vm.zone}, but ${lb.id} is in zone ${lb.zone}: a load balancer reaches VMs of its own zone only`,
        });
        return;
      }
      const memberAccount = components.get(vm.account);
      if (memberAccount?.kind !== 'account') return; // reported at the VM
      if (memberAccount.group !== owner.group) {
        errors.push({
          path: memberPath,
          message: `member "${member}" belongs to account ${vm.account} (group ${memberAccount.group}), outside the group ${owner.group} of ${lb.id}'s owner ${owner.id}: no CIP path`,
        });
        return;
      }
      lb.members.push(member);
      const list = lbsOfVm.get(member);
      if (list) list.push(lb.id);
      else lbsOfVm.set(member, [lb.id]);
    });
    loadBalancers.push(lb);
    zone.loadBalancers.push(lb.id);
    if (lb.runsOn === 'router') ensureRouter(owner, zone).loadBalancers.push(lb.id);
  });

  const gslbs: Gslb[] = [];
  const gslbsOfTarget = new Map<string, string[]>();
  topology.gslbs.forEach((spec, index) => {
    const path = ['gslbs', index];
    const gslb: Gslb = {
      kind: 'gslb',
      id: spec.id,
      policy: spec.policy,
      healthCheck: spec.healthCheck,
      ttlS: spec.ttlS,
      targets: [],
    };
    if (spec.hooks !== undefined) gslb.hooks = spec.hooks;
    if (!declare(gslb, path)) return;
    const seen = new Set<string>();
    spec.targets.forEach((target, targetIndex) => {
      const targetPath = [...path, 'targets', targetIndex, 'ref'];
      if (
        !expectKind(
          target.ref,
          ['lb', 'site', 'vm'],
          targetPath,
          'GSLB target (a load balancer, site or VM)',
        )
      )
        return;
      if (seen.has(target.ref)) {
        errors.push({
          path: targetPath,
          message: `target "${target.ref}" is listed twice in ${gslb.id}`,
        });
        return;
      }
      seen.add(target.ref);
      gslb.targets.push(target);
      const list = gslbsOfTarget.get(target.ref);
      if (list) list.push(gslb.id);
      else gslbsOfTarget.set(target.ref, [gslb.id]);
      const targetComponent = components.get(target.ref);
      if (spec.healthCheck.type === 'tcp' && targetComponent?.kind === 'lb') {
        warnings.push({
          path: [...path, 'healthCheck', 'type'],
          message: `${gslb.id} checks ${target.ref} with tcp: a live load balancer answers even when every member behind it is dead, so the GSLB keeps sending it traffic`,
        });
      }
    });
    gslbs.push(gslb);
  });

  const services: Service[] = [];
  const servicesOfEntry = new Map<string, string[]>();
  topology.services.forEach((spec, index) => {
    const path = ['services', index];
    const service: Service = {
      kind: 'service',
      id: spec.id,
      demand: spec.demand,
      entry: spec.entry,
      dependsOn: spec.dependsOn,
    };
    if (spec.minimum !== undefined) {
      service.minimum = spec.minimum;
      if (spec.minimum > spec.demand)
        errors.push({
          path: [...path, 'minimum'],
          message: `minimum ${spec.minimum} is above the demand ${spec.demand}`,
        });
    }
    if (!declare(service, path)) return;
    services.push(service);
    if (
      expectKind(
        spec.entry,
        ['gslb', 'lb', 'vm'],
        [...path, 'entry'],
        'entry (a GSLB, load balancer or VM)',
      )
    ) {
      const list = servicesOfEntry.get(spec.entry);
      if (list) list.push(service.id);
      else servicesOfEntry.set(spec.entry, [service.id]);
      checkReachedOnce(spec, path, components, errors);
    }
  });

  const dependents = new Map<string, string[]>();
  services.forEach((service, index) => {
    const path = ['services', index, 'dependsOn'];
    service.dependsOn.forEach((dependency, depIndex) => {
      if (!expectKind(dependency, ['service'], [...path, depIndex], 'service')) return;
      const list = dependents.get(dependency);
      if (list) list.push(service.id);
      else dependents.set(dependency, [service.id]);
    });
  });

  const serviceOrder = orderServices(services, components, errors);
  if (errors.length > 0) return {ok: false, errors, warnings};

  const model: Model = {
    name: topology.name,
    unit: topology.unit,
    topology,
    components,
    zones,
    sites,
    accounts,
    routers,
    vms,
    loadBalancers,
    gslbs,
    services,
    serviceOrder,
    lbsOfVm,
    gslbsOfTarget,
    servicesOfEntry,
    dependents,
    availability: {...defaultAvailability, ...topology.availability},
  };
  if (topology.hooks !== undefined) model.hooks = topology.hooks;
  warnCrossGroupDependencies(model, warnings);
  return {ok: true, model, warnings};
}

/** A VM reached twice from one entry would be counted twice: the file is ambiguous, so reject it. */
function checkReachedOnce(
  spec: ServiceSpec,
  path: FilePath,
  components: Map<string, Component>,
  errors: Problem[],
) {
  const reachedBy = new Map<string, string>();
  const reach = (vmId: string, via: string) => {
    const earlier = reachedBy.get(vmId);
    if (earlier !== undefined) {
      errors.push({
        path: [...path, 'entry'],
        message: `service ${spec.id} reaches VM "${vmId}" twice (through ${earlier} and through ${via}); each VM may serve a service through one path only`,
      });
      return;
    }
    reachedBy.set(vmId, via);
  };
  const visit = (ref: string, via: string) => {
    const component = components.get(ref);
    if (!component) return;
    if (component.kind === 'vm') reach(ref, via);
    else if (component.kind === 'lb') for (const member of component.members) reach(member, ref);
    else if (component.kind === 'gslb')
      for (const target of component.targets) visit(target.ref, `${ref} → ${target.ref}`);
  };
  visit(spec.entry, spec.entry);
}

function orderServices(
  services: Service[],
  components: Map<string, Component>,
  errors: Problem[],
): Service[] {
  const order: Service[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const indexOf = new Map(services.map((service, index) => [service.id, index]));
  const visit = (service: Service, trail: string[]) => {
    const mark = state.get(service.id);
    if (mark === 'done') return;
    if (mark === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(service.id)), service.id];
      // Located at the cycle's first edge: the dependsOn item of its first service.
      errors.push({
        path: [
          'services',
          indexOf.get(service.id) ?? 0,
          'dependsOn',
          service.dependsOn.indexOf(cycle[1]!),
        ],
        message: `dependency cycle: ${cycle.join(' → ')}`,
      });
      return;
    }
    state.set(service.id, 'visiting');
    for (const dependency of service.dependsOn) {
      const next = components.get(dependency);
      if (next?.kind === 'service') visit(next, [...trail, service.id]);
    }
    state.set(service.id, 'done');
    order.push(service);
  };
  for (const service of services) visit(service, []);
  return order;
}

function warnCrossGroupDependencies(model: Model, warnings: Problem[]) {
  const groupsOf = (service: Service) =>
    new Set(
      [...reachedVms(model, service.entry)].map(
        (vm) => (model.components.get(vm.account) as Account).group,
      ),
    );
  model.services.forEach((service, index) => {
    const mine = groupsOf(service);
    for (const dependency of service.dependsOn) {
      const other = model.components.get(dependency);
      if (other?.kind !== 'service') continue;
      const theirs = groupsOf(other);
      const shared = [...mine].some((group) => theirs.has(group));
      if (mine.size > 0 && theirs.size > 0 && !shared)
        warnings.push({
          path: ['services', index, 'dependsOn'],
          message: `${service.id} depends on ${dependency}, whose VMs are in accounts of another group: no CIP, their traffic crosses public IPs`,
        });
    }
  });
}

const kindNames: Record<Kind, string> = {
  zone: 'a zone',
  site: 'a site',
  account: 'an account',
  router: 'a router',
  vm: 'a VM',
  lb: 'a load balancer',
  gslb: 'a GSLB',
  service: 'a service',
};

function kindName(kind: Kind): string {
  return kindNames[kind];
}

/** ['vms', 0, 'id'] as written in messages: vms[0].id */
function pathText(path: FilePath): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`,
    )
    .join('');
}
