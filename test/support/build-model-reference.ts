// The model builder as it was before its single-pass rewrite, kept to test the rewrite against:
// every topology, valid or not, must build the same model, errors and warnings.
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
} from '../../source/core/model.js';
import {didYouMean} from '../../source/core/nearest.js';
import {printable} from '../../source/core/printable.js';
import {parseDuration} from '../../source/core/duration.js';
import {latencyKey} from '../../source/core/model.js';
import {
  defaultAvailability,
  type Kind,
  type ServiceSpec,
  type Topology,
} from '../../source/core/schema.js';

/** Checks references and structure (docs/topology-format.md) and indexes the topology for the analyzer. */
export function referenceBuildModel(topology: Topology): BuildResult {
  const builder = new ModelBuilder();
  builder.addPlaces(topology);
  builder.addVms(topology);
  builder.addLoadBalancers(topology);
  builder.addGslbs(topology);
  builder.addServices(topology);
  return builder.finish(topology);
}

function addTo(index: Map<string, string[]>, key: string, value: string) {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

/** The model as it is assembled, section by section, with every problem found on the way. */
class ModelBuilder {
  readonly errors: Problem[] = [];
  readonly warnings: Problem[] = [];
  readonly components = new Map<string, Component>();
  private readonly declaredAt = new Map<string, FilePath>();
  private readonly zones: Zone[] = [];
  private readonly sites: Site[] = [];
  private readonly accounts: Account[] = [];
  private readonly routers: Router[] = [];
  private readonly vms: Vm[] = [];
  private readonly loadBalancers: LoadBalancer[] = [];
  private readonly gslbs: Gslb[] = [];
  private readonly services: Service[] = [];
  private readonly lbsOfVm = new Map<string, string[]>();
  private readonly gslbsOfTarget = new Map<string, string[]>();
  private readonly servicesOfEntry = new Map<string, string[]>();
  private readonly collided = new Set<string>();
  // Hints are computed for the first errors only (a renamed account can break 100k VMs), from
  // candidate lists made once per set of kinds: each is complete before it is first asked for.
  private readonly candidates = new Map<string, string[]>();
  private hintsLeft = 100;

  private declare(component: Component, path: FilePath): boolean {
    const earlier = this.declaredAt.get(component.id);
    const router = this.components.get(component.id);
    if (router?.kind === 'router') {
      this.errors.push({path: [...path, 'id'], message: routerTaken(router)});
      return false;
    }
    if (earlier) {
      this.errors.push({
        path: [...path, 'id'],
        message: `duplicate id "${component.id}": already used by ${kindName(this.components.get(component.id)!.kind)} at ${pathText(earlier)}`,
      });
      return false;
    }
    this.components.set(component.id, component);
    this.declaredAt.set(component.id, path);
    return true;
  }

  private hint(wanted: string, kinds: Kind[]): string {
    if (this.hintsLeft <= 0) return '';
    this.hintsLeft--;
    const key = kinds.join(',');
    let ids = this.candidates.get(key);
    if (!ids) {
      ids = [...this.components.values()].filter((c) => kinds.includes(c.kind)).map((c) => c.id);
      this.candidates.set(key, ids);
    }
    return didYouMean(wanted, ids);
  }

  private expectKind(wanted: string, kinds: Kind[], path: FilePath, what: string): boolean {
    const found = this.components.get(wanted);
    if (found && kinds.includes(found.kind)) return true;
    this.errors.push({
      path,
      message: found
        ? `"${wanted}" is ${kindName(found.kind)}, not ${/^[aeiou]/i.test(what) ? 'an' : 'a'} ${what}${this.hint(wanted, kinds)}`
        : `unknown ${what} "${wanted}"${this.hint(wanted, kinds)}`,
    });
    return false;
  }

  private ensureRouter(account: Account, zone: Zone): Router {
    const id = routerId(account.id, zone.id);
    const existing = this.components.get(id);
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
      if (!this.collided.has(id)) {
        this.collided.add(id);
        this.errors.push({
          path: [...(this.declaredAt.get(id) ?? []), 'id'],
          message: routerTaken(router),
        });
      }
      return router;
    }
    this.components.set(id, router);
    this.routers.push(router);
    account.routers.push(id);
    zone.routers.push(id);
    return router;
  }

  addPlaces(topology: Topology) {
    topology.zones.forEach((spec, index) => {
      const zone: Zone = {kind: 'zone', id: spec.id, routers: [], loadBalancers: []};
      if (spec.label !== undefined) zone.label = printable(spec.label);
      if (this.declare(zone, ['zones', index])) this.zones.push(zone);
    });
    topology.sites.forEach((spec, index) => {
      const site: Site = {kind: 'site', id: spec.id, capacity: spec.capacity};
      if (spec.label !== undefined) site.label = printable(spec.label);
      if (spec.probe !== undefined) site.probe = spec.probe;
      if (this.declare(site, ['sites', index])) this.sites.push(site);
    });
    topology.accounts.forEach((spec, index) => {
      const account: Account = {
        kind: 'account',
        id: spec.id,
        group: spec.group ?? spec.id,
        redundantRouter: spec.redundantRouter,
        routers: [],
      };
      if (spec.label !== undefined) account.label = printable(spec.label);
      if (this.declare(account, ['accounts', index])) this.accounts.push(account);
    });
  }

  addVms(topology: Topology) {
    topology.vms.forEach((spec, index) => {
      const path = ['vms', index];
      const accountOk = this.expectKind(spec.account, ['account'], [...path, 'account'], 'account');
      const zoneOk = this.expectKind(spec.zone, ['zone'], [...path, 'zone'], 'zone');
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
      if (spec.hooks !== undefined) vm.hooks = spec.hooks;
      // Declared even with a bad account or zone, so that references to it do not fail as well.
      if (!this.declare(vm, path) || !accountOk || !zoneOk) return;
      this.vms.push(vm);
      const account = this.components.get(spec.account) as Account;
      this.ensureRouter(account, this.components.get(spec.zone) as Zone).vms.push(vm.id);
    });
  }

  addLoadBalancers(topology: Topology) {
    topology.loadBalancers.forEach((spec, index) => {
      const path = ['loadBalancers', index];
      const accountOk = this.expectKind(spec.account, ['account'], [...path, 'account'], 'account');
      const zoneOk = this.expectKind(spec.zone, ['zone'], [...path, 'zone'], 'zone');
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
      if (!this.declare(lb, path) || !accountOk || !zoneOk) return;
      const owner = this.components.get(spec.account) as Account;
      const zone = this.components.get(spec.zone) as Zone;
      const seen = new Set<string>();
      spec.members.forEach((member, memberIndex) => {
        const memberPath = [...path, 'members', memberIndex];
        if (!this.expectKind(member, ['vm'], memberPath, 'member VM')) return;
        if (seen.has(member)) {
          this.errors.push({
            path: memberPath,
            message: `member "${member}" is listed twice in ${lb.id}`,
          });
          return;
        }
        seen.add(member);
        if (!this.memberFits(this.components.get(member) as Vm, lb, owner, memberPath)) return;
        lb.members.push(member);
        addTo(this.lbsOfVm, member, lb.id);
      });
      this.loadBalancers.push(lb);
      zone.loadBalancers.push(lb.id);
      if (lb.runsOn === 'router') this.ensureRouter(owner, zone).loadBalancers.push(lb.id);
    });
  }

  /** A member must sit in the LB's zone, in an account of the owner's group (CIP). */
  private memberFits(vm: Vm, lb: LoadBalancer, owner: Account, path: FilePath): boolean {
    if (this.components.get(vm.zone)?.kind !== 'zone') return false; // reported at the VM
    if (vm.zone !== lb.zone) {
      this.errors.push({
        path,
        message: `member "${vm.id}" is in zone ${vm.zone}, but ${lb.id} is in zone ${lb.zone}: a load balancer reaches VMs of its own zone only`,
      });
      return false;
    }
    const account = this.components.get(vm.account);
    if (account?.kind !== 'account') return false; // reported at the VM
    if (account.group !== owner.group) {
      this.errors.push({
        path,
        message: `member "${vm.id}" belongs to account ${vm.account} (group ${account.group}), outside the group ${owner.group} of ${lb.id}'s owner ${owner.id}: no CIP path`,
      });
      return false;
    }
    return true;
  }

  addGslbs(topology: Topology) {
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
      if (!this.declare(gslb, path)) return;
      const seen = new Set<string>();
      spec.targets.forEach((target, targetIndex) => {
        const targetPath = [...path, 'targets', targetIndex, 'ref'];
        const what = 'GSLB target (a load balancer, site or VM)';
        if (!this.expectKind(target.ref, ['lb', 'site', 'vm'], targetPath, what)) return;
        if (seen.has(target.ref)) {
          this.errors.push({
            path: targetPath,
            message: `target "${target.ref}" is listed twice in ${gslb.id}`,
          });
          return;
        }
        seen.add(target.ref);
        gslb.targets.push(target);
        addTo(this.gslbsOfTarget, target.ref, gslb.id);
        if (spec.healthCheck.type === 'tcp' && this.components.get(target.ref)?.kind === 'lb')
          this.warnings.push({
            path: [...path, 'healthCheck', 'type'],
            message: `${gslb.id} checks ${target.ref} with tcp: a live load balancer answers even when every member behind it is dead, so the GSLB keeps sending it traffic`,
          });
      });
      this.gslbs.push(gslb);
    });
  }

  addServices(topology: Topology) {
    topology.services.forEach((spec, index) => {
      const path = ['services', index];
      const service: Service = {
        kind: 'service',
        id: spec.id,
        demand: spec.demand,
        entry: spec.entry,
        dependsOn: spec.dependsOn.map((d) => (typeof d === 'string' ? d : d.service)),
      };
      // A dependency written as {service, maxLatencyMs} carries its budget; rto is in seconds.
      const budgets = new Map<string, number>();
      for (const d of spec.dependsOn)
        if (typeof d === 'object' && d.maxLatencyMs !== undefined)
          budgets.set(d.service, d.maxLatencyMs);
      if (budgets.size > 0) service.maxLatencyMs = budgets;
      if (spec.rto !== undefined) {
        const rto =
          typeof spec.rto === 'number' ? {ok: true, seconds: spec.rto} : parseDuration(spec.rto);
        if (rto.ok) service.rtoS = rto.seconds;
      }
      if (spec.minimum !== undefined) {
        service.minimum = spec.minimum;
        if (spec.minimum > spec.demand)
          this.errors.push({
            path: [...path, 'minimum'],
            message: `minimum ${spec.minimum} is above the demand ${spec.demand}`,
          });
      }
      if (!this.declare(service, path)) return;
      this.services.push(service);
      const what = 'entry (a GSLB, load balancer or VM)';
      if (this.expectKind(spec.entry, ['gslb', 'lb', 'vm'], [...path, 'entry'], what)) {
        addTo(this.servicesOfEntry, spec.entry, service.id);
        checkReachedOnce(spec, path, this.components, this.errors);
      }
    });
  }

  finish(topology: Topology): BuildResult {
    const {errors, warnings, components, services} = this;
    const dependents = new Map<string, string[]>();
    services.forEach((service, index) => {
      const path = ['services', index, 'dependsOn'];
      service.dependsOn.forEach((dependency, depIndex) => {
        if (this.expectKind(dependency, ['service'], [...path, depIndex], 'service'))
          addTo(dependents, dependency, service.id);
      });
    });
    const serviceOrder = orderServices(services, components, errors);
    if (errors.length > 0) return {ok: false, errors, warnings};
    const model: Model = {
      // Free text from the file is stored escaped, so no screen or report can print it raw.
      name: printable(topology.name),
      unit: printable(topology.unit),
      topology,
      components,
      zones: this.zones,
      sites: this.sites,
      accounts: this.accounts,
      routers: this.routers,
      vms: this.vms,
      loadBalancers: this.loadBalancers,
      gslbs: this.gslbs,
      services,
      serviceOrder,
      lbsOfVm: this.lbsOfVm,
      gslbsOfTarget: this.gslbsOfTarget,
      servicesOfEntry: this.servicesOfEntry,
      dependents,
      // Groups and latencies as the file gives them (a valid file: members exist, once each).
      failureGroups: (topology.failureGroups ?? []).map((spec) => ({
        id: spec.id,
        ...(spec.label === undefined ? {} : {label: printable(spec.label)}),
        members: [...spec.members],
        ...(spec.availability === undefined ? {} : {availability: spec.availability}),
      })),
      latency: new Map(
        (topology.latency ?? []).map((spec) => [latencyKey(...spec.between), spec.ms] as const),
      ),
      availability: {...defaultAvailability, ...topology.availability},
    };
    if (topology.hooks !== undefined) model.hooks = topology.hooks;
    warnCrossGroupDependencies(model, warnings);
    return {ok: true, model, warnings};
  }
}

