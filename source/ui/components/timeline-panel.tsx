import type {Model} from '../../core/model.js';
import {statusWord, t} from '../../i18n/i18n.js';
import type {Segment} from '../segments.js';
import type {TimelinePoint} from '../state/types.js';
import {statusTone} from '../theme.js';
import {amount, clockOf, fit} from '../text.js';
import {ListPanel, type ListPlace} from './list-panel.js';
import {timelineText, type SparkCell} from './timeline-text.js';

interface TimelinePanelProps extends ListPlace {
  points: readonly TimelinePoint[];
  model: Model;
  now: number;
}

/** Runs of cells in one tone: one segment each, not one per column. */
function sparkSegments(cells: readonly SparkCell[]): Segment[] {
  const segments: Segment[] = [];
  for (const cell of cells) {
    const tone = statusTone(cell.status);
    const last = segments.at(-1);
    if (last?.tone === tone) last.text += cell.glyph;
    else segments.push({text: cell.glyph, tone});
  }
  return segments;
}

/** The time axis under the sparklines: the first moment at the left, now at the right. */
function axis(from: number, to: number, width: number): string {
  const left = clockOf(from);
  const right = clockOf(to);
  if (width < left.length + right.length + 1) return fit(right, width, 'right');
  return left + ' '.repeat(width - left.length - right.length) + right;
}

/**
 * `t`: per service, what it served of its demand over the session as a sparkline, with the
 * moments of change (▲) and of each action (◆) above, and the time axis below. The selected
 * service (↑↓) comes first when they do not all fit.
 */
export function TimelinePanel({points, model, now, ...place}: TimelinePanelProps) {
  const {index, theme, width, height} = place;
  const {lang, glyphs} = theme;
  const inner = width - 2;
  const rows = Math.max(1, height - 2);
  const story = timelineText(points, model, now, inner, theme.ascii);
  const lines: Segment[][] = [];
  const items: (number | undefined)[] = [];
  if (story) {
    lines.push([{text: story.marks, tone: 'accent'}]);
    items.push(undefined);
    // Two rows a service; the marks, the axis and the legend take three.
    const room = Math.max(1, Math.floor((rows - 3) / 2));
    const first = Math.max(0, Math.min(index, story.services.length - room));
    story.services.slice(first, first + room).forEach((service, offset) => {
      const label = `${service.id} ${amount(service.served)}/${amount(service.demand)} ${statusWord(lang, service.status)}`;
      lines.push([
        {
          text: fit(label, inner, 'left', glyphs.ellipsis),
          tone: statusTone(service.status),
          inverse: first + offset === index,
        },
      ]);
      lines.push(sparkSegments(service.cells));
      items.push(first + offset, first + offset);
    });
    lines.push([{text: axis(story.from, story.to, inner), tone: 'dim'}]);
    const legend = t(lang, 'timeline.legend', {
      change: theme.ascii ? '^' : '▲',
      action: theme.ascii ? '*' : '◆',
    });
    lines.push([{text: fit(legend, inner, 'left', glyphs.ellipsis), tone: 'dim'}]);
  }
  return (
    <ListPanel
      title={t(lang, 'title.timeline')}
      place={place}
      count={story?.services.length ?? 0}
      empty={t(lang, 'timeline.empty')}
      lines={lines}
      items={items}
    />
  );
}
