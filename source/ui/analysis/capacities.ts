import type {Snapshot} from '../../core/analyze.js';
import {gslbCapacity, targetStateIn, vmCapacitySum} from '../../core/capacity.js';
import type {Model} from '../../core/model.js';
import {append} from '../../core/append.js';

export interface Amount {
  current: number;
  nominal: number;
}

export interface Capacities {
  of: (id: string, role: 'component' | 'group' | 'dependency') => Amount | undefined;
}

/**
 * What each node carries now and when all is up; aggregates add up their routers' VMs. Each
 * router is summed when a row first asks for it: the screen shows a few dozen rows, and summing
 * every router of 100k VMs took tens of milliseconds per state.
 */
export function capacitiesOf(model: Model, now: Snapshot, nominal: Snapshot): Capacities {
  const routers = new Map<string, Amount | undefined>();
  const routerAmount = (id: string): Amount | undefined => {
    if (routers.has(id)) return routers.get(id);
    const spec = model.components.get(id);
    let amount: Amount | undefined;
    if (spec?.kind === 'router') {
      amount = {
        current: vmCapacitySum(model, now.evaluation, spec.vms),
        nominal: vmCapacitySum(model, nominal.evaluation, spec.vms),
      };
    }
    routers.set(id, amount);
    return amount;
  };
  const sum = (routers: readonly string[]): Amount => {
    const total = {current: 0, nominal: 0};
    for (const id of routers) {
      const amount = routerAmount(id);
      total.current += amount?.current ?? 0;
      total.nominal += amount?.nominal ?? 0;
    }
    return total;
  };
  const group = new Map<string, string[]>();
  for (const account of model.accounts) {
    const routers = group.get(account.group);
    if (routers) append(routers, account.routers);
    else group.set(account.group, [...account.routers]);
  }

  return {
    of: (id, role) => {
      if (role === 'group') return sum(group.get(id) ?? []);
      const component = model.components.get(id);
      switch (component?.kind) {
        case 'vm':
          return {current: now.evaluation.vm.get(id) ?? 0, nominal: component.capacity};
        case 'lb':
          return {
            current: now.evaluation.lb.get(id) ?? 0,
            nominal: nominal.evaluation.lb.get(id) ?? 0,
          };
        case 'site':
          return {current: now.evaluation.site.get(id) ?? 0, nominal: component.capacity};
        case 'router':
          return routerAmount(id);
        case 'zone':
        case 'account':
          return sum(component.routers);
        case 'gslb':
          return {
            current: gslbCapacity(model, component, targetStateIn(now)),
            nominal: gslbCapacity(model, component, targetStateIn(nominal)),
          };
        case 'service':
          return {current: now.evaluation.served.get(id) ?? 0, nominal: component.demand};
        default:
          return undefined;
      }
    },
  };
}
