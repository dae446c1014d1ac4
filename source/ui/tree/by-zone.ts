import {containmentOf} from '../../core/containment.js';
import type {Model} from '../../core/model.js';
import {TreeBuilder, type Tree} from './nodes.js';

/**
 * zone → router `account/zone` → VMs and router-run LBs; zone-run LBs; then customer sites,
 * then the failure groups, each one row.
 * The rows under a zone and a router are what fails with it, read from the core's containment.
 */
export function zoneTree(model: Model): Tree {
  const tree = new TreeBuilder('zone');
  const contains = containmentOf(model);
  for (const zone of model.zones) {
    const zoneNode = tree.add(undefined, zone.id, zone.id, {label: zone.label});
    for (const id of contains.childrenOf(zone.id)) {
      const router = model.components.get(id)?.kind === 'router';
      tree.add(zoneNode, id, id, router ? {leaves: contains.childrenOf(id)} : {});
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
