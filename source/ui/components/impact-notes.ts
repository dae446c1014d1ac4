import type {Countdown} from '../../core/countdown.js';
import type {Subject} from '../analysis/selection.js';
import {t} from '../i18n.js';
import {wrappedLines as lines, type Segment} from '../segments.js';
import type {Tone} from '../theme.js';
import {amount} from '../text.js';
import type {ImpactInputs} from './impact-text.js';

/** A kind of note shows two of its entries; a zone behind many GSLBs would fill the panel. */
const perKind = 2;

/**
 * The first notes of a kind and how many more; only the notes shown are worded and wrapped (a
 * zone behind 600 GSLBs would otherwise wrap 600 lines on every cursor move).
 */
function capped<T>(
  entries: readonly T[],
  note: (entry: T) => Segment[][],
  width: number,
  more: (n: number) => string,
): Segment[][] {
  if (entries.length <= perKind + 1) return entries.flatMap(note);
  return [
    ...entries.slice(0, perKind).flatMap(note),
    ...lines(more(entries.length - perKind), width, 'dim'),
  ];
}

function countdownNote(line: Countdown, inputs: ImpactInputs): Segment[][] {
  const {lang} = inputs.theme;
  const params = {
    gslb: line.gslb,
    s: line.seconds,
    during: amount(line.during),
    after: amount(line.after),
  };
  const say = (id: Parameters<typeof t>[1], tone: Tone, extra = {}) =>
    lines(t(lang, id, {...params, ...extra}), inputs.width, tone);
  if (line.phase === 'detecting') return say('gslb.movesIn', 'warn');
  if (line.phase === 'following') return say('gslb.detected', 'warn');
  return say('gslb.noTarget', 'bad');
}

/** Under the table: GSLBs moving traffic (or that would), and single points that appeared. */
export function notesOf(subject: Subject, inputs: ImpactInputs): Segment[][] {
  const {theme, width, countdown} = inputs;
  const {lang} = theme;
  const more = (n: number) => t(lang, 'impact.moreGslbs', {n});
  const list = (ids: readonly string[]) => ids.join(', ');
  const notes: Segment[][] = [];
  notes.push(...capped(countdown, (line) => countdownNote(line, inputs), width, more));
  if (subject.type === 'down' && subject.nowSpofs && subject.nowSpofs.length > 0)
    notes.push(...lines(t(lang, 'impact.nowSpof', {list: list(subject.nowSpofs)}), width, 'bad'));
  if (subject.type !== 'preview') return notes;
  const move = (window: (typeof subject.windows)[number]) =>
    window.moves
      ? lines(t(lang, 'gslb.wouldMove', {gslb: window.gslb, s: window.totalS}), width, 'would')
      : lines(t(lang, 'gslb.wouldLose', {gslb: window.gslb}), width, 'warn');
  notes.push(...capped(subject.windows, move, width, more));
  if (subject.thenSpofs && subject.thenSpofs.length > 0)
    notes.push(
      ...lines(t(lang, 'impact.wouldSpof', {list: list(subject.thenSpofs)}), width, 'warn'),
    );
  return notes;
}
