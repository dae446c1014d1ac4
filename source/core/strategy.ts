import type {Account, Model, Service, Vm} from './model.js';
import {reachedVms} from './model.js';
import type {ServiceSweep, ToleranceKind} from './sweep.js';

export type Strategy = 'single' | 'vm-redundancy' | 'multi-account' | 'multi-zone';

/** Where a service's capacity lives: zones (or sites) reached through a GSLB, accounts, active VMs. */
interface Footprint {
  viaGslb: boolean;
  places: Set<string>;
  accounts: Set<string>;
  activeVms: Vm[];
  vms: Vm[];
}

// Structure does not change for a model; strategy, expectations and advice all read it.
const footprints = new WeakMap<Service, Footprint>();

function footprint(model: Model, service: Service): Footprint {
  let print = footprints.get(service);
  if (!print) {
    print = measureFootprint(model, service);
    footprints.set(service, print);
  }
  return print;
}

function measureFootprint(model: Model, service: Service): Footprint {
  const entry = model.components.get(service.entry);
  const places = new Set<string>();
  if (entry?.kind === 'gslb') {
    for (const target of entry.targets) {
      const component = model.components.get(target.ref);
      if (component?.kind === 'site') {
        if (component.capacity > 0) places.add(component.id);
      } else
        for (const vm of reachedVms(model, target.ref)) if (vm.capacity > 0) places.add(vm.zone);
    }
  }
  const vms = [...reachedVms(model, service.entry)];
  return {
    viaGslb: entry?.kind === 'gslb',
    places,
    accounts: new Set(vms.map((vm) => vm.account)),
    activeVms: vms.filter((vm) => vm.role === 'active'),
    vms,
  };
}

/** The guide's strategy a service is built as, by its structure alone (DESIGN §3). */
export function strategyOf(model: Model, service: Service): Strategy {
  const print = footprint(model, service);
  if (print.viaGslb && print.places.size >= 2) return 'multi-zone';
  if (print.accounts.size >= 2) return 'multi-account';
  if (print.activeVms.length >= 2) return 'vm-redundancy';
  return 'single';
}

/** The failure kinds each strategy is meant to survive (the guide's table). */
export function expectedToSurvive(
  model: Model,
  service: Service,
  strategy: Strategy,
): ToleranceKind[] {
  switch (strategy) {
    case 'single':
      return [];
    case 'vm-redundancy':
      return ['vm'];
    case 'multi-account':
      return ['vm', 'router', 'account'];
    case 'multi-zone': {
      const zonesOfAccount = new Map<string, Set<string>>();
      for (const vm of footprint(model, service).vms) {
        const zones = zonesOfAccount.get(vm.account) ?? new Set();
        zones.add(vm.zone);
        zonesOfAccount.set(vm.account, zones);
      }
      const ownAccountPerZone = [...zonesOfAccount.values()].every((zones) => zones.size === 1);
      return ownAccountPerZone
        ? ['vm', 'router', 'lb', 'account', 'zone', 'site']
        : ['vm', 'router', 'lb', 'zone', 'site'];
    }
  }
}

const kindOrder: ToleranceKind[] = ['zone', 'site', 'account', 'router', 'lb', 'vm'];

