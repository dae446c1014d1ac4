import {containmentOf} from './containment.js';
import {kindCode, layoutOf, type ModelLayout} from './model-layout.js';
import type {Account, Model, Service, Vm} from './model.js';
import {message, type CoreMessage} from './messages.js';
import type {ServiceSweep, ToleranceKind} from './sweep.js';

export type Strategy = 'single' | 'vm-redundancy' | 'multi-account' | 'multi-zone';

/** Where a service's capacity lives: zones (or sites) reached through a GSLB, accounts, active VMs. */
interface Footprint {
  viaGslb: boolean;
  /** How many zones and sites hold capacity behind the GSLB. */
  places: number;
  /** How many accounts the VMs reached belong to. */
  accounts: number;
  /** How many routers (account and zone) they sit behind: as many as accounts when no account spans two zones. */
  routers: number;
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

/** Marks per component index, stamped per service so that counting distinct ones needs no set. */
const stampsByLayout = new WeakMap<ModelLayout, {epoch: number; seen: Int32Array}>();

/**
 * The VMs the entry reaches, in the order `reachedVms` gives them, read by index from the
 * model's layout: one pass, no lookup by id per VM.
 */
function measureFootprint(model: Model, service: Service): Footprint {
  const layout = layoutOf(model);
  const {components, codes, capacity, active, vmZone, vmAccount, vmRouter} = layout;
  let stamps = stampsByLayout.get(layout);
  if (!stamps) {
    stamps = {epoch: 0, seen: new Int32Array(components.length)};
    stampsByLayout.set(layout, stamps);
  }
  // Zones, sites, accounts and routers have indices of their own: one array counts them all.
  const {seen} = stamps;
  const epoch = ++stamps.epoch;
  const first = (i: number) => {
    if (seen[i] === epoch) return 0;
    seen[i] = epoch;
    return 1;
  };
  const print: Footprint = {
    viaGslb: false,
    places: 0,
    accounts: 0,
    routers: 0,
    activeVms: [],
    vms: [],
  };
  const reach = (vm: number) => {
    const component = components[vm] as Vm;
    print.vms.push(component);
    print.accounts += first(vmAccount[vm]!);
    print.routers += first(vmRouter[vm]!);
    if (active[vm] === 1) print.activeVms.push(component);
    if (print.viaGslb && capacity[vm]! > 0) print.places += first(vmZone[vm]!);
  };
  const behind = (unit: number) => {
    if (codes[unit] === kindCode.vm) reach(unit);
    else if (codes[unit] === kindCode.lb)
      for (let k = layout.memberStart[unit]!; k < layout.memberStart[unit + 1]!; k++)
        reach(layout.memberList[k]!);
    else if (print.viaGslb && codes[unit] === kindCode.site && capacity[unit]! > 0)
      print.places += first(unit);
  };
  const entry = containmentOf(model).index.get(service.entry)!;
  print.viaGslb = codes[entry] === kindCode.gslb;
  if (print.viaGslb)
    for (let k = layout.targetStart[entry]!; k < layout.targetStart[entry + 1]!; k++)
      behind(layout.targetList[k]!);
  else behind(entry);
  return print;
}

/** The guide's strategy a service is built as, by its structure alone (docs/semantics.md). */
export function strategyOf(model: Model, service: Service): Strategy {
  const print = footprint(model, service);
  if (print.viaGslb && print.places >= 2) return 'multi-zone';
  if (print.accounts >= 2) return 'multi-account';
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
      // A router is one account in one zone: as many routers as accounts, no account spans zones.
      const print = footprint(model, service);
      const ownAccountPerZone = print.routers === print.accounts;
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
): CoreMessage {
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
      return {...message('rec.through', {dependency: through}), inner: fix};
    }
    // Down now, so no single failure is left to blame: the fix is to recover first.
    if (culprit === undefined) return message('rec.downNow', {service: service.id});
    return fixShortfall(model, service, shortfall, culprit, result, print);
  }
  const standby = print.vms.find((vm) => vm.role === 'standby');
  switch (strategy) {
    case 'single': {
      const vm = print.activeVms[0] ?? print.vms[0];
      if (!vm) return message('rec.noVm', {service: service.id, entry: service.entry});
      return message('rec.single', {vm: vm.id, account: vm.account, zone: vm.zone});
    }
    case 'vm-redundancy': {
      const vm = print.activeVms[0]!;
      const account = model.components.get(vm.account) as Account;
      const sibling = accountsOfGroup(model, account.group).find((a) => a.id !== account.id);
      const lb = lbOf(model, service, vm);
      if (sibling)
        return lb
          ? message('rec.sibling', {sibling: sibling.id, lb})
          : message('rec.siblingAnyLb', {sibling: sibling.id});
      return lb
        ? message('rec.newAccount', {group: account.group, zone: vm.zone, lb})
        : message('rec.newAccountAnyLb', {group: account.group, zone: vm.zone});
    }
    case 'multi-account': {
      const used = new Set(print.vms.map((vm) => vm.zone));
      const other = model.zones.find((zone) => !used.has(zone.id));
      return other ? message('rec.secondZone', {zone: other.id}) : message('rec.anotherZone', {});
    }
    case 'multi-zone': {
      if (standby) return message('rec.standby', {standby: standby.id});
      if (result.spof.length === 0 && result.weak.length === 0) return message('rec.none', {});
      const worst = Object.values(result.tolerance).reduce(
        (least, t) => Math.min(least, t.worstPercent),
        Infinity,
      );
      return result.spof.length === 0
        ? message('rec.noneNeeded', {worst})
        : message('rec.gslbLeft', {worst});
    }
  }
}

