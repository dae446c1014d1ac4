import {generateModel} from '../../bench/generate.js';
import type {Model} from '../../source/core/model.js';

const cache = new Map<number, Model>();

/** The bench's generated multi-zone topology, built once per size. */
export function bigModel(vms: number): Model {
  let model = cache.get(vms);
  if (!model) cache.set(vms, (model = generateModel({vms})));
  return model;
}
