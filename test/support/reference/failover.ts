// What `o` / `--failover` does, from the readme's words: "a GSLB sends all traffic to the
// healthy target that serves most (never a worse one); a load balancer or service promotes its
// standbys", and with no healthy target a GSLB promotes the standbys behind it when that serves
// more (fixtures/README.md: `o` on shop-db or db-gslb promotes the standby).
import type {Reference, RefState} from './semantics.js';

export type RefFailover =
  | {ok: true; kind: 'gslb'; target: string; total: number; state: RefState}
  | {ok: true; kind: 'promote'; promoted: string[]; total: number; state: RefState}
  | {ok: false};

/** OPEN: "serves most" is read as the total served over every service (a GSLB may feed
 * others through dependencies); a move that serves no more than now is refused. */
export function totalServed(reference: Reference, state: RefState): number {
  let total = 0;
  for (const served of reference.evaluate(state).served.values()) total += served;
  return total;
}

/** The VMs an id reaches: a GSLB's targets, a load balancer's members, a service's entry. */
export function reachedVms(reference: Reference, id: string): string[] {
  const t = reference.topology;
  const service = t.services.find((s) => s.id === id);
  if (service) return reachedVms(reference, service.entry);
  const gslb = t.gslbs.find((g) => g.id === id);
  if (gslb) return gslb.targets.flatMap((target) => reachedVms(reference, target.ref));
  const lb = t.loadBalancers.find((l) => l.id === id);
  if (lb) return [...lb.members];
  return t.vms.some((v) => v.id === id) ? [id] : [];
}

export function referenceFailover(reference: Reference, state: RefState, id: string): RefFailover {
  const t = reference.topology;
  const now = reference.evaluate(state);
  const nowTotal = totalServed(reference, state);
  const promote = (): RefFailover => {
    const standbys = [...new Set(reachedVms(reference, id))].filter(
      (vm) =>
        t.vms.find((v) => v.id === vm)!.role === 'standby' &&
        !state.promoted.has(vm) &&
        !now.down.has(vm),
    );
    if (standbys.length === 0) return {ok: false};
    const next = {...state, promoted: new Set([...state.promoted, ...standbys])};
    return {
      ok: true,
      kind: 'promote',
      promoted: standbys,
      total: totalServed(reference, next),
      state: next,
    };
  };
  const move = (gslbId: string): RefFailover | 'none healthy' => {
    const gslb = t.gslbs.find((g) => g.id === gslbId)!;
    const healthy = reference.healthyTargets(state, gslbId);
    if (healthy.length === 0) return 'none healthy';
    let best: RefFailover = {ok: false};
    for (const target of gslb.targets) {
      if (!healthy.includes(target.ref)) continue;
      const next = {...state, forced: new Map([...state.forced, [gslbId, target.ref]])};
      const total = totalServed(reference, next);
      if (total > nowTotal + 1e-6 && (!best.ok || total > best.total + 1e-6))
        best = {ok: true, kind: 'gslb', target: target.ref, total, state: next};
    }
    return best;
  };
  const kind = reference.kindOf.get(id);
  if (kind === 'gslb') {
    const moved = move(id);
    if (moved !== 'none healthy') return moved;
    const promoted = promote();
    return promoted.ok && promoted.total > nowTotal + 1e-6 ? promoted : {ok: false};
  }
  if (kind === 'lb' || kind === 'vm' || t.services.some((s) => s.id === id)) {
    const promoted = promote();
    if (promoted.ok) return promoted;
    const entry = t.services.find((s) => s.id === id)?.entry;
    if (entry !== undefined && reference.kindOf.get(entry) === 'gslb') {
      const moved = move(entry);
      return moved === 'none healthy' ? {ok: false} : moved;
    }
  }
  return {ok: false};
}
