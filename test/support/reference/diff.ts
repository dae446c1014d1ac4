// `diff` findings from the readme's words ("Reviewing a topology change"): a change is worse
// when a service gains a single point of failure, stops surviving one failure of a kind,
// serves a smaller share of its demand with some zone down, or falls below its minimum; the
// mirror findings are better, and a service DOWN in NEW gains nothing ("a DOWN service gains
// nothing"). A service only NEW has counts only when below its minimum. Availability findings
// are left to the availability comparison.
import {nothingFailed, type Reference, type RefKind} from './semantics.js';

export type RefFindingKind =
  | 'belowMinimum'
  | 'aboveMinimum'
  | 'spofGained'
  | 'spofLost'
  | 'toleranceLost'
  | 'toleranceGained'
  | 'zoneServedLess'
  | 'zoneServedMore';

const toleranceKinds: Exclude<RefKind, 'group' | 'gslb'>[] = [
  'vm',
  'router',
  'account',
  'lb',
  'zone',
  'site',
];

interface Side {
  reference: Reference;
  status: Map<string, string>;
  served: Map<string, number>;
  spof: Map<string, Set<string>>;
  survives: Map<string, Map<string, boolean>>;
  /** Service → zone → share of its demand served with that zone down. */
  zoneShare: Map<string, Map<string, number>>;
}

function side(reference: Reference): Side {
  const now = reference.evaluate(nothingFailed);
  const swept = reference.sweep(nothingFailed);
  const survives = new Map<string, Map<string, boolean>>();
  const zoneShare = new Map<string, Map<string, number>>();
  for (const service of reference.topology.services) {
    const kinds = new Map<string, boolean>();
    // A kind with no components survives (true, true, 100): one added can be a loss.
    for (const kind of toleranceKinds)
      kinds.set(
        kind,
        reference.tolerance(nothingFailed, swept, kind, service.id)?.survives ?? true,
      );
    survives.set(service.id, kinds);
    const shares = new Map<string, number>();
    for (const zone of reference.topology.zones) {
      const served = swept.get(service.id)!.after.get(zone.id)!;
      shares.set(zone.id, service.demand === 0 ? 1 : served / service.demand);
    }
    zoneShare.set(service.id, shares);
  }
  return {
    reference,
    status: now.status,
    served: now.served,
    spof: new Map([...swept].map(([id, s]) => [id, s.spof])),
    survives,
    zoneShare,
  };
}

/** Each finding as `kind service subject` (the component, failure kind or zone). */
export function referenceFindings(before: Reference, after: Reference): Set<string> {
  const old = side(before);
  const now = side(after);
  const found = new Set<string>();
  const add = (kind: RefFindingKind, service: string, subject: string) =>
    found.add(`${kind} ${service} ${subject}`);
  for (const service of after.topology.services) {
    const id = service.id;
    const isDown = now.status.get(id) === 'DOWN';
    const existed = old.status.has(id);
    if (!existed) {
      if (isDown) add('belowMinimum', id, id);
      continue;
    }
    const wasDown = old.status.get(id) === 'DOWN';
    if (isDown && !wasDown) add('belowMinimum', id, id);
    if (!isDown && wasDown) add('aboveMinimum', id, id);
    for (const unit of now.spof.get(id)!)
      if (!old.spof.get(id)!.has(unit)) add('spofGained', id, unit);
    if (!isDown)
      for (const unit of old.spof.get(id)!)
        if (!now.spof.get(id)!.has(unit)) add('spofLost', id, unit);
    for (const [kind, survivesNow] of now.survives.get(id)!) {
      const survivedThen = old.survives.get(id)!.get(kind)!;
      if (survivedThen && !survivesNow) add('toleranceLost', id, kind);
      if (!survivedThen && survivesNow && !isDown) add('toleranceGained', id, kind);
    }
    for (const [zone, shareNow] of now.zoneShare.get(id)!) {
      const shareThen = old.zoneShare.get(id)!.get(zone);
      if (shareThen === undefined) continue;
      // OPEN: the readme does not say it, but a zone that became (or stopped being) a single
      // point is said once, as that: no zone finding beside it.
      const gained = now.spof.get(id)!.has(zone) && !old.spof.get(id)!.has(zone);
      const lost = !isDown && old.spof.get(id)!.has(zone) && !now.spof.get(id)!.has(zone);
      if (shareNow < shareThen - 1e-9 && !gained) add('zoneServedLess', id, zone);
      if (shareNow > shareThen + 1e-9 && !isDown && !lost) add('zoneServedMore', id, zone);
    }
  }
  return found;
}
