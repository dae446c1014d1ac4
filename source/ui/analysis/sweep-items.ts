import type {Status} from '../../core/capacity.js';
import {cutSets} from '../../core/cut-sets.js';
import {groupPointsIn, groupUnits} from '../../core/failure-groups.js';
import {latencyBreaches, speaksOfLatency} from '../../core/latency.js';
import type {CoreMessage} from '../../core/messages.js';
import type {Service} from '../../core/model.js';
import type {Kind} from '../../core/schema.js';
import {oneFailureFromDown} from '../../core/single-points.js';
import {recommendWithGroups, strategyOf, type Strategy} from '../../core/strategy.js';
import type {Analysis} from './analysis.js';

/** One selectable line of the sweep panel: a service heading, or one of its SPOFs/weak points. */
export type SweepItem =
  | {
      type: 'service';
      id: string;
      status: Status;
      spof: number;
      weak: number;
      strategy: Strategy;
      recommendation: CoreMessage;
    }
  /** `group`: a failure group, failed as one. */
  | {type: 'spof' | 'weak'; id: string; kind: Kind | 'group'; service: string}
  /** A dependency over its latency budget once this zone or site alone has failed. */
  | {
      type: 'slow';
      id: string;
      kind: Kind;
      service: string;
      dependency: string;
      ms: number;
      budgetMs: number;
    }
  /** Two failures that take the service down together, neither alone (a minimal cut of two). */
  | {type: 'pair'; id: string; ids: [string, string]; kinds: [string, string]; service: string};

/** Pairs listed per service; the rest are counted in `check --order 2`. */
const pairsShown = 12;

const cache = new WeakMap<Analysis, SweepItem[]>();

export function sweepItems(analysis: Analysis): SweepItem[] {
  const hit = cache.get(analysis);
  if (hit) return hit;
  const {model, snapshot} = analysis;
  const items: SweepItem[] = [];
  const sweep = analysis.sweep();
  const {services} = sweep;
  const cuts = cutSets(model, snapshot, {
    order: 2,
    includeGslb: analysis.includeGslb,
    extraUnits: groupUnits(model),
  });
  const kindOf = (id: string) => model.components.get(id)?.kind ?? 'group';
  // A failure group is one failure: its points come first, as the widest (as in `check`).
  const byGroups = groupPointsIn(model, snapshot);
  const breaches = speaksOfLatency(model) ? latencyBreaches(model, snapshot) : [];
  // What one more failure takes DOWN comes first (the header's count), each with those failures.
  const atRisk = [
    ...oneFailureFromDown(sweep).map((entry) => entry.service),
    ...[...byGroups].filter(([, points]) => points.spof.length > 0).map(([id]) => id),
  ];
  const first = new Set(atRisk);
  const order = [...first, ...[...services.keys()].filter((id) => !first.has(id))];
  for (const serviceId of order) {
    const own = services.get(serviceId)!;
    const grouped = byGroups.get(serviceId)!;
    const result = {
      ...own,
      spof: [...grouped.spof, ...own.spof],
      weak: [...grouped.weak, ...own.weak],
    };
    const service = model.components.get(serviceId) as Service;
    const strategy = strategyOf(model, service);
    items.push({
      type: 'service',
      id: serviceId,
      status: snapshot.status.get(serviceId) ?? 'OK',
      spof: result.spof.length,
      weak: result.weak.length,
      strategy,
      recommendation: recommendWithGroups(
        model,
        service,
        strategy,
        own,
        (id) => services.get(id),
        grouped.spof,
      ),
    });
    for (const id of result.spof)
      items.push({type: 'spof', id, kind: kindOf(id) as Kind, service: serviceId});
    // Under its single points, the pairs that take it down together.
    const pairs = (cuts.get(serviceId)?.cuts ?? []).filter((cut) => cut.length === 2);
    for (const [a, b] of pairs.slice(0, pairsShown) as Array<[string, string]>)
      // Enter shows the first one the tree has (a group is not in the tree).
      items.push({
        type: 'pair',
        id: model.components.has(a) ? a : b,
        ids: [a, b],
        kinds: [kindOf(a), kindOf(b)],
        service: serviceId,
      });
    for (const id of result.weak)
      items.push({type: 'weak', id, kind: kindOf(id) as Kind, service: serviceId});
    for (const {failed, latency} of breaches)
      if (latency.service === serviceId)
        items.push({
          type: 'slow',
          id: failed,
          kind: kindOf(failed) as Kind,
          service: serviceId,
          dependency: latency.dependency,
          ms: latency.ms!,
          budgetMs: latency.budgetMs!,
        });
  }
  cache.set(analysis, items);
  return items;
}
