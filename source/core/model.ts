import type {GslbSpec, Hooks, Kind, Topology} from './schema.js';

/** A path into the topology file, e.g. ['loadBalancers', 0, 'members', 1]. */
export type FilePath = ReadonlyArray<string | number>;

export interface Problem {
  path: FilePath;
  message: string;
}

export interface Zone {
  kind: 'zone';
  id: string;
  label?: string;
  routers: string[];
  loadBalancers: string[];
}

export interface Site {
  kind: 'site';
  id: string;
  label?: string;
  capacity: number;
  probe?: string;
}

export interface Account {
  kind: 'account';
  id: string;
  label?: string;
  group: string;
  redundantRouter: boolean;
  routers: string[];
}

export interface Router {
  kind: 'router';
  id: string;
  account: string;
  zone: string;
  /** A redundant pair is not a single failable component. */
  redundant: boolean;
  vms: string[];
  /** Load balancers with runsOn: router on this router. */
  loadBalancers: string[];
}

export interface Vm {
  kind: 'vm';
  id: string;
  account: string;
  zone: string;
  router: string;
  capacity: number;
  role: 'active' | 'standby';
  probe?: string;
  hooks?: Hooks;
}

export interface LoadBalancer {
  kind: 'lb';
  id: string;
  account: string;
  zone: string;
  runsOn: 'zone' | 'router';
  members: string[];
  limit?: number;
  hooks?: Hooks;
}

export interface Gslb {
  kind: 'gslb';
  id: string;
  policy: GslbSpec['policy'];
  healthCheck: GslbSpec['healthCheck'];
  ttlS: number;
  targets: GslbSpec['targets'];
  hooks?: Hooks;
}

export interface Service {
  kind: 'service';
  id: string;
  demand: number;
  minimum?: number;
  entry: string;
  dependsOn: string[];
  /** Dependency id → the round-trip budget (ms) the file gives it. */
  maxLatencyMs?: ReadonlyMap<string, number>;
  /** Recovery-time target under a single failure, in seconds. */
  rtoS?: number;
}

/** Components that fail together (a power feed, a shared DNS provider): one failable unit. */
export interface FailureGroup {
  id: string;
  label?: string;
  members: string[];
  availability?: number;
}

export type Component = Zone | Site | Account | Router | Vm | LoadBalancer | Gslb | Service;

export interface Model {
  name: string;
  unit: string;
  topology: Topology;
  components: Map<string, Component>;
  zones: Zone[];
  sites: Site[];
  accounts: Account[];
  routers: Router[];
  vms: Vm[];
  loadBalancers: LoadBalancer[];
  gslbs: Gslb[];
  services: Service[];
  /** Services in dependency order: every service after those it depends on. */
  serviceOrder: Service[];
  /** VM id → load balancers that have it as a member (lists are shared between VMs: read only). */
  lbsOfVm: Map<string, string[]>;
  /** Target ref (LB, site or VM) → GSLBs that point at it. */
  gslbsOfTarget: Map<string, string[]>;
  /** Entry id → services entering there. */
  servicesOfEntry: Map<string, string[]>;
  /** Service id → services that depend on it. */
  dependents: Map<string, string[]>;
  availability: Record<Exclude<Kind, 'service'>, number>;
  hooks?: Hooks;
  failureGroups: FailureGroup[];
  /** Round-trip ms between two zones or sites, keyed by `latencyKey`; absent pairs are unknown. */
  latency: ReadonlyMap<string, number>;
}

/** The key of a pair of places in `Model.latency`: the same either way round. */
export function latencyKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

export type BuildResult =
  | {ok: true; model: Model; warnings: Problem[]}
  | {ok: false; errors: Problem[]; warnings: Problem[]};

export function routerId(account: string, zone: string): string {
  return `${account}/${zone}`;
}

/** Every VM a component leads to: a VM itself, an LB's members, a GSLB's targets' VMs. */
export function* reachedVms(model: Model, ref: string): Generator<Vm> {
  const component = model.components.get(ref);
  if (!component) return;
  if (component.kind === 'vm') yield component;
  else if (component.kind === 'lb')
    for (const member of component.members) yield model.components.get(member) as Vm;
  else if (component.kind === 'gslb')
    for (const target of component.targets) yield* reachedVms(model, target.ref);
  else if (component.kind === 'service') yield* reachedVms(model, component.entry);
}
