import {stripVTControlCharacters} from 'node:util';
import stringWidth from 'string-width';
import {countdownsAt} from '../../core/countdown.js';
import {analyze} from '../analysis/analysis.js';
import {subjectOf} from '../analysis/selection.js';
import {impactDetail} from '../components/impact-detail.js';
import {impactContent} from '../components/impact-text.js';
import {statusWord, t} from '../../i18n/i18n.js';
import type {ScreenLayout} from '../screen-layout.js';
import type {Segment} from '../segments.js';
import {selectedNode} from '../state/navigation.js';
import type {DashboardState} from '../state/types.js';
import type {Theme} from '../theme.js';
import {amount} from '../text.js';

/** A rendered frame as plain lines: no escape sequences, no blanks at line ends. */
export function plainLines(frame: string): string[] {
  return stripVTControlCharacters(frame)
    .split('\n')
    .map((line) => line.trimEnd());
}

/** The display columns [from, to) of a line (a wide character counts two). */
export function columnsOf(line: string, from: number, to: number): string {
  let at = 0;
  let out = '';
  for (const char of line) {
    const width = stringWidth(char);
    if (at >= from && at + width <= to) out += char;
    at += width;
    if (at >= to) break;
  }
  return out;
}

// Box-drawing characters, escaped: the bundled program stays ASCII (see bundle.js).
const borders =
  /^[\u250c\u2510\u2514\u2518\u2502\u2503\u250f\u2513\u2517\u251b\u2501\u2500+|\-\s]*|[\u250c\u2510\u2514\u2518\u2502\u2503\u250f\u2513\u2517\u251b\u2501\u2500+|\-\s]*$/g;

/**
 * The focused panel of a plain frame, without its border: the title line first, then its lines.
 * The body starts under the header (and the demo's banner) and is `bodyRows` high.
 */
export function panelText(
  lines: readonly string[],
  layout: ScreenLayout,
  side: 'tree' | 'panel',
): string {
  const top = 1 + layout.bannerRows;
  const [from, to] =
    side === 'tree'
      ? [0, layout.treeWidth]
      : [layout.treeWidth, layout.treeWidth + layout.panelWidth];
  const body = lines.slice(top, top + layout.bodyRows).map((line) => columnsOf(line, from, to));
  const title = (body[0] ?? '').replace(borders, '');
  const inside = body.slice(1, -1).map((line) => {
    const chars = Array.from(line);
    return chars.slice(1, -1).join('').trimEnd();
  });
  while (inside.length > 0 && inside.at(-1) === '') inside.pop();
  return [title, ...inside].join('\n') + '\n';
}

const text = (segments: readonly Segment[]) =>
  segments
    .map((segment) => segment.text)
    .join('')
    .trim();

/** A cell of a Markdown table: a `|` would end it early. */
const cell = (value: string) => value.replace(/\|/g, '\\|').trim();

/**
 * The selection's impact as Markdown, for an incident channel: its title, what it says, the
 * services as a Markdown table, and its notes. The same content the impact panel draws.
 */
export function impactMarkdown(state: DashboardState, theme: Theme, now: number): string {
  const {model, failure, includeGslb} = state;
  const analysis = analyze(model, failure, includeGslb);
  const subject = subjectOf(analysis, failure, selectedNode(state), state.pending);
  const width = 200;
  const content = impactContent(subject, {
    model,
    theme,
    width,
    height: Number.MAX_SAFE_INTEGER,
    countdown: countdownsAt(model, failure, now),
  });
  const notes = [
    ...content.notes,
    ...impactDetail(subject, model, analysis.snapshot, theme, width),
  ];
  const {lang} = theme;
  const head = [
    'col.service',
    'col.demand',
    content.beforeColumn,
    content.afterColumn,
    'col.status',
  ] as const;
  const lines = [`# ${cell(model.name)}: ${content.title}`, ''];
  for (const segments of content.heading) if (text(segments) !== '') lines.push(text(segments), '');
  if (content.rows.length > 0) {
    lines.push(
      `| ${head.map((id) => t(lang, id)).join(' | ')} |`,
      '| --- | ---: | ---: | ---: | --- |',
    );
    for (const row of content.rows)
      lines.push(
        `| ${[row.id, amount(row.demand), amount(row.before), amount(row.after), statusWord(lang, row.status)].map(cell).join(' | ')} |`,
      );
    lines.push('');
  }
  if (content.hidden > 0) lines.push(t(lang, 'impact.moreServices', {n: content.hidden}), '');
  for (const segments of notes) if (text(segments) !== '') lines.push(`- ${text(segments)}`);
  return lines.join('\n').trimEnd() + '\n';
}
