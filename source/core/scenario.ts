import {compare, snapshot, type Impact, type Snapshot} from './analyze.js';
import {windowsOf, type OpenWindow} from './countdown.js';
import {failover, type FailoverDone} from './failover.js';
import type {CoreMessage} from './messages.js';
import type {Model} from './model.js';
import {emptyState, stamped, withSimulated, type FailureState} from './state.js';

/** A what-if from the shell: failures, then failovers in turn, as the dashboard's keys do them. */
export interface Scenario {
  state: FailureState;
  before: Snapshot;
  after: Snapshot;
  impact: Impact;
  failovers: {id: string; done: FailoverDone}[];
  /** The GSLB windows the state has open, timed as the dashboard's countdowns are. */
  windows: OpenWindow[];
}

export type ScenarioResult =
  ({ok: true} & Scenario) | {ok: false; failover: string; reason: CoreMessage};

/**
 * The failures at one instant, then each failover a moment later, each from the state the step
 * before left — the same core call as `o`. The windows come from the same function as the
 * dashboard's countdowns (windowsOf), so both say the same failover time for the same steps: a
 * GSLB moved by hand waits only its TTL, anything else waits for detection too.
 */
export function runScenario(
  model: Model,
  failed: readonly string[],
  failovers: readonly string[] = [],
): ScenarioResult {
  const before = snapshot(model, emptyState);
  let state = stamped(emptyState, withSimulated(emptyState, failed), 0);
  const done: Scenario['failovers'] = [];
  for (const [step, id] of failovers.entries()) {
    const result = failover(model, snapshot(model, state), id);
    if (!result.ok) return {ok: false, failover: id, reason: result.reason};
    state = stamped(state, result.state, step + 1);
    done.push({id, done: result});
  }
  const after = snapshot(model, state);
  const impact = compare(model, [...new Set(failed)], before, after);
  return {
    ok: true,
    state,
    before,
    after,
    impact,
    failovers: done,
    windows: windowsOf(model, state),
  };
}
