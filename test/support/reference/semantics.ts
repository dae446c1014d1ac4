// An independent model of the analyzer's documented semantics (readme "The topology file",
// docs/topology-format.md, docs/architecture.md), written from the words, not from
// source/core: only the parsed topology's type is shared. Every answer is found the slow,
// obvious way — a failure set is closed by the containment rules, each service is evaluated in
// full, single points by failing every unit in turn, availability by enumerating every state.
// Where the documents leave a question open the choice made here is marked `OPEN:`.
import type {Topology} from '../../../source/core/schema.js';

export type RefStatus = 'OK' | 'DEGRADED' | 'DOWN';
export type RefKind = 'zone' | 'site' | 'account' | 'router' | 'vm' | 'lb' | 'gslb' | 'group';

export interface RefState {
  /** Failed units: component ids, or failure-group ids (their members fail at once). */
  failed: ReadonlySet<string>;
  promoted: ReadonlySet<string>;
  /** GSLB → the target a manual failover sends all traffic to. */
  forced: ReadonlyMap<string, string>;
}

export const nothingFailed: RefState = {failed: new Set(), promoted: new Set(), forced: new Map()};

export interface RefEvaluation {
  down: Set<string>;
  served: Map<string, number>;
  status: Map<string, RefStatus>;
}

export interface RefUnit {
  id: string;
  kind: RefKind;
  /** What fails when it fails (itself, or a group's members). */
  members: readonly string[];
}

/** The per-kind availabilities when the file gives none (readme, defaults). */
const defaultAvailability: Record<string, number> = {
  zone: 0.9999,
  site: 0.999,
  account: 0.9999,
  router: 0.9995,
  vm: 0.999,
  lb: 0.9995,
};

const routerOf = (account: string, zone: string) => `${account}/${zone}`;

export class Reference {
  readonly kindOf = new Map<string, RefKind>();
  private readonly vms: Map<string, Topology['vms'][number]>;
  private readonly lbs: Map<string, Topology['loadBalancers'][number]>;
  private readonly sites: Map<string, Topology['sites'][number]>;
  private readonly gslbs: Map<string, Topology['gslbs'][number]>;
  private readonly services: Map<string, Topology['services'][number]>;
  private readonly groups: Map<string, readonly string[]>;
  private readonly redundant: Set<string>;
  /** Routers: one per account and zone that has VMs. */
  readonly routers: string[] = [];

  constructor(readonly topology: Topology) {
    for (const z of topology.zones) this.kindOf.set(z.id, 'zone');
    for (const s of topology.sites) this.kindOf.set(s.id, 'site');
    for (const a of topology.accounts) this.kindOf.set(a.id, 'account');
    const addRouter = (account: string, zone: string) => {
      const router = routerOf(account, zone);
      if (!this.kindOf.has(router)) {
        this.kindOf.set(router, 'router');
        this.routers.push(router);
      }
    };
    for (const v of topology.vms) {
      this.kindOf.set(v.id, 'vm');
      addRouter(v.account, v.zone);
    }
    // OPEN: the readme has routers "per account and zone with VMs"; a load balancer that runs
    // on its owner's router (`runsOn: router`) needs that router though the owner has no VM
    // there — here it exists and is failable like any other.
    for (const l of topology.loadBalancers) if (l.runsOn === 'router') addRouter(l.account, l.zone);
    for (const l of topology.loadBalancers) this.kindOf.set(l.id, 'lb');
    for (const g of topology.gslbs) this.kindOf.set(g.id, 'gslb');
    for (const g of topology.failureGroups ?? []) this.kindOf.set(g.id, 'group');
    this.vms = new Map(topology.vms.map((v) => [v.id, v]));
    this.lbs = new Map(topology.loadBalancers.map((l) => [l.id, l]));
    this.sites = new Map(topology.sites.map((s) => [s.id, s]));
    this.gslbs = new Map(topology.gslbs.map((g) => [g.id, g]));
    this.services = new Map(topology.services.map((s) => [s.id, s]));
    this.groups = new Map((topology.failureGroups ?? []).map((g) => [g.id, g.members]));
    this.redundant = new Set(topology.accounts.filter((a) => a.redundantRouter).map((a) => a.id));
  }

