import {snapshot, type Snapshot} from '../../core/analyze.js';
import {keepOnlyAnswersOf} from '../../core/forget.js';
import {keepWhere} from '../../core/kept.js';
import type {Model} from '../../core/model.js';
import {slowIn} from '../../core/latency.js';
import {once} from '../../core/once.js';
import {sweepOf} from '../../core/single-points.js';
import {emptyState, nothingHappened, type FailureState} from '../../core/state.js';
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
  /** Services over a latency budget now: marked SLOW and counted in the header. */
  slow: () => ReadonlySet<string>;
}

function build(model: Model, failure: FailureState, includeGslb: boolean): Analysis {
  // Nothing failed is the nominal state itself, evaluated once per model: at startup, and when
  // every observed failure has come back up.
  const snap = nothingHappened(failure) ? nominalOf(model) : snapshot(model, failure);
  return {
    model,
    includeGslb,
    snapshot: snap,
    sweep: () => sweepOf(model, snap, includeGslb),
    capacities: once(() => capacitiesOf(model, snap, nominalOf(model))),
    slow: once(() => slowIn(model, snap)),
  };
}

type Slot = {failure: FailureState; model: Model; includeGslb: boolean; analysis: Analysis};

/**
 * The analyses of the last states asked for, newest first. Not one per state still referenced:
 * every undo entry holds a state, and at 100k VMs an analysis with its sweep and previews
 * weighs megabytes, so each action kept one more alive.
 */
const recent: Slot[] = [];
const kept = 2;

export function analyze(model: Model, failure: FailureState, includeGslb = false): Analysis {
  const at = recent.findIndex(
    (slot) => slot.failure === failure && slot.model === model && slot.includeGslb === includeGslb,
  );
  if (at >= 0) {
    const slot = recent[at]!;
    if (at > 0) recent.unshift(...recent.splice(at, 1));
    return slot.analysis;
  }
  const analysis = build(model, failure, includeGslb);
  recent.unshift({failure, model, includeGslb, analysis});
  recent.length = Math.min(recent.length, kept);
  return analysis;
}

/** The analysis the screen drew last: not always the one asked for last (a key asks of others). */
let drawn: Analysis | undefined;

/** Said by the screen once it has drawn `analysis`. */
export function drawnWith(analysis: Analysis): void {
  drawn = analysis;
}

/**
 * Keeps only the analysis on screen (else the one asked for last), here and in the core's
 * caches; returns it. See forget.ts.
 */
export function keepAnalysisOnScreen(): Analysis | undefined {
  const now = drawn ?? recent[0]?.analysis;
  keepWhere(recent, (slot) => slot.analysis === now);
  if (now) keepOnlyAnswersOf(now.snapshot);
  return now;
}

const nominals = new WeakMap<Model, Snapshot>();
/** Every component up, nothing promoted: what each part is built to carry. */
export function nominalOf(model: Model): Snapshot {
  let nominal = nominals.get(model);
  if (!nominal) nominals.set(model, (nominal = snapshot(model, emptyState)));
  return nominal;
}
