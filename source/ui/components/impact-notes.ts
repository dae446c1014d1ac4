import type {Countdown} from '../../core/countdown.js';
import {duration, latencyShift} from '../../core/format.js';
import {placesText, type LatencyChange} from '../../core/latency.js';
import {printable} from '../../core/printable.js';
import {rtoBeside} from '../../core/rto.js';
import type {Subject} from '../analysis/selection.js';
import {t} from '../../i18n/i18n.js';
import {wrappedLines as lines, type Segment} from '../segments.js';
import type {Tone} from '../theme.js';
import {amount} from '../text.js';
import type {ImpactInputs} from './impact-inputs.js';

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

/** " ✓ rto 2 m": the service's recovery-time target beside a failover, as the core judged it. */
function rtoText(rto: {targetS: number; met: boolean} | undefined, inputs: ImpactInputs): string {
  if (!rto) return '';
  const {lang, glyphs} = inputs.theme;
  const mark = rto.met ? glyphs.met : glyphs.missed;
  return ` ${t(lang, 'gslb.rto', {mark, target: duration(rto.targetS)})}`;
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
    lines(t(lang, id, {...params, ...extra}) + rtoText(line.rto, inputs), inputs.width, tone);
  if (line.phase === 'detecting') return say('gslb.movesIn', 'warn');
  if (line.phase === 'following') return say('gslb.detected', 'warn');
  return say('gslb.noTarget', 'bad');
}

/** "shop-web → shop-db now idc-guro → KR-CB: +5 ms (5 ms), budget 3 ms SLOW" from the core's change. */
function latencyNote(change: LatencyChange, inputs: ImpactInputs): Segment[][] {
  const {lang, glyphs} = inputs.theme;
  const {after, before} = change;
  const text = t(lang, 'impact.latency', {
    arrow: glyphs.arrow,
    service: printable(change.service),
    dependency: printable(change.dependency),
    from: printable(placesText(after.from)),
    to: printable(placesText(after.to)),
    shift: latencyShift(before.ms, after.ms) ?? t(lang, 'impact.latencyUnknown'),
    budget:
      after.budgetMs === undefined
        ? ''
        : t(lang, 'impact.latencyBudget', {ms: amount(after.budgetMs)}),
  });
  const slow = after.slow ? ` ${t(lang, 'status.SLOW')}` : '';
  return lines(text + slow, inputs.width, after.slow ? 'bad' : 'dim');
}

/** Under the table: GSLBs moving traffic (or that would), and single points that appeared. */
export function notesOf(subject: Subject, inputs: ImpactInputs): Segment[][] {
  const {theme, width, countdown} = inputs;
  const {lang} = theme;
  const more = (n: number) => t(lang, 'impact.moreGslbs', {n});
  const moreLatency = (n: number) => t(lang, 'impact.moreLatency', {n});
  const list = (ids: readonly string[]) => ids.join(', ');
  const notes: Segment[][] = [];
  notes.push(...capped(countdown, (line) => countdownNote(line, inputs), width, more));
  if (subject.type === 'down' || subject.type === 'preview' || subject.type === 'pending')
    notes.push(
      ...capped(subject.latency, (change) => latencyNote(change, inputs), width, moreLatency),
    );
  if (subject.type === 'down' && subject.nowSpofs && subject.nowSpofs.length > 0)
    notes.push(...lines(t(lang, 'impact.nowSpof', {list: list(subject.nowSpofs)}), width, 'bad'));
  if (subject.type !== 'preview') return notes;
  const move = (window: (typeof subject.windows)[number]) =>
    window.moves
      ? lines(
          t(lang, 'gslb.wouldMove', {gslb: window.gslb, s: window.totalS}) +
            rtoText(rtoBeside(inputs.model, window.service, window.totalS), inputs),
          width,
          'would',
        )
      : lines(t(lang, 'gslb.wouldLose', {gslb: window.gslb}), width, 'warn');
  notes.push(...capped(subject.windows, move, width, more));
  if (subject.thenSpofs && subject.thenSpofs.length > 0)
    notes.push(
      ...lines(t(lang, 'impact.wouldSpof', {list: list(subject.thenSpofs)}), width, 'warn'),
    );
  return notes;
}