  /**
   * Everything down when `failed` fails: a zone takes its routers, VMs and load balancers; an
   * account its routers and VMs; a router the VMs behind it and the load balancers that run on
   * it (`runsOn: router`); a zone load balancer survives its owner account.
   */
  down(failed: Iterable<string>): Set<string> {
    const down = new Set<string>();
    for (const id of failed) for (const member of this.groups.get(id) ?? [id]) down.add(member);
    const routerDown = (account: string, zone: string) =>
      down.has(routerOf(account, zone)) || down.has(account) || down.has(zone);
    for (const router of this.routers) {
      const [account, zone] = router.split('/') as [string, string];
      if (routerDown(account, zone)) down.add(router);
    }
    for (const v of this.topology.vms) if (routerDown(v.account, v.zone)) down.add(v.id);
    for (const l of this.topology.loadBalancers) {
      if (down.has(l.zone)) down.add(l.id);
      if (l.runsOn === 'router' && routerDown(l.account, l.zone)) down.add(l.id);
    }
    return down;
  }

  /** The targets of a GSLB its health check sees healthy in a state. */
  healthyTargets(state: RefState, gslbId: string): string[] {
    return this.capacities(state).healthy(gslbId);
  }

  private capacities(state: RefState) {
    const down = this.down(state.failed);
    const vmCap = (id: string) => {
      const vm = this.vms.get(id)!;
      if (down.has(id)) return 0;
      return vm.role === 'active' || state.promoted.has(id) ? vm.capacity : 0;
    };
    const lbCap = (id: string) => {
      const lb = this.lbs.get(id)!;
      if (down.has(id)) return 0;
      const sum = lb.members.reduce((total, m) => total + vmCap(m), 0);
      return Math.min(lb.capacity ?? Infinity, sum);
    };
    const targetCap = (ref: string) => {
      if (this.lbs.has(ref)) return lbCap(ref);
      if (this.vms.has(ref)) return vmCap(ref);
      return down.has(ref) ? 0 : this.sites.get(ref)!.capacity;
    };
    // Healthy: up, and with capacity — or, behind a TCP check, a load balancer that is up.
    const healthy = (id: string) => {
      const gslb = this.gslbs.get(id)!;
      return gslb.targets
        .filter(
          (t) =>
            !down.has(t.ref) &&
            ((gslb.healthCheck.type === 'tcp' && this.lbs.has(t.ref)) || targetCap(t.ref) > 0),
        )
        .map((t) => t.ref);
    };
    return {down, vmCap, lbCap, targetCap, healthy};
  }

  evaluate(state: RefState): RefEvaluation {
    const {down, vmCap, lbCap, targetCap, healthy: healthyRefs} = this.capacities(state);
    const gslbServes = (id: string, demand: number) => {
      const gslb = this.gslbs.get(id)!;
      if (down.has(id)) return 0;
      const healthyNow = new Set(healthyRefs(id));
      const healthy = gslb.targets.filter((t) => healthyNow.has(t.ref));
      // A manual failover sends it all (even to a drained target).
      // OPEN: a forced target that is no longer healthy: here the policy applies again, as if
      // the GSLB had not been forced (its health check sees the target dead).
      const forced = state.forced.get(id);
      if (forced !== undefined && healthy.some((t) => t.ref === forced))
        return Math.min(demand, targetCap(forced));
      if (healthy.length === 0) return 0;
      // A drained target (weight 0) gets nothing while one of positive weight is healthy.
      const weighted = healthy.filter((t) => t.weight > 0);
      let pool = weighted.length > 0 ? weighted : healthy;
      if (gslb.policy === 'failover') {
        const best = Math.min(...pool.map((t) => t.priority));
        pool = pool.filter((t) => t.priority === best);
      }
      // OPEN: several healthy targets share the best priority under `failover` — here they
      // split it by weight, as `ratio` does. All drained: here evenly.
      const byWeight = gslb.policy !== 'round-robin' && pool.some((t) => t.weight > 0);
      const total = byWeight ? pool.reduce((sum, t) => sum + t.weight, 0) : pool.length;
      return pool.reduce((served, t) => {
        const share = (demand * (byWeight ? t.weight : 1)) / total;
        return served + Math.min(share, targetCap(t.ref));
      }, 0);
    };
    const served = new Map<string, number>();
    const status = new Map<string, RefStatus>();
    // Dependencies first: the dependency graph is acyclic (the loader refuses cycles).
    const visit = (id: string, path: Set<string>): number => {
      const known = served.get(id);
      if (known !== undefined) return known;
      if (path.has(id)) throw new Error(`dependency cycle through ${id}`);
      path.add(id);
      const service = this.services.get(id)!;
      const entry = service.entry;
      const capacity = this.gslbs.has(entry)
        ? gslbServes(entry, service.demand)
        : this.lbs.has(entry)
          ? lbCap(entry)
          : vmCap(entry);
      let amount = Math.min(service.demand, capacity);
      // OPEN: a dependency named twice scales once; a dependency of demand 0 scales by 1.
      const deps = new Set(service.dependsOn.map((d) => (typeof d === 'string' ? d : d.service)));
      for (const dep of deps) {
        const depServed = visit(dep, path);
        const depDemand = this.services.get(dep)!.demand;
        amount *= depDemand === 0 ? 1 : depServed / depDemand;
      }
      path.delete(id);
      served.set(id, amount);
      status.set(id, statusOf(amount, service.demand, service.minimum));
      return amount;
    };
    for (const service of this.topology.services) visit(service.id, new Set());
    return {down, served, status};
  }

