import type {Model} from '../../core/model.js';
import type {View} from '../../shared/types.js';
import {accountTree} from './by-account.js';
import {serviceTree} from './by-service.js';
import {zoneTree} from './by-zone.js';
import type {Tree} from './nodes.js';

const builders: Record<View, (model: Model) => Tree> = {
  zone: zoneTree,
  account: accountTree,
  service: serviceTree,
};

const cache = new WeakMap<Model, Map<View, Tree>>();

/** The tree of a view, built once per model. */
export function treeOf(model: Model, view: View): Tree {
  let perView = cache.get(model);
  if (!perView) cache.set(model, (perView = new Map()));
  let tree = perView.get(view);
  if (!tree) perView.set(view, (tree = builders[view](model)));
  return tree;
}
