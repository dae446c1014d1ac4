import type {Finding, TopologyDiff} from '../../core/diff.js';
import {amount, percent} from '../shared/text.js';

/** One finding as a sentence, the same in text, markdown and JSON. */
export function findingText(finding: Finding): string {
  const {service, component} = finding;
  const componentKind = kindWord(finding.componentKind);
  const before = finding.before ?? 0;
  const after = finding.after ?? 0;
  switch (finding.kind) {
    case 'belowMinimum':
      return finding.before === undefined
        ? `${service} is below its minimum: serves ${amount(after)}`
        : `${service} falls below its minimum: serves ${amount(after)} instead of ${amount(before)}`;
    case 'aboveMinimum':
      return `${service} is back above its minimum: serves ${amount(after)} instead of ${amount(before)}`;
    case 'spofGained':
      return `${service} now dies with ${componentKind} ${component}`;
    case 'spofLost':
      return `${service} now survives ${componentKind} ${component}`;
    case 'toleranceLost':
      return `${service} no longer survives the failure of one ${finding.failureKind}`;
    case 'toleranceGained':
      return `${service} now survives the failure of one ${finding.failureKind}`;
    case 'zoneServedLess':
    case 'zoneServedMore':
      return `${service} serves ${amount(after)} instead of ${amount(before)} when zone ${component} fails`;
    case 'availabilityLower':
    case 'availabilityHigher':
      return `${service} is up ${percent(after)} of the time instead of ${percent(before)}`;
    case 'latencyOverBudget':
      return `${service} → ${component} takes ${amount(after)} ms${finding.failed ? ` with ${finding.failed} down` : ''}, over its ${amount(finding.budget ?? 0)} ms budget`;
    case 'latencyWithinBudget':
      return `${service} → ${component} is within its ${amount(finding.budget ?? 0)} ms budget again${finding.failed ? ` with ${finding.failed} down` : ''} (was ${amount(before)} ms)`;
    case 'rtoExceeded':
      return `${service} recovers in ~${amount(after)} s, over its rto of ${amount(finding.budget ?? 0)} s`;
    case 'rtoMet':
      return `${service} recovers in ~${amount(after)} s, within its rto of ${amount(finding.budget ?? 0)} s (was ~${amount(before)} s)`;
  }
}

/** A kind as a word: a group is a failure group, not an account group. */
function kindWord(kind: Finding['componentKind']): string {
  return kind === 'group' ? 'failure group' : kind;
}

/** "worse: shop-web now dies with zone KR-CA (+3 more)", the first line of every format. */
export function verdictLine(diff: TopologyDiff): string {
  const {verdict, findings} = diff;
  if (verdict === 'same') {
    const {added, removed, changed, settings} = diff.components;
    const n = added.length + removed.length + changed.length + settings.length;
    return n === 0
      ? 'same: the topologies are the same'
      : `same: ${n} change${n === 1 ? '' : 's'}, no change in resilience`;
  }
  const head = findings.find((f) => f.direction === verdict)!;
  const more = findings.filter((f) => f.direction === verdict).length - 1;
  return `${verdict}: ${findingText(head)}${more > 0 ? ` (+${more} more)` : ''}`;
}

/** "2 added, 1 removed, 3 changed". */
export function componentCounts(diff: TopologyDiff): string {
  const {added, removed, changed} = diff.components;
  return `${added.length} added, ${removed.length} removed, ${changed.length} changed`;
}