/** The next step up the guide, or the fix for where the structure falls short of its strategy. */
export function recommend(
  model: Model,
  service: Service,
  strategy: Strategy,
  result: ServiceSweep,
  sweepOf: (serviceId: string) => ServiceSweep | undefined,
): string {
  const print = footprint(model, service);
  const expected = expectedToSurvive(model, service, strategy);
  const shortfall = kindOrder.find(
    (kind) => expected.includes(kind) && result.tolerance[kind]?.survives === false,
  );
  if (shortfall) {
    // A failure that reaches the service through a dependency is fixed in the dependency.
    const culprit = result.spof.find((id) => model.components.get(id)?.kind === shortfall);
    const through = service.dependsOn.find(
      (dep) => culprit !== undefined && sweepOf(dep)?.spof.includes(culprit),
    );
    if (culprit !== undefined && through !== undefined) {
      const dependency = model.components.get(through) as Service;
      const fix = recommend(
        model,
        dependency,
        strategyOf(model, dependency),
        sweepOf(through)!,
        sweepOf,
      );
      return `in its dependency ${through}: ${fix}`;
    }
    return fixShortfall(model, service, shortfall, result, print);
  }
  const standby = print.vms.find((vm) => vm.role === 'standby');
  switch (strategy) {
    case 'single': {
      const vm = print.activeVms[0] ?? print.vms[0];
      if (!vm) return `give ${service.id} a VM: its entry ${service.entry} reaches none`;
      return `put ${vm.id} and a second VM of account ${vm.account} behind a load balancer in ${vm.zone} to survive a VM failure`;
    }
    case 'vm-redundancy': {
      const vm = print.activeVms[0]!;
      const account = model.components.get(vm.account) as Account;
      const sibling = model.accounts.find((a) => a.group === account.group && a.id !== account.id);
      const lb = lbOf(model, service, vm) ?? 'its load balancer';
      return sibling
        ? `add VMs of account ${sibling.id} to ${lb} to survive a router or account failure`
        : `create a second account in group ${account.group} and add its VMs in ${vm.zone} to ${lb} to survive a router or account failure`;
    }
    case 'multi-account': {
      const used = new Set(print.vms.map((vm) => vm.zone));
      const other = model.zones.find((zone) => !used.has(zone.id));
      const where = other ? `zone ${other.id}` : 'a second zone';
      return `put VMs in ${where} behind their own load balancer and front both load balancers with a GSLB to survive a zone failure`;
    }
    case 'multi-zone': {
      if (standby)
        return `${standby.id} is a standby: it serves only once promoted (o); make it active to skip the manual step`;
      if (result.spof.length === 0 && result.weak.length === 0)
        return 'none: no single failure lowers what it serves';
      const worst = Math.min(...Object.values(result.tolerance).map((t) => t.worstPercent));
      return result.spof.length === 0
        ? `none needed: survives any single failure (worst case keeps ${worst}%); add capacity to keep 100%`
        : `only the provider-managed GSLB is left; worst single failure keeps ${worst}%`;
    }
  }
}

function lbOf(model: Model, service: Service, vm: Vm): string | undefined {
  const entry = model.components.get(service.entry);
  const inFront = new Set(
    entry?.kind === 'gslb' ? entry.targets.map((t) => t.ref) : [service.entry],
  );
  return (model.lbsOfVm.get(vm.id) ?? []).find((lb) => inFront.has(lb));
}

function fixShortfall(
  model: Model,
  service: Service,
  kind: ToleranceKind,
  result: ServiceSweep,
  print: Footprint,
): string {
  const culprit = result.spof.find((id) => model.components.get(id)?.kind === kind) ?? kind;
  const standby = print.vms.find((vm) => vm.role === 'standby');
  const worst = result.tolerance[kind]?.worstPercent ?? 0;
  const minimum = service.minimum !== undefined ? `the minimum ${service.minimum}` : 'anything';
  switch (kind) {
    case 'vm':
    case 'zone':
    case 'site':
      if (standby)
        return `${kind} ${culprit} takes it down until standby ${standby.id} is promoted: make ${standby.id} active or promote it on failure (o)`;
      return `${kind} ${culprit} takes it down: the rest keeps ${worst}% of demand, below ${minimum}; add capacity outside ${culprit}`;
    case 'router':
      return `router ${culprit} takes it down: add VMs of another account of the group to the load balancer so no router carries it alone`;
    case 'account':
      return `account ${culprit} spans every zone of it: give each zone its own account of the group, so an account failure leaves the other zones`;
    case 'lb': {
      const lb = model.components.get(culprit);
      if (lb?.kind === 'lb' && lb.runsOn === 'router')
        return `${culprit} runs on router ${lb.account}/${lb.zone} and falls with it: use the zone load balancer (runsOn: zone) or a second load balancer behind a GSLB`;
      return `load balancer ${culprit} takes it down: put a second load balancer in another zone behind a GSLB`;
    }
    default:
      return `${kind} ${culprit} takes it down`;
  }
}
