import type {Model} from '../../core/model.js';
import {TreeBuilder, type Tree, type TreeNode} from './nodes.js';

/** service → entry (GSLB → targets → LB → members, or LB, or VM), then what it depends on. */
export function serviceTree(model: Model): Tree {
  const tree = new TreeBuilder('service');
  for (const service of model.services) {
    const serviceNode = tree.add(undefined, service.id, service.id);
    addEntry(model, tree, serviceNode, service.entry);
    for (const dependency of service.dependsOn)
      tree.add(serviceNode, dependency, dependency, {role: 'dependency'});
  }
  return tree.build();
}

function addEntry(model: Model, tree: TreeBuilder, parent: TreeNode, ref: string) {
  const component = model.components.get(ref);
  if (!component) return;
  const label = 'label' in component ? component.label : undefined;
  const leaves = component.kind === 'lb' ? {leaves: component.members} : {};
  const node = tree.add(parent, ref, ref, {label, ...leaves});
  if (component.kind === 'gslb')
    for (const target of component.targets) addEntry(model, tree, node, target.ref);
}
