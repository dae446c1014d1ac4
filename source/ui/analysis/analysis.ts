import {snapshot, type Snapshot} from '../../core/analyze.js';
import type {Model} from '../../core/model.js';
import {sweepOf} from '../../core/single-points.js';
import {emptyState, type FailureState} from '../../core/state.js';
import type {Sweep} from '../../core/sweep.js';
import {capacitiesOf, type Capacities} from './capacities.js';

/**
 * The core's answers for one state, asked once per state and shared by every panel: its
 * snapshot, its N-1 sweep, and what each node carries for the bars.
 */
export interface Analysis {
  model: Model;
  includeGslb: boolean;
  snapshot: Snapshot;
  sweep: () => Sweep;
  capacities: () => Capacities;
}

function lazy<T>(compute: () => T): () => T {
  let value: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value as T;
  };
}

function build(model: Model, failure: FailureState, includeGslb: boolean): Analysis {
  // Nothing failed is the nominal state itself: at startup it is not evaluated twice.
  const snap = failure === emptyState ? nominalOf(model) : snapshot(model, failure);
  return {
    model,
    includeGslb,
    snapshot: snap,
    sweep: () => sweepOf(model, snap, includeGslb),
    capacities: lazy(() => capacitiesOf(model, snap, nominalOf(model))),
  };
}

type Slot = {model: Model; includeGslb: boolean; analysis: Analysis};
const cache = new WeakMap<FailureState, Slot>();

export function analyze(model: Model, failure: FailureState, includeGslb = false): Analysis {
  const hit = cache.get(failure);
  if (hit && hit.model === model && hit.includeGslb === includeGslb) return hit.analysis;
  const analysis = build(model, failure, includeGslb);
  cache.set(failure, {model, includeGslb, analysis});
  return analysis;
}

const nominals = new WeakMap<Model, Snapshot>();
/** Every component up, nothing promoted: what each part is built to carry. */
export function nominalOf(model: Model): Snapshot {
  let nominal = nominals.get(model);
  if (!nominal) nominals.set(model, (nominal = snapshot(model, emptyState)));
  return nominal;
}
