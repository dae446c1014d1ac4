import type {Model} from '../../core/model.js';
import {leavesOf, TreeBuilder, type Tree} from './nodes.js';

/** zone → router `account/zone` → VMs and router-run LBs; zone-run LBs; then customer sites. */
export function zoneTree(model: Model): Tree {
  const tree = new TreeBuilder('zone');
  for (const zone of model.zones) {
    const zoneNode = tree.add(undefined, zone.id, zone.id, {label: zone.label});
    for (const routerId of zone.routers) {
      const router = model.components.get(routerId);
      if (router?.kind !== 'router') continue;
      tree.add(zoneNode, router.id, router.id, {
        leaves: leavesOf(router),
      });
    }
    for (const lbId of zone.loadBalancers) {
      const lb = model.components.get(lbId);
      if (lb?.kind === 'lb' && lb.runsOn === 'zone') tree.add(zoneNode, lb.id, lb.id);
    }
  }
  for (const site of model.sites) tree.add(undefined, site.id, site.id, {label: site.label});
  return tree.build();
}
