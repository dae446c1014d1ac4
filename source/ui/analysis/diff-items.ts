import type {Finding, TopologyDiff} from '../../core/diff.js';
import type {Model} from '../../core/model.js';
import {printable} from '../../core/printable.js';
import type {Message} from '../../i18n/i18n.js';
import type {Compare} from '../../shared/types.js';

const cache = new WeakMap<Model, {compare: Compare; diff: TopologyDiff}>();

/** The core's diff of the model on screen against --compare OLD, once per model (a reload makes a new one). */
export function diffOf(state: {
  model: Model;
  compare: Compare | undefined;
}): TopologyDiff | undefined {
  const {model, compare} = state;
  if (!compare) return undefined;
  const hit = cache.get(model);
  if (hit && hit.compare === compare) return hit.diff;
  const diff = compare.diffOf(model);
  cache.set(model, {compare, diff});
  return diff;
}

function amount(value: number | undefined): string {
  if (value === undefined) return '—';
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function percent(value: number | undefined): string {
  return value === undefined ? '—' : `${(value * 100).toFixed(4)}%`;
}

/** A finding as a message: the words are the screen's language, the figures the core's. */
export function findingMessage(finding: Finding): Message {
  const availability =
    finding.kind === 'availabilityLower' || finding.kind === 'availabilityHigher';
  const figure = availability ? percent : amount;
  return {
    id: `diff.${finding.kind}`,
    params: {
      service: printable(finding.service),
      id: printable(finding.component),
      kind: finding.failureKind ?? finding.componentKind,
      before: figure(finding.before),
      after: figure(finding.after),
    },
  };
}