function routerTaken(router: {id: string; account: string; zone: string}): string {
  return `id "${router.id}" is the name of the implicit router of account ${router.account} in zone ${router.zone} (routers are named account/zone): choose another id`;
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

/**
 * Services in dependency order, each after those it depends on; a cycle is reported at its first
 * edge. Depth-first with an explicit stack: a chain of thousands of services is an ordinary file.
 */
function orderServices(
  services: Service[],
  components: Map<string, Component>,
  errors: Problem[],
): Service[] {
  const order: Service[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const indexOf = new Map(services.map((service, index) => [service.id, index]));
  const dependenciesOf = (service: Service) =>
    service.dependsOn.flatMap((id) => {
      const next = components.get(id);
      return next?.kind === 'service' ? [next] : [];
    });
  for (const root of services) {
    if (state.has(root.id)) continue;
    // The path from the root: each service with the dependencies it has yet to visit.
    const path: Array<{service: Service; next: number; dependencies: Service[]}> = [];
    const enter = (service: Service) => {
      state.set(service.id, 'visiting');
      path.push({service, next: 0, dependencies: dependenciesOf(service)});
    };
    enter(root);
    while (path.length > 0) {
      const top = path[path.length - 1]!;
      const dependency = top.dependencies[top.next++];
      if (dependency === undefined) {
        state.set(top.service.id, 'done');
        order.push(top.service);
        path.pop();
        continue;
      }
      const mark = state.get(dependency.id);
      if (mark === 'done') continue;
      if (mark === undefined) {
        enter(dependency);
        continue;
      }
      const from = path.findIndex((step) => step.service.id === dependency.id);
      const cycle = [...path.slice(from).map((step) => step.service.id), dependency.id];
      // Located at the cycle's first edge: the dependsOn item of its first service.
      errors.push({
        path: [
          'services',
          indexOf.get(dependency.id) ?? 0,
          'dependsOn',
          dependency.dependsOn.indexOf(cycle[1]!),
        ],
        message: `dependency cycle: ${cycle.join(' → ')}`,
      });
    }
  }
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
