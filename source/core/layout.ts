import type {Component, LoadBalancer, Model} from './model.js';
import type {Kind} from './schema.js';

const none: readonly number[] = [];

/**
 * The containment graph of a model in integer-indexed arrays, for the incremental evaluator.
 * It depends on the model only, so it is built once per model and shared by every state's
 * sweep (the dashboard sweeps again after each action).
 */
export interface Layout {
  index: ReadonlyMap<string, number>;
  components: readonly Component[];
  kinds: readonly Kind[];
  /** What fails with a component besides the routers it holds (router: VMs and LBs; zone: zone LBs). */
  children: readonly (readonly number[])[];
  /** The routers of a zone or an account. */
  routersOf: readonly (readonly number[])[];
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
  const index = new Map<string, number>();
  const components: Component[] = [];
  const kinds: Kind[] = [];
  for (const component of model.components.values()) {
    index.set(component.id, components.length);
    components.push(component);
    kinds.push(component.kind);
  }
  const size = components.length;
  const at = (id: string) => index.get(id)!;
  const children: (readonly number[])[] = [];
  const routersOf: (readonly number[])[] = [];
  const feeds = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    const component = components[i]!;
    children.push(none);
    routersOf.push(none);
    switch (component.kind) {
      case 'router':
        children[i] = [...component.vms.map(at), ...component.loadBalancers.map(at)];
        break;
      case 'zone':
        routersOf[i] = component.routers.map(at);
        children[i] = component.loadBalancers
          .filter((lb) => (model.components.get(lb) as LoadBalancer).runsOn === 'zone')
          .map(at);
        break;
      case 'account':
        routersOf[i] = component.routers.map(at);
        break;
      default:
        break;
    }
    const id = component.id;
    if (
      component.kind === 'vm' ||
      component.kind === 'lb' ||
      component.kind === 'site' ||
      component.kind === 'gslb'
    )
      feeds[i] = model.servicesOfEntry.has(id) || model.gslbsOfTarget.has(id) ? 1 : 0;
  }
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
  return {index, components, kinds, children, routersOf, lbStart, lbList, feeds, orderIndex};
}
