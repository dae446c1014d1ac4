import {
  routerId,
  type Account,
  type BuildResult,
  latencyKey,
  type Component,
  type FailureGroup,
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
import {printable} from './printable.js';
import {defaultAvailability, type Kind} from './kinds.js';
import {parseDuration} from './duration.js';
import type {ServiceSpec, Topology} from './schema.js';

/** Checks references and structure (docs/topology-format.md) and indexes the topology for the analyzer. */
export function buildModel(topology: Topology): BuildResult {
  const builder = new ModelBuilder(topology);
  builder.addPlaces();
  builder.addVms();
  builder.addLoadBalancers();
  builder.addGslbs();
  builder.addServices();
  builder.addFailureGroups();
  builder.addLatency();
  return builder.finish();
}

function addTo(index: Map<string, string[]>, key: string, value: string) {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

/**
 * The model as it is assembled, section by section, with every problem found on the way. One
 * pass per section; the happy path builds no file paths, strings or lists per component: a path
 * is made only for a problem, and where an id was first declared is looked up only for one.
 */
class ModelBuilder {
  readonly errors: Problem[] = [];
  readonly warnings: Problem[] = [];
  readonly components = new Map<string, Component>();
  private readonly zones: Zone[] = [];
  private readonly sites: Site[] = [];
  private readonly accounts: Account[] = [];
  private readonly routers: Router[] = [];
  private readonly vms: Vm[] = [];
  private readonly loadBalancers: LoadBalancer[] = [];
  private readonly gslbs: Gslb[] = [];
  private readonly services: Service[] = [];
  private readonly failureGroups: FailureGroup[] = [];
  private readonly latency = new Map<string, number>();
  private readonly lbsOfVm = new Map<string, string[]>();
  private readonly gslbsOfTarget = new Map<string, string[]>();
  private readonly servicesOfEntry = new Map<string, string[]>();
  private readonly collided = new Set<string>();
  /** Whether some VM is a member of two load balancers or more. */
  private vmInSeveralLbs = false;
  /** Where each id was first declared: made when a problem first needs it. */
  private declaredAt: Map<string, FilePath> | undefined;
  // Hints are computed for the first errors only (a renamed account can break 100k VMs), from
  // candidate lists made once per set of kinds: each is complete before it is first asked for.
  private readonly candidates = new Map<string, string[]>();
  private hintsLeft = 100;

  constructor(private readonly topology: Topology) {}

  private declare(component: Component, section: string, index: number): boolean {
    const taken = this.components.get(component.id);
    if (taken === undefined) {
      this.components.set(component.id, component);
      return true;
    }
    const path = [section, index, 'id'];
    if (taken.kind === 'router') this.errors.push({path, message: routerTaken(taken)});
    else
      this.errors.push({
        path,
        message: `duplicate id "${component.id}": already used by ${kindName(taken.kind)} at ${pathText(this.declaration(component.id))}`,
      });
    return false;
  }

  /**
   * The path of the entry that declared `id`. Entries are declared in file-section order and an
   * id, once taken, stays taken, so the declaring entry is the first one with that id.
   */
  private declaration(id: string): FilePath {
    if (!this.declaredAt) {
      const declaredAt = new Map<string, FilePath>();
      const sections = ['zones', 'sites', 'accounts', 'vms', 'loadBalancers', 'gslbs', 'services'];
      for (const section of sections)
        (this.topology[section as 'zones'] as ReadonlyArray<{id: string}>).forEach(
          (spec, index) => {
            if (!declaredAt.has(spec.id)) declaredAt.set(spec.id, [section, index]);
          },
        );
      this.declaredAt = declaredAt;
    }
    return this.declaredAt.get(id) ?? [];
  }

  private hint(wanted: string, kinds: readonly Kind[]): string {
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

  /** The component `wanted` if it is of one of `kinds`; else the problem is recorded at `path`. */
  private expectKind<K extends Kind>(
    wanted: string,
    kinds: readonly K[],
    path: () => FilePath,
    what: string,
  ): Extract<Component, {kind: K}> | undefined {
    const found = this.components.get(wanted);
    if (found && (kinds as readonly Kind[]).includes(found.kind))
      return found as Extract<Component, {kind: K}>;
    this.errors.push({
      path: path(),
      message: found
        ? `"${wanted}" is ${kindName(found.kind)}, not ${/^[aeiou]/i.test(what) ? 'an' : 'a'} ${what}${this.hint(wanted, kinds)}`
        : `unknown ${what} "${wanted}"${this.hint(wanted, kinds)}`,
    });
    return undefined;
  }

  /** An account or zone by id: the common case of expectKind, without a list of kinds. */
  private expectOne<K extends 'account' | 'zone'>(
    wanted: string,
    kind: K,
    section: string,
    index: number,
  ): Extract<Component, {kind: K}> | undefined {
    const found = this.components.get(wanted);
    if (found?.kind === kind) return found as Extract<Component, {kind: K}>;
    return this.expectKind(wanted, [kind], () => [section, index, kind], kind);
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
        this.errors.push({path: [...this.declaration(id), 'id'], message: routerTaken(router)});
      }
      return router;
    }
    this.components.set(id, router);
    this.routers.push(router);
    account.routers.push(id);
    zone.routers.push(id);
    return router;
  }

  addPlaces() {
    const {zones, sites, accounts} = this.topology;
    zones.forEach((spec, index) => {
      const zone: Zone = {kind: 'zone', id: spec.id, routers: [], loadBalancers: []};
      if (spec.label !== undefined) zone.label = printable(spec.label);
      if (this.declare(zone, 'zones', index)) this.zones.push(zone);
    });
    sites.forEach((spec, index) => {
      const site: Site = {kind: 'site', id: spec.id, capacity: spec.capacity};
      if (spec.label !== undefined) site.label = printable(spec.label);
      if (spec.probe !== undefined) site.probe = spec.probe;
      if (this.declare(site, 'sites', index)) this.sites.push(site);
    });
    accounts.forEach((spec, index) => {
      const account: Account = {
        kind: 'account',
        id: spec.id,
        group: spec.group ?? spec.id,
        redundantRouter: spec.redundantRouter,
        routers: [],
      };
      if (spec.label !== undefined) account.label = printable(spec.label);
      if (this.declare(account, 'accounts', index)) this.accounts.push(account);
    });
  }

  addVms() {
    const specs = this.topology.vms;
    // The router each account's last VM went to: an account's VMs in a zone usually come
    // together, and this finds their router without making its id.
    const lastRouter = new Map<Account, Router>();
    for (let index = 0; index < specs.length; index++) {
      const spec = specs[index]!;
      const account = this.expectOne(spec.account, 'account', 'vms', index);
      const zone = this.expectOne(spec.zone, 'zone', 'vms', index);
      let router = account && lastRouter.get(account);
      if (router?.zone !== spec.zone) router = undefined;
      const vm: Vm = {
        kind: 'vm',
        id: spec.id,
        account: spec.account,
        zone: spec.zone,
        // The router's own id where it is known: one string per router, not one per VM.
        router: router ? router.id : routerId(spec.account, spec.zone),
        capacity: spec.capacity,
        role: spec.role,
      };
      if (spec.probe !== undefined) vm.probe = spec.probe;
      if (spec.hooks !== undefined) vm.hooks = spec.hooks;
      // Declared even with a bad account or zone, so that references to it do not fail as well.
      if (!this.declare(vm, 'vms', index) || !account || !zone) continue;
      if (!router) {
        router = this.ensureRouter(account, zone);
        lastRouter.set(account, router);
      }
      this.vms.push(vm);
      router.vms.push(vm.id);
    }
  }

  addLoadBalancers() {
    const {components, lbsOfVm} = this;
    this.topology.loadBalancers.forEach((spec, index) => {
      const owner = this.expectOne(spec.account, 'account', 'loadBalancers', index);
      const zone = this.expectOne(spec.zone, 'zone', 'loadBalancers', index);
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
      if (!this.declare(lb, 'loadBalancers', index) || !owner || !zone) return;
      // The list of LBs of a VM in this LB alone is shared by its members: one list per LB, not
      // one per VM. A VM in several LBs gets its own, copied, so no shared list ever grows.
      let onlyThis: string[] | undefined;
      // Members refused for their zone or group: the accepted ones show in lbsOfVm.
      let misfits: Set<string> | undefined;
      // A member's path, made for a problem only: no closure per member.
      const memberPath = (memberIndex: number) => () => [
        'loadBalancers',
        index,
        'members',
        memberIndex,
      ];
      const members = spec.members;
      for (let memberIndex = 0; memberIndex < members.length; memberIndex++) {
        const member = members[memberIndex]!;
        const vm = components.get(member);
        if (vm?.kind !== 'vm') {
          this.expectKind(member, vmKinds, memberPath(memberIndex), 'member VM');
          continue;
        }
        const lbs = lbsOfVm.get(member);
        if (lbs?.[lbs.length - 1] === lb.id || misfits?.has(member)) {
          this.errors.push({
            path: memberPath(memberIndex)(),
            message: `member "${member}" is listed twice in ${lb.id}`,
          });
          continue;
        }
        const fits =
          (vm.zone === lb.zone && vm.account === owner.id) ||
          this.memberFits(vm, lb, owner, memberPath(memberIndex));
        if (!fits) {
          (misfits ??= new Set()).add(member);
          continue;
        }
        lb.members.push(member);
        if (lbs) this.vmInSeveralLbs = true;
        lbsOfVm.set(member, lbs ? [...lbs, lb.id] : (onlyThis ??= [lb.id]));
      }
      this.loadBalancers.push(lb);
      zone.loadBalancers.push(lb.id);
      if (lb.runsOn === 'router') this.ensureRouter(owner, zone).loadBalancers.push(lb.id);
    });
  }

  /** A member must sit in the LB's zone, in an account of the owner's group (CIP). */
  private memberFits(vm: Vm, lb: LoadBalancer, owner: Account, path: () => FilePath): boolean {
    // The LB's zone is a zone: a VM in it is in a known zone; one elsewhere may not be.
    if (vm.zone !== lb.zone) {
      if (this.components.get(vm.zone)?.kind !== 'zone') return false; // reported at the VM
      this.errors.push({
        path: path(),
        message: `member "${vm.id}" is in zone ${vm.zone}, but ${lb.id} is in zone ${lb.zone}: a load balancer reaches VMs of its own zone only`,
      });
      return false;
    }
    if (vm.account === owner.id) return true;
    const account = this.components.get(vm.account);
    if (account?.kind !== 'account') return false; // reported at the VM
    if (account.group !== owner.group) {
      this.errors.push({
        path: path(),
        message: `member "${vm.id}" belongs to account ${vm.account} (group ${account.group}), outside the group ${owner.group} of ${lb.id}'s owner ${owner.id}: no CIP path`,
      });
      return false;
    }
    return true;
  }

  addGslbs() {
    const seen = new Set<string>();
    this.topology.gslbs.forEach((spec, index) => {
      const gslb: Gslb = {
        kind: 'gslb',
        id: spec.id,
        policy: spec.policy,
        healthCheck: spec.healthCheck,
        ttlS: spec.ttlS,
        targets: [],
      };
      if (spec.hooks !== undefined) gslb.hooks = spec.hooks;
      if (!this.declare(gslb, 'gslbs', index)) return;
      seen.clear();
      spec.targets.forEach((target, targetIndex) => {
        const path = () => ['gslbs', index, 'targets', targetIndex, 'ref'];
        const what = 'GSLB target (a load balancer, site or VM)';
        const found = this.expectKind(target.ref, targetKinds, path, what);
        if (!found) return;
        if (seen.has(target.ref)) {
          this.errors.push({
            path: path(),
            message: `target "${target.ref}" is listed twice in ${gslb.id}`,
          });
          return;
        }
        seen.add(target.ref);
        gslb.targets.push(target);
        addTo(this.gslbsOfTarget, target.ref, gslb.id);
        if (spec.healthCheck.type === 'tcp' && found.kind === 'lb')
          this.warnings.push({
            path: ['gslbs', index, 'healthCheck', 'type'],
            message: `${gslb.id} checks ${target.ref} with tcp: a live load balancer answers even when every member behind it is dead, so the GSLB keeps sending it traffic`,
          });
      });
      this.gslbs.push(gslb);
    });
  }

  addServices() {
    const reachedBy = new Map<string, string>();
    this.topology.services.forEach((spec, index) => {
      const service: Service = {
        kind: 'service',
        id: spec.id,
        demand: spec.demand,
        entry: spec.entry,
        dependsOn: spec.dependsOn.map((d) => (typeof d === 'string' ? d : d.service)),
      };
      for (const d of spec.dependsOn)
        if (typeof d !== 'string' && d.maxLatencyMs !== undefined) {
          const budgets = (service.maxLatencyMs ?? new Map()) as Map<string, number>;
          service.maxLatencyMs = budgets.set(d.service, d.maxLatencyMs);
        }
      if (spec.rto !== undefined) {
        const rto = typeof spec.rto === 'number' ? spec.rto : parseDuration(spec.rto);
        if (typeof rto === 'number') service.rtoS = rto;
        else if (rto.ok) service.rtoS = rto.seconds;
      }
      if (spec.minimum !== undefined) {
        service.minimum = spec.minimum;
        if (spec.minimum > spec.demand)
          this.errors.push({
            path: ['services', index, 'minimum'],
            message: `minimum ${spec.minimum} is above the demand ${spec.demand}`,
          });
      }
      if (!this.declare(service, 'services', index)) return;
      this.services.push(service);
      const what = 'entry (a GSLB, load balancer or VM)';
      const path = () => ['services', index, 'entry'];
      if (this.expectKind(spec.entry, entryKinds, path, what)) {
        addTo(this.servicesOfEntry, spec.entry, service.id);
        if (this.mayReachTwice(spec.entry)) {
          reachedBy.clear();
          checkReachedOnce(spec, path, this.components, reachedBy, this.errors);
        }
      }
    });
  }

  /**
   * Whether a service entered at `entry` might reach a VM twice, which checkReachedOnce then
   * looks for VM by VM (some 40 ms at 100k VMs). It cannot when the entry is a VM, or a load
   * balancer (each member is listed once), or a GSLB (each target is listed once) of which no
   * target is a GSLB or a VM in a load balancer, and no VM is in two load balancers.
   */
  private mayReachTwice(entry: string): boolean {
    const gslb = this.components.get(entry);
    if (gslb?.kind !== 'gslb') return false;
    if (this.vmInSeveralLbs) return true;
    for (const {ref} of gslb.targets) {
      const target = this.components.get(ref);
      if (target?.kind === 'gslb' || (target?.kind === 'vm' && this.lbsOfVm.has(ref))) return true;
    }
    return false;
  }

  /** Failure groups: ids in the one namespace, members that exist (a group of one is allowed). */
  addFailureGroups() {
    const failable = ['zone', 'site', 'account', 'router', 'vm', 'lb', 'gslb'] as const;
    (this.topology.failureGroups ?? []).forEach((spec, index) => {
      const taken = this.components.get(spec.id);
      const twice = this.failureGroups.some((group) => group.id === spec.id);
      if (taken || twice) {
        this.errors.push({
          path: ['failureGroups', index, 'id'],
          message: taken
            ? `duplicate id "${spec.id}": already used by ${kindName(taken.kind)}`
            : `duplicate id "${spec.id}": already used by another failure group`,
        });
        return;
      }
      const members: string[] = [];
      spec.members.forEach((member, memberIndex) => {
        const path = () => ['failureGroups', index, 'members', memberIndex];
        if (!this.expectKind(member, failable, path, 'component')) return;
        if (members.includes(member))
          this.errors.push({
            path: path(),
            message: `member "${member}" is listed twice in ${spec.id}`,
          });
        else members.push(member);
      });
      const group: FailureGroup = {id: spec.id, members};
      if (spec.label !== undefined) group.label = printable(spec.label);
      if (spec.availability !== undefined) group.availability = spec.availability;
      this.failureGroups.push(group);
    });
  }

  /** Round-trip latencies: between two zones or sites, each pair given once. */
  addLatency() {
    const places = ['zone', 'site'] as const;
    (this.topology.latency ?? []).forEach((spec, index) => {
      const [a, b] = spec.between;
      const known = spec.between.every((place, at) =>
        this.expectKind(place, places, () => ['latency', index, 'between', at], 'zone or site'),
      );
      if (!known) return;
      const key = latencyKey(a, b);
      if (a === b)
        this.errors.push({
          path: ['latency', index, 'between'],
          message: `latency between ${a} and itself is 0: give two different places`,
        });
      else if (this.latency.has(key))
        this.errors.push({
          path: ['latency', index, 'between'],
          message: `latency between ${a} and ${b} is given twice`,
        });
      else this.latency.set(key, spec.ms);
    });
  }

  finish(): BuildResult {
    const {errors, warnings, components, services, topology} = this;
    const dependents = new Map<string, string[]>();
    services.forEach((service, index) => {
      service.dependsOn.forEach((dependency, depIndex) => {
        const written = topology.services[index]?.dependsOn[depIndex];
        const path = () =>
          typeof written === 'object'
            ? ['services', index, 'dependsOn', depIndex, 'service']
            : ['services', index, 'dependsOn', depIndex];
        if (this.expectKind(dependency, serviceKinds, path, 'service'))
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
      availability: {...defaultAvailability, ...topology.availability},
      failureGroups: this.failureGroups,
      latency: this.latency,
    };
    if (topology.hooks !== undefined) model.hooks = topology.hooks;
    warnCrossGroupDependencies(model, warnings);
    return {ok: true, model, warnings};
  }
}

const vmKinds = ['vm'] as const;
const targetKinds = ['lb', 'site', 'vm'] as const;
const entryKinds = ['gslb', 'lb', 'vm'] as const;
const serviceKinds = ['service'] as const;

function routerTaken(router: {id: string; account: string; zone: string}): string {
  return `id "${router.id}" is the name of the implicit router of account ${router.account} in zone ${router.zone} (routers are named account/zone): choose another id`;
}

/** A VM reached twice from one entry would be counted twice: the file is ambiguous, so reject it. */
function checkReachedOnce(
  spec: ServiceSpec,
  path: () => FilePath,
  components: Map<string, Component>,
  reachedBy: Map<string, string>,
  errors: Problem[],
) {
  const reach = (vmId: string, via: string) => {
    const earlier = reachedBy.get(vmId);
    if (earlier !== undefined) {
      errors.push({
        path: path(),
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
  const {components} = model;
  const groupOfAccount = (id: string) => (components.get(id) as Account).group;
  // The groups of the accounts of the VMs a component reaches. Every member of a load balancer is
  // in its owner's group (a member outside it is an error), so an LB stands for its members.
  const addGroups = (ref: string, groups: Set<string>) => {
    const component = components.get(ref);
    if (component?.kind === 'vm') groups.add(groupOfAccount(component.account));
    else if (component?.kind === 'lb') {
      if (component.members.length > 0) groups.add(groupOfAccount(component.account));
    } else if (component?.kind === 'gslb')
      for (const target of component.targets) addGroups(target.ref, groups);
  };
  const groupsOfService = new Map<string, Set<string>>();
  const groupsOf = (service: Service) => {
    let groups = groupsOfService.get(service.id);
    if (!groups) {
      groups = new Set();
      addGroups(service.entry, groups);
      groupsOfService.set(service.id, groups);
    }
    return groups;
  };
  model.services.forEach((service, index) => {
    if (service.dependsOn.length === 0) return;
    const mine = groupsOf(service);
    for (const dependency of service.dependsOn) {
      const other = components.get(dependency);
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
