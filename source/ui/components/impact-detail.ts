import {keptIn} from '../../core/kept.js';
import type {Snapshot} from '../../core/analyze.js';
import type {Model} from '../../core/model.js';
import type {Subject} from '../analysis/selection.js';
import {kindWord, t} from '../../i18n/i18n.js';
import type {Segment} from '../segments.js';
import type {Theme} from '../theme.js';
import {fit} from '../text.js';

/** Past this many, the list says how many more: a zone of 100k VMs is not read line by line. */
const listed = 500;

/** Which components go down with the subject (or would): the list its heading counts. */
function downWith(subject: Subject): {first: string[]; size: number} {
  if (subject.type === 'preview' || subject.type === 'down')
    return {
      first: subject.wentDown.first(listed).map((entry) => entry.id),
      size: subject.wentDown.size,
    };
  return {first: [], size: 0};
}

/** Lines kept per state for the subjects the cursor passed last: moving back costs nothing. */
const kept = 16;
const detailCache = new WeakMap<Snapshot, Map<string, Segment[][]>>();

/**
 * Under the impact, one line per component that goes down with the subject: what a tall
 * screen shows at once and a small one by scrolling the panel.
 */
export function impactDetail(
  subject: Subject,
  model: Model,
  snapshot: Snapshot,
  theme: Theme,
  width: number,
): Segment[][] {
  if (subject.type !== 'preview' && subject.type !== 'down') return [];
  const key = `${subject.type} ${subject.id} ${theme.lang} ${theme.ascii} ${width}`;
  let perState = detailCache.get(snapshot);
  if (!perState) detailCache.set(snapshot, (perState = new Map()));
  return keptIn(perState, key, kept, () => detailLines(subject, model, snapshot, theme, width));
}

function detailLines(
  subject: Subject,
  model: Model,
  snapshot: Snapshot,
  theme: Theme,
  width: number,
): Segment[][] {
  const {first: ids, size} = downWith(subject);
  if (size === 0) return [];
  const {lang, glyphs} = theme;
  const glyph =
    subject.type === 'preview'
      ? glyphs.partial
      : subject.type === 'down' && subject.how === 'sim'
        ? glyphs.downSim
        : glyphs.downLive;
  const tone =
    subject.type === 'preview'
      ? 'dim'
      : subject.type === 'down' && subject.how === 'sim'
        ? 'sim'
        : 'bad';
  const line = (id: string): Segment[] => {
    const kind = model.components.get(id)?.kind ?? 'component';
    return [
      {text: fit(` ${glyph} ${kindWord(lang, kind)} ${id}`, width, 'left', glyphs.ellipsis), tone},
    ];
  };
  const more = size - ids.length;
  return [
    [
      {
        text: fit(
          t(lang, subject.type === 'preview' ? 'impact.wouldGo' : 'impact.wentDown'),
          width,
        ),
        tone: 'dim',
      },
    ],
    ...ids.map(line),
    ...(more > 0
      ? [[{text: fit(` ${t(lang, 'header.more', {n: more})}`, width), tone: 'dim' as const}]]
      : []),
  ];
}
