import type {Model} from './model.js';
import type {ToleranceKind} from './kinds.js';

/**
 * The kinds of component each service stands on: its entry's VMs, load balancers, GSLB and
 * sites, the routers, accounts and zones they run in, and the same of every service it depends
 * on. A service tolerates or fails a kind only when it uses one: the tolerance of a kind it does
 * not use is no answer, and is not listed.
 */
export function kindsUsed(model: Model): ReadonlyMap<string, ReadonlySet<ToleranceKind>> {
  const used = new Map<string, Set<ToleranceKind>>();
  const place = (kinds: Set<ToleranceKind>, id: string) => {
    const kind = model.components.get(id)?.kind;
    if (kind === 'zone' || kind === 'site') kinds.add(kind);
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
      } else if (component.kind === 'vm') {
        kinds.add('vm').add('account');
        place(kinds, component.zone);
        const router = model.components.get(component.router);
        if (router?.kind === 'router' && !router.redundant) kinds.add('router');
      }
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
