import type {Status} from '../../core/capacity.js';
import type {CoreMessage} from '../../core/messages.js';
import type {Service} from '../../core/model.js';
import type {Kind} from '../../core/schema.js';
import {oneFailureFromDown} from '../../core/single-points.js';
import {recommend, strategyOf, type Strategy} from '../../core/strategy.js';
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
  | {type: 'spof' | 'weak'; id: string; kind: Kind; service: string};

const cache = new WeakMap<Analysis, SweepItem[]>();

export function sweepItems(analysis: Analysis): SweepItem[] {
  const hit = cache.get(analysis);
  if (hit) return hit;
  const {model, snapshot} = analysis;
  const items: SweepItem[] = [];
  const sweep = analysis.sweep();
  const {services} = sweep;
  // What one more failure takes DOWN comes first (the header's count), each with those failures.
  const atRisk = oneFailureFromDown(sweep).map((entry) => entry.service);
  const first = new Set(atRisk);
  const order = [...atRisk, ...[...services.keys()].filter((id) => !first.has(id))];
  for (const serviceId of order) {
    const result = services.get(serviceId)!;
    const service = model.components.get(serviceId) as Service;
    const strategy = strategyOf(model, service);
    items.push({
      type: 'service',
      id: serviceId,
      status: snapshot.status.get(serviceId) ?? 'OK',
      spof: result.spof.length,
      weak: result.weak.length,
      strategy,
      recommendation: recommend(model, service, strategy, result, (id) => services.get(id)),
    });
    const kindOf = (id: string) => model.components.get(id)?.kind ?? 'vm';
    for (const id of result.spof)
      items.push({type: 'spof', id, kind: kindOf(id), service: serviceId});
    for (const id of result.weak)
      items.push({type: 'weak', id, kind: kindOf(id), service: serviceId});
  }
  cache.set(analysis, items);
  return items;
}