  /**
   * The failable units: every zone, site, account, router (unless its account's router is
   * redundant), VM and load balancer; GSLBs when asked; every failure group.
   */
  units(options: {includeGslb?: boolean; groups?: boolean} = {}): RefUnit[] {
    const units: RefUnit[] = [];
    for (const [id, kind] of this.kindOf) {
      if (kind === 'group') {
        if (options.groups !== false) units.push({id, kind, members: this.groups.get(id)!});
        continue;
      }
      if (kind === 'gslb' && !options.includeGslb) continue;
      if (kind === 'router' && this.redundant.has(id.split('/')[0]!)) continue;
      units.push({id, kind, members: [id]});
    }
    return units;
  }

  /**
   * N-1 by trying every unit from `state`: a SPOF turns a service DOWN, a weak point lowers
   * what it serves and leaves it up. A service DOWN now has neither.
   */
  sweep(state: RefState, options: {includeGslb?: boolean} = {}): Map<string, RefServiceSweep> {
    const now = this.evaluate(state);
    const result = new Map<string, RefServiceSweep>();
    for (const s of this.topology.services)
      result.set(s.id, {spof: new Set(), weak: new Set(), after: new Map()});
    for (const unit of this.units({includeGslb: options.includeGslb})) {
      const after = this.evaluate({...state, failed: new Set([...state.failed, unit.id])});
      for (const s of this.topology.services) {
        const entry = result.get(s.id)!;
        const served = after.served.get(s.id)!;
        entry.after.set(unit.id, served);
        if (now.status.get(s.id) === 'DOWN') continue;
        if (after.status.get(s.id) === 'DOWN') entry.spof.add(unit.id);
        else if (served < now.served.get(s.id)! - 1e-9) entry.weak.add(unit.id);
      }
    }
    return result;
  }

