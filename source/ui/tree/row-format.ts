import type {Analysis} from '../analysis/analysis.js';
import {t} from '../../i18n/i18n.js';
import type {Segment} from '../segments.js';
import type {Theme} from '../theme.js';
import {fit, widthOf} from '../text.js';
import {nodeState, type NodeState} from './node-state.js';
import type {TreeNode} from './nodes.js';

export interface RowContext {
  analysis: Analysis;
  theme: Theme;
  folded: ReadonlySet<string>;
  selected: string | undefined;
  width: number;
  unknown?: ReadonlySet<string>;
}

const maxTag = 10;
const maxCapacity = 11;

function nameOf(node: TreeNode, theme: Theme): string {
  return node.role === 'dependency' ? `${t(theme.lang, 'tag.needs')} ${node.name}` : node.name;
}

/**
 * The visible rows as lines of exactly `width` columns. Capacity and tag columns are as wide
 * as the rows on screen need, so names get the rest; wide names are cut by display width.
 */
export function formatRows(nodes: readonly TreeNode[], context: RowContext): Segment[][] {
  const {theme, width} = context;
  const {glyphs} = theme;
  const states = nodes.map((node) => nodeState(node, context.analysis, theme, context.unknown));
  const capacityWidth = Math.min(
    maxCapacity,
    Math.max(0, ...states.map((s) => widthOf(s.capacity))),
  );
  const tagWidth = Math.min(maxTag, Math.max(0, ...states.map((s) => widthOf(s.tag))));
  const step = width >= 44 ? 2 : 1;
  // ⚡ is two columns wide; when one shows, every icon cell widens so names stay aligned.
  const iconWidth = Math.max(...states.map((s) => widthOf(s.icon))) + 1;
  return nodes.map((node, index) => {
    const state = states[index]!;
    const selected = node.key === context.selected;
    const fold =
      node.childCount === 0
        ? glyphs.leaf
        : context.folded.has(node.key)
          ? glyphs.closed
          : glyphs.open;
    const left = ` ${' '.repeat(node.depth * step)}${fold} `;
    const icon = fit(state.icon, iconWidth, 'left', '');
    const right =
      (capacityWidth > 0
        ? ` ${fit(state.capacity, capacityWidth, 'right', glyphs.ellipsis)}`
        : '') + (tagWidth > 0 ? ` ${fit(state.tag, tagWidth, 'left', glyphs.ellipsis)}` : '');
    const room = width - widthOf(left) - iconWidth - widthOf(right);
    const name = nameOf(node, theme);
    // A terminal that is not UTF-8 cannot show a Korean label; the id says enough there.
    const showLabel = node.label && !(theme.ascii && /[^\x20-\x7e]/.test(node.label));
    const label = showLabel ? `  ${node.label}` : '';
    const text = fit(name + label, room, 'left', glyphs.ellipsis);
    const nameText = text.slice(0, Math.min(text.length, name.length));
    const rest = text.slice(nameText.length);
    const segments: Segment[] = [
      {text: left},
      {text: icon, tone: state.tone},
      {text: nameText, tone: node.role === 'group' ? 'strong' : 'plain'},
      {text: rest, tone: 'dim'},
      ...capacityAndTag(right, capacityWidth, state),
    ];
    return selected ? selectedRow(segments, glyphs.cursor) : segments;
  });
}

/**
 * The same row under the cursor: the cursor glyph in place of the first blank, all inverse.
 * The glyph is one column wide, so the row keeps its width and its columns.
 */
export function selectedRow(segments: readonly Segment[], cursor: string): Segment[] {
  return segments.map((segment, index) => ({
    ...segment,
    ...(index === 0 ? {text: `${cursor}${segment.text.slice(1)}`} : {}),
    inverse: true,
  }));
}

function capacityAndTag(right: string, capacityWidth: number, state: NodeState): Segment[] {
  const split = capacityWidth > 0 ? capacityWidth + 1 : 0;
  return [
    {text: right.slice(0, split), tone: 'plain'},
    {text: right.slice(split), tone: state.tagTone},
  ];
}
