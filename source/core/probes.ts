import type {Model} from './model.js';

/** A live check named in the topology: a VM's or a site's `probe` address. */
export interface ProbeTarget {
  id: string;
  address: string;
}

export type ProbeSettings = Model['topology']['probes'];

export function probeTargets(model: Model): ProbeTarget[] {
  const targets: ProbeTarget[] = [];
  for (const vm of model.vms) if (vm.probe) targets.push({id: vm.id, address: vm.probe});
  for (const site of model.sites) if (site.probe) targets.push({id: site.id, address: site.probe});
  return targets;
}

/** Where one probe stands: what it last concluded and how many results in a row disagree with it. */
export interface ProbeVerdict {
  state: 'unknown' | 'up' | 'down';
  /** Consecutive successes (positive) or failures (negative) not yet enough to change state. */
  streak: number;
  reason?: string;
}

export const unknownVerdict: ProbeVerdict = {state: 'unknown', streak: 0};

/**
 * One more result: a component turns up only after `rise` successes in a row and down only
 * after `fall` failures in a row, so one lost packet does not flap the dashboard.
 */
export function nextVerdict(
  before: ProbeVerdict,
  result: {ok: boolean; detail: string},
  settings: Pick<ProbeSettings, 'rise' | 'fall'>,
): ProbeVerdict {
  const streak = result.ok ? Math.max(0, before.streak) + 1 : Math.min(0, before.streak) - 1;
  if (result.ok && before.state !== 'up' && streak >= settings.rise)
    return {state: 'up', streak: 0};
  if (!result.ok && before.state !== 'down' && -streak >= settings.fall)
    return {state: 'down', streak: 0, reason: result.detail};
  // The same state again: the streak restarts; a down component keeps its latest reason.
  if (result.ok && before.state === 'up') return {...before, streak: 0};
  if (!result.ok && before.state === 'down') return {...before, streak: 0, reason: result.detail};
  return {...before, streak};
}