  /**
   * The kinds a service stands on (the tolerance is told for these only): its entry's GSLB, the
   * targets' load balancers, VMs and sites, the accounts, zones (or sites) and failable routers
   * they run in, and the same for every service it depends on.
   */
  standsOn(serviceId: string): Set<RefKind> {
    const kinds = new Set<RefKind>();
    const place = (id: string) => {
      const kind = this.kindOf.get(id);
      if (kind === 'zone' || kind === 'site') kinds.add(kind);
    };
    // A router is failable unless its account runs a redundant pair.
    const router = (account: string) => {
      if (!this.redundant.has(account)) kinds.add('router');
    };
    const seenServices = new Set<string>();
    const pending = [serviceId];
    for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
      if (seenServices.has(id)) continue;
      seenServices.add(id);
      const service = this.services.get(id);
      if (!service) continue;
      pending.push(...service.dependsOn.map((d) => (typeof d === 'string' ? d : d.service)));
      const refs = [service.entry];
      for (let ref = refs.pop(); ref !== undefined; ref = refs.pop()) {
        const gslb = this.gslbs.get(ref);
        const lb = this.lbs.get(ref);
        const vm = this.vms.get(ref);
        if (gslb) {
          kinds.add('gslb');
          refs.push(...gslb.targets.map((t) => t.ref));
        } else if (lb) {
          kinds.add('lb').add('account');
          place(lb.zone);
          if (lb.runsOn === 'router') router(lb.account);
          refs.push(...lb.members);
        } else if (vm) {
          kinds.add('vm').add('account');
          place(vm.zone);
          router(vm.account);
        } else if (this.sites.has(ref)) kinds.add('site');
      }
    }
    return kinds;
  }

  /** Tolerance of one failure per kind, from the sweep (units of that kind, groups aside). */
  tolerance(
    state: RefState,
    swept: Map<string, RefServiceSweep>,
    kind: Exclude<RefKind, 'group'>,
    serviceId: string,
  ): {survives: boolean; full: boolean; worstPercent: number} | undefined {
    // A kind the service does not stand on has no tolerance to tell.
    if (!this.standsOn(serviceId).has(kind)) return undefined;
    const service = this.services.get(serviceId)!;
    const now = this.evaluate(state);
    const points = swept.get(serviceId)!;
    const ofKind = this.units({includeGslb: true, groups: false}).filter((u) => u.kind === kind);
    if (ofKind.length === 0) return {survives: true, full: true, worstPercent: 100};
    // A DOWN service "survives no failure kind"; full and worst are still what the sweep saw.
    const isDown = now.status.get(serviceId) === 'DOWN';
    const after = ofKind.map((u) => points.after.get(u.id) ?? now.served.get(serviceId)!);
    const worst = Math.min(...after);
    return {
      survives: !isDown && ofKind.every((u) => !points.spof.has(u.id)),
      full: after.every((a) => a >= now.served.get(serviceId)! - 1e-9),
      // OPEN: demand 0 — here 100.
      worstPercent: service.demand === 0 ? 100 : Math.floor((100 * worst) / service.demand + 1e-9),
    };
  }

  /** The availability of each unit on its own (groups: their own cause, 1 when not given). */
  unitAvailability(unit: RefUnit): number {
    if (unit.kind === 'group')
      return (this.topology.failureGroups ?? []).find((g) => g.id === unit.id)!.availability ?? 1;
    const given = this.topology.availability as Record<string, number | undefined>;
    if (unit.kind === 'gslb') return given.gslb ?? 1;
    return given[unit.kind] ?? defaultAvailability[unit.kind]!;
  }

  /**
   * P(OK) and P(not DOWN) per service, every unit failing independently (a group's members
   * fail with its own cause too, so they are no longer independent of each other), by
   * enumerating every combination of the units that can fail. `perfect` units never fail.
   */
  availability(perfect: ReadonlySet<string> = new Set()): Map<string, {ok: number; up: number}> {
    const units = this.units({includeGslb: true})
      .map((u) => ({unit: u, p: this.unitAvailability(u)}))
      .filter((u) => u.p < 1 && !perfect.has(u.unit.id));
    if (units.length > 20) throw new Error(`too many units to enumerate: ${units.length}`);
    const result = new Map(this.topology.services.map((s) => [s.id, {ok: 0, up: 0}]));
    for (let mask = 0; mask < 2 ** units.length; mask++) {
      let probability = 1;
      const failed = new Set<string>();
      units.forEach(({unit, p}, bit) => {
        if (mask & (2 ** bit)) {
          probability *= 1 - p;
          failed.add(unit.id);
        } else probability *= p;
      });
      if (probability === 0) continue;
      const evaluation = this.evaluate({...nothingFailed, failed});
      for (const [id, sum] of result) {
        const status = evaluation.status.get(id)!;
        if (status === 'OK') sum.ok += probability;
        if (status !== 'DOWN') sum.up += probability;
      }
    }
    return result;
  }
}

export interface RefServiceSweep {
  spof: Set<string>;
  weak: Set<string>;
  /** What the service serves with each unit failed on its own. */
  after: Map<string, number>;
}

/** OK at demand; below `minimum` DOWN; without one, DOWN only when it serves nothing. */
export function statusOf(served: number, demand: number, minimum: number | undefined): RefStatus {
  if (served >= demand - 1e-9) return 'OK';
  if (minimum === undefined ? served <= 1e-9 : served < minimum - 1e-9) return 'DOWN';
  return 'DEGRADED';
}
