import {howDown} from '../../core/state.js';
import {activeTargets} from '../../core/capacity.js';
import {groupById, groupStanding} from '../../core/failure-groups.js';
import type {Analysis} from '../analysis/analysis.js';
import type {Amount} from '../analysis/capacities.js';
import {kindWord, statusWord, t} from '../../i18n/i18n.js';
import {statusTone, type Theme, type Tone} from '../theme.js';
import {amount} from '../text.js';
import type {TreeNode} from './nodes.js';

/** How one row looks: its state glyph, capacity and a short word for what is special about it. */
export interface NodeState {
  icon: string;
  tone: Tone;
  capacity: string;
  tag: string;
  tagTone: Tone;
}

function capacityText(value: Amount | undefined): string {
  if (!value) return '';
  return value.current === value.nominal || value.current > value.nominal
    ? amount(value.current)
    : `${amount(value.current)}/${amount(value.nominal)}`;
}

function byAmount(value: Amount | undefined, theme: Theme): {icon: string; tone: Tone} {
  const {glyphs} = theme;
  if (!value || value.current >= value.nominal) return {icon: glyphs.up, tone: 'ok'};
  return {icon: glyphs.partial, tone: value.current === 0 ? 'bad' : 'warn'};
}

/** A failure group's row: down (simulated or observed) when every member is, partly when some are. */
function failureGroupState(node: TreeNode, analysis: Analysis, theme: Theme): NodeState {
  const {glyphs, lang} = theme;
  const group = groupById(analysis.model, node.id);
  const standing = group ? groupStanding(group, analysis.snapshot) : undefined;
  const kind = kindWord(lang, 'group');
  if (standing?.state === 'down') {
    const tone: Tone = standing.simulated ? 'sim' : 'bad';
    const tag = t(lang, standing.simulated ? 'tag.sim' : 'tag.live');
    const icon = standing.simulated ? glyphs.downSim : glyphs.downLive;
    return {icon, tone, capacity: '', tag, tagTone: tone};
  }
  if (standing?.state === 'partial')
    return {icon: glyphs.partial, tone: 'warn', capacity: '', tag: kind, tagTone: 'dim'};
  return {icon: glyphs.up, tone: 'ok', capacity: '', tag: kind, tagTone: 'dim'};
}

export function nodeState(
  node: TreeNode,
  analysis: Analysis,
  theme: Theme,
  unknown?: ReadonlySet<string>,
): NodeState {
  const {glyphs, lang} = theme;
  const {model, snapshot} = analysis;
  const capacities = analysis.capacities();
  const plain = (value: Amount | undefined, tag = '', tagTone: Tone = 'dim'): NodeState => ({
    ...byAmount(value, theme),
    capacity: capacityText(value),
    tag,
    tagTone,
  });
  if (node.role === 'group') return plain(capacities.of(node.id, 'group'));
  if (node.role === 'failureGroup') return failureGroupState(node, analysis, theme);
  const component = model.components.get(node.id);
  if (!component) return {icon: '?', tone: 'dim', capacity: '', tag: '', tagTone: 'dim'};
  if (component.kind === 'service') {
    const status = snapshot.status.get(component.id) ?? 'OK';
    const tone = statusTone(status);
    const icon =
      status === 'OK' ? glyphs.up : status === 'DEGRADED' ? glyphs.partial : glyphs.downLive;
    const tag = statusWord(lang, status);
    return {
      icon,
      tone,
      capacity: capacityText(capacities.of(component.id, 'component')),
      tag,
      tagTone: tone,
    };
  }
  const value = capacities.of(component.id, 'component');
  const cause = snapshot.down.get(component.id);
  if (cause) {
    const simulated = howDown(snapshot.state, cause.root) === 'sim';
    const tag =
      cause.root === component.id
        ? t(lang, simulated ? 'tag.sim' : 'tag.live')
        : `(${kindWord(lang, cause.rootKind)})`;
    const tone: Tone = simulated ? 'sim' : 'bad';
    const capacity = value ? `0/${amount(value.nominal)}` : '';
    return {icon: simulated ? glyphs.downSim : glyphs.downLive, tone, capacity, tag, tagTone: tone};
  }
  // Not down, but a live source cannot see it: unknown, never shown as up.
  if (unknown?.has(component.id))
    return {
      icon: '?',
      tone: 'warn',
      capacity: capacityText(value),
      tag: t(lang, 'tag.unknown'),
      tagTone: 'warn',
    };
  // Under a GSLB, the targets it sends traffic to now are marked.
  const gslb = node.parent ? model.components.get(node.parent.id) : undefined;
  if (
    gslb?.kind === 'gslb' &&
    activeTargets(model, gslb, snapshot, snapshot.state.forced).includes(component.id)
  )
    return {
      ...plain(value),
      ...(snapshot.state.promoted.has(component.id) ? {icon: glyphs.promoted} : {}),
      tag: t(lang, 'tag.active'),
      tagTone: 'ok',
    };
  if (component.kind === 'vm' && component.role === 'standby') {
    if (snapshot.state.promoted.has(component.id))
      return {...plain(value), icon: glyphs.promoted, tag: t(lang, 'tag.promoted'), tagTone: 'ok'};
    const capacity = `(${amount(component.capacity)})`;
    return {
      icon: glyphs.standby,
      tone: 'dim',
      capacity,
      tag: t(lang, 'tag.standby'),
      tagTone: 'dim',
    };
  }
  if (component.kind === 'router' && component.redundant)
    return plain(value, t(lang, 'tag.redundant'));
  if (component.kind === 'gslb' && snapshot.state.forced.has(component.id))
    return plain(value, t(lang, 'tag.forced'), 'accent');
  return plain(value);
}
