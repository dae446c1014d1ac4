import type {Snapshot} from './analyze.js';
import {gslbShares, gslbTargets, targetStateIn} from './capacity.js';
import {reachedVms, type Gslb, type Model} from './model.js';
import type {FailureState} from './state.js';

export type FailoverResult =
  | {ok: true; kind: 'gslb'; state: FailureState; description: string; gslb: string; target: string}
  | {ok: true; kind: 'promote'; state: FailureState; description: string; promoted: string[]}
  | {ok: false; reason: string};

/**
 * The operator's failover (DESIGN §4 `o`): on a GSLB, move traffic to the next healthy target;
 * on a load balancer, a service or a standby VM, promote the standby VMs it reaches.
 */
export function failover(model: Model, snap: Snapshot, id: string): FailoverResult {
  const component = model.components.get(id);
  if (!component) return {ok: false, reason: `unknown component ${id}`};
  if (component.kind === 'gslb') return moveGslb(model, snap, component);
  if (component.kind === 'lb' || component.kind === 'service' || component.kind === 'vm') {
    const standbys = [...reachedVms(model, id)].filter(
      (vm) => vm.role === 'standby' && !snap.state.promoted.has(vm.id) && !snap.down.has(vm.id),
    );
    if (standbys.length === 0) {
      if (component.kind === 'service') {
        const entry = model.components.get(component.entry);
        if (entry?.kind === 'gslb') return moveGslb(model, snap, entry);
      }
      return {ok: false, reason: `no standby VM to promote under ${id}`};
    }
    const promoted = new Set(snap.state.promoted);
    for (const vm of standbys) promoted.add(vm.id);
    return {
      ok: true,
      kind: 'promote',
      state: {...snap.state, promoted},
      description: `promoted ${standbys.map((vm) => vm.id).join(', ')}`,
      promoted: standbys.map((vm) => vm.id),
    };
  }
  return {
    ok: false,
    reason: `a ${component.kind} has no failover: select a GSLB, load balancer, service or standby VM`,
  };
}

function moveGslb(model: Model, snap: Snapshot, gslb: Gslb): FailoverResult {
  const {states, healthy} = gslbTargets(model, gslb, targetStateIn(snap));
  // Targets in priority order; the next one after the first that carries traffic now.
  const order = gslb.targets
    .map((t, i) => ({t, i}))
    .sort((a, b) => a.t.priority - b.t.priority || a.i - b.i);
  const shares = gslbShares(gslb, 1, states, healthy, snap.state.forced.get(gslb.id));
  const current = order.findIndex(({i}) => shares[i]! > 0);
  for (let step = 1; step <= order.length; step++) {
    const candidate = order[(Math.max(current, 0) + step) % order.length]!;
    if (!healthy[candidate.i] || candidate.i === order[current]?.i) continue;
    const forced = new Map(snap.state.forced);
    forced.set(gslb.id, candidate.t.ref);
    return {
      ok: true,
      kind: 'gslb',
      state: {...snap.state, forced},
      description: `${gslb.id} now sends all traffic to ${candidate.t.ref}`,
      gslb: gslb.id,
      target: candidate.t.ref,
    };
  }
  return {ok: false, reason: `${gslb.id} has no other healthy target to move to`};
}
