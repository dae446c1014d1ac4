import {zoneLoadBalancers} from '../../core/containment.js';
import type {Model} from '../../core/model.js';
import {TreeBuilder, type Tree} from './nodes.js';

/**
 * zone → router `account/zone` → VMs and router-run LBs; zone-run LBs; then customer sites,
 * then the failure groups, each one row.
 * The rows under a zone and a router are what fails with it, from the core's containment lists.
 */
export function zoneTree(model: Model): Tree {
  const tree = new TreeBuilder('zone');
  // The containment index's own lists (what it is built from), so that the first frame of a
  // large topology does not wait for the index: a zone's routers, then its zone LBs; a
  // router's VMs, then the LBs that run on it.
  for (const zone of model.zones) {
    const zoneNode = tree.add(undefined, zone.id, zone.id, {label: zone.label});
    for (const id of zone.routers) {
      const router = model.components.get(id);
      const leaves = router?.kind === 'router' ? [...router.vms, ...router.loadBalancers] : [];
      tree.add(zoneNode, id, id, {leaves});
    }
    for (const id of zoneLoadBalancers(model, zone)) tree.add(zoneNode, id, id, {});
  }
  for (const site of model.sites) tree.add(undefined, site.id, site.id, {label: site.label});
  // Failures that come together, after the places they span: x fails a group's members at once.
  for (const group of model.failureGroups)
    tree.add(undefined, group.id, group.id, {
      role: 'failureGroup',
      label: `${group.label ? `${group.label}: ` : ''}${group.members.join(' + ')}`,
    });
  return tree.build();
}
