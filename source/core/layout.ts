import {containmentOf} from './containment.js';
import type {Component, Model} from './model.js';
import type {Kind} from './schema.js';

/**
 * The model's components in integer-indexed arrays, numbered as the containment index numbers
 * them, for the incremental evaluator. It depends on the model only, so it is built once per
 * model and shared by every state's sweep (the dashboard sweeps again after each action).
 */
export interface Layout {
  components: readonly Component[];
  kinds: readonly Kind[];
  /** VM → load balancers it is a member of, as offsets into one flat list (no array per VM). */
  lbStart: Int32Array;
  lbList: Int32Array;
  /** 1 where a service reads the component directly: an entry or a GSLB target. */
  feeds: Uint8Array;
  /** Service id → its place in dependency order. */
  orderIndex: ReadonlyMap<string, number>;
}

const layouts = new WeakMap<Model, Layout>();

export function layoutOf(model: Model): Layout {
  let layout = layouts.get(model);
  if (!layout) layouts.set(model, (layout = buildLayout(model)));
  return layout;
}

function buildLayout(model: Model): Layout {
  const {ids, index} = containmentOf(model);
  const components = ids.map((id) => model.components.get(id)!);
  const kinds = components.map((component) => component.kind);
  const size = components.length;
  const at = (id: string) => index.get(id)!;
  const feeds = new Uint8Array(size);
  components.forEach((component, i) => {
    const {id, kind} = component;
    if (kind === 'vm' || kind === 'lb' || kind === 'site' || kind === 'gslb')
      feeds[i] = model.servicesOfEntry.has(id) || model.gslbsOfTarget.has(id) ? 1 : 0;
  });
  // Memberships: count per VM, then fill each VM's slice of the flat list.
  const lbStart = new Int32Array(size + 1);
  for (const lb of model.loadBalancers) for (const member of lb.members) lbStart[at(member) + 1]!++;
  for (let i = 0; i < size; i++) lbStart[i + 1]! += lbStart[i]!;
  const lbList = new Int32Array(lbStart[size]!);
  const filled = lbStart.slice(0, size);
  for (const lb of model.loadBalancers) {
    const lbIndex = at(lb.id);
    for (const member of lb.members) lbList[filled[at(member)]!++] = lbIndex;
  }
  const orderIndex = new Map<string, number>();
  model.serviceOrder.forEach((service, order) => orderIndex.set(service.id, order));
  return {components, kinds, lbStart, lbList, feeds, orderIndex};
}
