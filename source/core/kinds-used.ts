import type {Model, Vm} from './model.js';
import type {ToleranceKind} from './kinds.js';

/**
 * The kinds of component each service stands on: its entry's VMs, load balancers, GSLB and
 * sites, the routers, accounts and zones they run in, and the same of every service it depends
 * on. A service tolerates or fails a kind only when it uses one: the tolerance of a kind it does
 * not use is no answer, and is not listed.
 */
export function kindsUsed(model: Model): ReadonlyMap<string, ReadonlySet<ToleranceKind>> {
  const used = new Map<string, Set<ToleranceKind>>();
  // What a VM adds depends on its router alone (the router's zone is the VM's): worked out once
  // per router, in a map of routers rather than a lookup each in the map of every component.
  const byRouter = new Map<string, readonly ToleranceKind[]>();
  const placeKind = (id: string): ToleranceKind[] => {
    const kind = model.components.get(id)?.kind;
    return kind === 'zone' || kind === 'site' ? [kind] : [];
  };
  const place = (kinds: Set<ToleranceKind>, id: string) => {
    for (const kind of placeKind(id)) kinds.add(kind);
  };
  const ofVm = (vm: Vm): readonly ToleranceKind[] => {
    const known = byRouter.get(vm.router);
    if (known) return known;
    const router = model.components.get(vm.router);
    const kinds: ToleranceKind[] = ['vm', 'account', ...placeKind(vm.zone)];
    if (router?.kind === 'router' && !router.redundant) kinds.push('router');
    byRouter.set(vm.router, kinds);
    return kinds;
  };
  const walk = (kinds: Set<ToleranceKind>, start: string) => {
    // No recursion: a GSLB's targets are LBs, sites or VMs, an LB's members VMs.
    const pending = [start];
    for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
      const component = model.components.get(id);
      if (!component) continue;
      if (component.kind === 'site') kinds.add('site');
      else if (component.kind === 'gslb') {
        kinds.add('gslb');
        for (const target of component.targets) pending.push(target.ref);
      } else if (component.kind === 'lb') {
        kinds.add('lb').add('account');
        place(kinds, component.zone);
        const router = model.components.get(`${component.account}/${component.zone}`);
        if (component.runsOn === 'router' && router?.kind === 'router' && !router.redundant)
          kinds.add('router');
        pending.push(...component.members);
      } else if (component.kind === 'vm') for (const kind of ofVm(component)) kinds.add(kind);
    }
  };
  // Dependencies come first in `serviceOrder`: each service adds what those it uses stand on.
  for (const service of model.serviceOrder) {
    const kinds = new Set<ToleranceKind>();
    walk(kinds, service.entry);
    for (const dependency of service.dependsOn)
      for (const kind of used.get(dependency) ?? []) kinds.add(kind);
    used.set(service.id, kinds);
  }
  return used;
}
