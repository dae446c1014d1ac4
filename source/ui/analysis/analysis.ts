import {snapshot, type Snapshot} from '../../core/analyze.js';
import type {Model} from '../../core/model.js';
import {emptyState, type FailureState} from '../../core/state.js';
import {sweep, type ComponentEffect, type Sweep} from '../../core/sweep.js';
import {capacitiesOf, type Capacities} from './capacities.js';

/**
 * Everything the screen derives from one state, computed once per state and shared by every
 * panel. The sweep gives every component's what-if at once, so moving the cursor looks one
 * up instead of re-analysing the topology on each key press.
 */
export interface Analysis {
  model: Model;
  includeGslb: boolean;
  snapshot: Snapshot;
  sweep: () => Sweep;
  effectOf: (id: string) => ComponentEffect | undefined;
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
  const snap = snapshot(model, failure);
  const sweepOnce = lazy(() => sweep(model, snap, {includeGslb}));
  const effects = lazy(() => new Map(sweepOnce().effects.map((effect) => [effect.id, effect])));
  return {
    model,
    includeGslb,
    snapshot: snap,
    sweep: sweepOnce,
    effectOf: (id) => effects().get(id),
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

/** The state with only what live sources observed: the yardstick for "now single points". */
const baselines = new WeakMap<ReadonlyMap<string, string>, FailureState>();
export function baselineOf(failure: FailureState): FailureState {
  let base = baselines.get(failure.observed);
  if (!base) baselines.set(failure.observed, (base = {...emptyState, observed: failure.observed}));
  return base;
}

const nominals = new WeakMap<Model, Snapshot>();
/** Every component up, nothing promoted: what each part is built to carry. */
export function nominalOf(model: Model): Snapshot {
  let nominal = nominals.get(model);
  if (!nominal) nominals.set(model, (nominal = snapshot(model, emptyState)));
  return nominal;
}
