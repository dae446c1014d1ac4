import type {Model} from './model.js';
import {resolveComponent} from './names.js';
import {probeTargets} from './probes.js';

/** One series of a Prometheus instant query: its labels and its value. */
export interface Series {
  labels: Readonly<Record<string, string>>;
  value: number;
}

/** One alert as Alertmanager's /api/v2/alerts gives it (the fields read here). */
export interface Alert {
  labels: Readonly<Record<string, string>>;
  annotations?: Readonly<Record<string, string>>;
  status?: {state?: string; silencedBy?: readonly string[]; inhibitedBy?: readonly string[]};
}

/**
 * A set of labels as a source gives it, if it is one: an object whose values are all strings.
 * Anything else (null, a list, a number where a name should be) makes its item a bad item,
 * skipped and counted; the rest of the answer is used.
 */
export function labelsOf(value: unknown): Readonly<Record<string, string>> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  for (const label of Object.values(value)) if (typeof label !== 'string') return undefined;
  return value as Record<string, string>;
}

/** Alertmanager's alerts, those in shape; the others counted. */
export function alertsOf(answer: readonly unknown[]): {alerts: Alert[]; skipped: number} {
  const alerts: Alert[] = [];
  for (const item of answer) {
    const raw = item as {labels?: unknown; annotations?: unknown; status?: unknown} | null;
    const labels = typeof raw === 'object' && raw !== null ? labelsOf(raw.labels) : undefined;
    if (labels === undefined) continue;
    const annotations = labelsOf(raw!.annotations);
    const status = raw!.status as Alert['status'] | null | undefined;
    const list = (value: unknown) => (Array.isArray(value) ? (value as string[]) : undefined);
    alerts.push({
      labels,
      ...(annotations === undefined ? {} : {annotations}),
      ...(typeof status === 'object' && status !== null
        ? {
            status: {
              ...(typeof status.state === 'string' ? {state: status.state} : {}),
              ...(list(status.silencedBy) ? {silencedBy: list(status.silencedBy)!} : {}),
              ...(list(status.inhibitedBy) ? {inhibitedBy: list(status.inhibitedBy)!} : {}),
            },
          }
        : {}),
    });
  }
  return {alerts, skipped: answer.length - alerts.length};
}

/** `host:port` of a probe address, as a Prometheus `instance` label writes it. */
export function instanceOf(address: string): string | undefined {
  try {
    const url = new URL(address);
    const port =
      url.port || (url.protocol === 'https:' ? '443' : url.protocol === 'http:' ? '80' : '');
    return port ? `${url.hostname}:${port}` : url.hostname;
  } catch {
    return undefined;
  }
}

/** instance → component ids whose probe address it names. */
export function instanceIndex(model: Model): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const target of probeTargets(model)) {
    const instance = instanceOf(target.address);
    if (instance === undefined) continue;
    index.set(instance, [...(index.get(instance) ?? []), target.id]);
  }
  return index;
}

/**
 * The components a set of labels names: `failsight_id` (which may carry a kind, `zone:KR-CA`)
 * first; else `instance` against probe addresses; else, when allowed, `zone`/`account` labels.
 */
export function componentsOfLabels(
  model: Model,
  labels: Readonly<Record<string, string>>,
  instances: ReadonlyMap<string, readonly string[]>,
  byScope: boolean,
): string[] {
  const named = labels['failsight_id'];
  if (named !== undefined) {
    const resolved = resolveComponent(model, named);
    return resolved.ok ? [resolved.id] : [];
  }
  const instance = labels['instance'];
  if (instance !== undefined && instances.has(instance)) return [...instances.get(instance)!];
  if (!byScope) return [];
  for (const kind of ['zone', 'account'] as const) {
    const value = labels[kind];
    if (value === undefined) continue;
    const resolved = resolveComponent(model, `${kind}:${value}`);
    if (resolved.ok) return [resolved.id];
  }
  return [];
}

function addReason(observed: Map<string, string>, id: string, reason: string) {
  const before = observed.get(id);
  observed.set(id, before === undefined ? reason : `${before}; ${reason}`);
}

/**
 * What a Prometheus query says (docs/live-sources.md): a matched series at 0 is down; a component seen
 * before whose series are gone is unknown, never up. `watched` grows with what was matched.
 */
export function observeSeries(
  model: Model,
  series: readonly Series[],
  query: string,
  watched: ReadonlySet<string>,
): {observed: Map<string, string>; unknown: Set<string>; watched: Set<string>} {
  const instances = instanceIndex(model);
  const observed = new Map<string, string>();
  const present = new Set<string>();
  for (const one of series) {
    for (const id of componentsOfLabels(model, one.labels, instances, false)) {
      present.add(id);
      if (one.value !== 0) continue;
      const job = one.labels['job'];
      addReason(observed, id, `${query} == 0${job === undefined ? '' : `, job=${job}`}`);
    }
  }
  const unknown = new Set<string>();
  for (const id of watched) if (!present.has(id) && model.components.has(id)) unknown.add(id);
  const nextWatched = new Set([...watched].filter((id) => model.components.has(id)));
  for (const id of present) nextWatched.add(id);
  return {observed, unknown, watched: nextWatched};
}

/** Active, unsilenced, uninhibited alerts, matched to components; the reason is name: summary. */
export function observeAlerts(model: Model, alerts: readonly Alert[]): Map<string, string> {
  const instances = instanceIndex(model);
  const observed = new Map<string, string>();
  for (const alert of alerts) {
    const status = alert.status;
    if (status?.state !== undefined && status.state !== 'active') continue;
    if ((status?.silencedBy?.length ?? 0) > 0 || (status?.inhibitedBy?.length ?? 0) > 0) continue;
    const name = alert.labels['alertname'] ?? 'alert';
    const summary = alert.annotations?.['summary'];
    const reason = summary ? `${name}: ${summary}` : name;
    for (const id of componentsOfLabels(model, alert.labels, instances, true))
      addReason(observed, id, reason);
  }
  return observed;
}