/** Fixes that hold only while no single component takes the service down. */
const fixesWithoutSpof = new Set(['rec.none', 'rec.noneNeeded', 'rec.gslbLeft']);

/**
 * The fix with failure groups counted: a group that takes the service down alone is a single
 * point like any component, so "none needed" cannot stand beside it.
 */
export function recommendWithGroups(
  model: Model,
  service: Service,
  strategy: Strategy,
  result: ServiceSweep,
  sweepOf: (serviceId: string) => ServiceSweep | undefined,
  groupSpof: readonly string[],
): CoreMessage {
  const fix = recommend(model, service, strategy, result, sweepOf);
  const group = groupSpof[0];
  if (group === undefined || !fixesWithoutSpof.has(fix.id)) return fix;
  return message('rec.group', {group});
}

const groupsByModel = new WeakMap<Model, Map<string, Account[]>>();

/** The accounts of a group, in the file's order. */
function accountsOfGroup(model: Model, group: string): Account[] {
  let groups = groupsByModel.get(model);
  if (!groups) {
    groups = new Map();
    for (const account of model.accounts) {
      const list = groups.get(account.group);
      if (list) list.push(account);
      else groups.set(account.group, [account]);
    }
    groupsByModel.set(model, groups);
  }
  return groups.get(group) ?? [];
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
  culprit: string,
  result: ServiceSweep,
  print: Footprint,
): CoreMessage {
  const standby = print.vms.find((vm) => vm.role === 'standby');
  const worst = result.tolerance[kind]?.worstPercent ?? 0;
  switch (kind) {
    case 'vm':
    case 'zone':
    case 'site':
      if (standby) return message('rec.untilPromoted', {kind, culprit, standby: standby.id});
      return service.minimum !== undefined
        ? message('rec.capacity', {kind, culprit, worst, minimum: service.minimum})
        : message('rec.capacityZero', {kind, culprit});
    case 'router':
      return message('rec.router', {culprit});
    case 'account':
      return message('rec.account', {culprit});
    case 'lb': {
      const lb = model.components.get(culprit);
      if (lb?.kind === 'lb' && lb.runsOn === 'router')
        return message('rec.lbOnRouter', {culprit, router: `${lb.account}/${lb.zone}`});
      return message('rec.lb', {culprit});
    }
    default:
      return message('rec.generic', {kind, culprit});
  }
}
