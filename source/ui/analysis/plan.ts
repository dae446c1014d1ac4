import {failoverPlan, type PlanEntry} from '../../core/plan.js';
import type {DashboardState} from '../state/types.js';
import {analyze, type Analysis} from './analysis.js';

export type {PlanEntry};

const plans = new WeakMap<Analysis, PlanEntry[]>();

/** The core's recovery plan for the state on screen, asked once per state. */
export function planOf(state: DashboardState): PlanEntry[] {
  const analysis = analyze(state.model, state.failure, state.includeGslb);
  let plan = plans.get(analysis);
  if (!plan) plans.set(analysis, (plan = failoverPlan(state.model, analysis.snapshot)));
  return plan;
}
