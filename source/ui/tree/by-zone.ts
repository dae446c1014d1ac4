import {routerChildren, zoneChildren} from '../../core/containment.js';
import type {Model} from '../../core/model.js';
import {TreeBuilder, type Tree} from './nodes.js';

/**
 * zone → router `account/zone` → VMs and router-run LBs; zone-run LBs; then customer sites,
 * then the failure groups, each one row.
 * The rows under a zone and a router are what fails with it, from the core's containment lists.
 */
export function zoneTree(model: Model): Tree {
  const tree = new TreeBuilder('zone');
  // The lists the containment index is built from, so that the first frame of a large
  // topology does not wait for the index.
  for (const zone of model.zones) {
    const zoneNode = tree.add(undefined, zone.id, zone.id, {label: zone.label});
    for (const id of zoneChildren(model, zone).flat()) {
      const router = model.components.get(id);
      tree.add(
        zoneNode,
        id,
        id,
        router?.kind === 'router' ? {leaves: routerChildren(router).flat()} : {},
      );
    }
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
