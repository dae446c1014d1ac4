import {impactOf, type Impact} from '../../core/analyze.js';
import {statusOf, type Status} from '../../core/capacity.js';
import type {Model} from '../../core/model.js';
import type {FailureState} from '../../core/state.js';
import {analyze, baselineOf, type Analysis} from './analysis.js';

/** One line of the services table: served before → after, and the status after. */
export interface ServiceRow {
  id: string;
  demand: number;
  before: number;
  after: number;
  status: Status;
  changed: boolean;
}

/** Changed services first, each group in the topology's order. */
export function ordered(rows: ServiceRow[]): ServiceRow[] {
  return [...rows.filter((row) => row.changed), ...rows.filter((row) => !row.changed)];
}

/** Every service's row from what it serves before and after, in display order. */
export function rowsBetween(
  model: Model,
  before: (serviceId: string) => number,
  after: (serviceId: string) => number,
): ServiceRow[] {
  return ordered(
    model.services.map((service) => {
      const was = before(service.id);
      const now = after(service.id);
      return {
        id: service.id,
        demand: service.demand,
        before: was,
        after: now,
        status: statusOf(service, now),
        changed: was !== now,
      };
    }),
  );
}

export function rowsOfImpact(impact: Impact): ServiceRow[] {
  return ordered(
    impact.services.map((s) => ({
      id: s.id,
      demand: s.demand,
      before: s.before,
      after: s.after,
      status: s.status,
      changed: s.after !== s.before || s.status !== s.statusBefore,
    })),
  );
}

const downImpacts = new WeakMap<FailureState, Map<string, Impact>>();

/** The failure of `root` as it stands: the state without it against the state now. */
export function impactOfRoot(
  model: Model,
  failure: FailureState,
  root: string,
  how: 'sim' | 'live',
) {
  let perRoot = downImpacts.get(failure);
  if (!perRoot) downImpacts.set(failure, (perRoot = new Map()));
  let impact = perRoot.get(root);
  if (!impact) {
    const without: FailureState =
      how === 'sim'
        ? {...failure, simulated: new Set([...failure.simulated].filter((id) => id !== root))}
        : {...failure, observed: new Map([...failure.observed].filter(([id]) => id !== root))};
    impact = impactOf(model, without, [root]);
    perRoot.set(root, impact);
  }
  return impact;
}

/** The state now against only what live sources observed, for rows that cannot fail. */
export function standing(analysis: Analysis, failure: FailureState): ServiceRow[] {
  const base = analyze(analysis.model, baselineOf(failure), analysis.includeGslb).snapshot;
  const served = (snap: typeof base) => (id: string) => snap.evaluation.served.get(id) ?? 0;
  return rowsBetween(analysis.model, served(base), served(analysis.snapshot));
}
