import {gslbTargets, targetStateIn} from '../../core/capacity.js';
import {detectionOf} from '../../core/timing.js';
import type {Analysis} from './analysis.js';

export interface GslbMove {
  gslb: string;
  totalS: number;
  /** False when no healthy target would be left to move the traffic to. */
  moves: boolean;
}

/**
 * GSLBs that would have to move traffic if `radius` failed: one of their targets dies or is
 * left with nothing behind it (a TCP check cannot see the latter, so it does not count).
 */
export function gslbMovesOf(
  analysis: Analysis,
  radius: ReadonlySet<string>,
  rows: readonly {id: string; changed: boolean}[],
): GslbMove[] {
  const {model, snapshot} = analysis;
  const moves: GslbMove[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (!row.changed) continue;
    const service = model.components.get(row.id);
    if (service?.kind !== 'service') continue;
    const gslb = model.components.get(service.entry);
    if (gslb?.kind !== 'gslb' || seen.has(gslb.id)) continue;
    const dying = (target: {ref: string}) => {
      if (snapshot.down.has(target.ref)) return false;
      if (radius.has(target.ref)) return true;
      const component = model.components.get(target.ref);
      if (component?.kind !== 'lb' || gslb.healthCheck.type === 'tcp') return false;
      const before = snapshot.evaluation.lb.get(component.id) ?? 0;
      const left = component.members.reduce(
        (sum, member) => sum + (radius.has(member) ? 0 : (snapshot.evaluation.vm.get(member) ?? 0)),
        0,
      );
      return before > 0 && left === 0;
    };
    if (!gslb.targets.some(dying)) continue;
    seen.add(gslb.id);
    const {healthy} = gslbTargets(model, gslb, targetStateIn(snapshot));
    const left = gslb.targets.some(
      (target, i) => !dying(target) && !radius.has(target.ref) && healthy[i],
    );
    moves.push({gslb: gslb.id, totalS: detectionOf(gslb).totalS, moves: left});
  }
  return moves;
}
