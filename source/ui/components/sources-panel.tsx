import {ageText, freshnessOf, staleIntervals} from '../../core/freshness.js';
import type {LiveSources, SourceStatus} from '../../core/live.js';
import {t} from '../../i18n/i18n.js';
import type {Segment} from '../segments.js';
import type {Theme} from '../theme.js';
import {clockOf, fit, widthOf, wrapWords} from '../text.js';
import {ListPanel, type ListPlace} from './list-panel.js';

interface SourcesPanelProps extends ListPlace {
  live: LiveSources;
}

/** Text in lines of `width`, words kept whole when they fit and broken when longer: nothing cut. */
export function wrapWhole(text: string, width: number): string[] {
  const room = Math.max(1, width);
  const pieces = text.split(' ').flatMap((word) => {
    if (widthOf(word) <= room) return [word];
    const chunks: string[] = [];
    let chunk = '';
    for (const char of word) {
      if (widthOf(chunk + char) > room) {
        chunks.push(chunk);
        chunk = '';
      }
      chunk += char;
    }
    return [...chunks, chunk];
  });
  return wrapWords(pieces.join(' '), room);
}

const intervalText = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`);

/** One source's lines: name and verdict, last good poll, what it sees, its last error whole. */
export function sourceLines(
  source: SourceStatus,
  now: number,
  theme: Theme,
  inner: number,
): Segment[][] {
  const {lang, glyphs} = theme;
  const freshness = freshnessOf(source, now);
  const verdict =
    freshness === 'fresh'
      ? t(lang, 'sources.fresh')
      : freshness === 'stale'
        ? t(lang, 'sources.stale', {n: staleIntervals})
        : t(lang, `sources.${freshness}`);
  const mark = freshness === 'fresh' ? glyphs.up : glyphs.downLive;
  const tone = freshness === 'fresh' ? 'ok' : 'bad';
  const lines: Segment[][] = [[{text: `${mark} ${source.name}  ${verdict}`, tone}]];
  const indent = (text: string, lineTone: Segment['tone'] = 'plain'): Segment[] => [
    {text: `  ${text}`, tone: lineTone},
  ];
  const timing = [
    source.lastGood === undefined
      ? t(lang, 'sources.noGood')
      : t(lang, 'sources.lastGood', {
          time: clockOf(source.lastGood),
          age: ageText(now - source.lastGood),
        }),
    ...(source.intervalMs === undefined
      ? []
      : [t(lang, 'sources.every', {interval: intervalText(source.intervalMs)})]),
  ].join(' · ');
  for (const line of wrapWhole(timing, inner - 2)) lines.push(indent(line));
  // The counts are the sizes of the sets the source reported, as it reported them.
  const sees = t(lang, 'sources.sees', {
    n: source.watched?.size ?? 0,
    down: source.observed.size,
    unknown: source.unknown.size,
  });
  for (const line of wrapWhole(sees, inner - 2)) lines.push(indent(line));
  if (source.badLines > 0)
    lines.push(indent(t(lang, 'sources.badLines', {n: source.badLines}), 'warn'));
  if (source.error) {
    lines.push(indent(t(lang, 'sources.error', {time: clockOf(source.error.at)}), 'bad'));
    // Escaped when it arrived (core/live.ts); wrapped here, never cut.
    for (const line of wrapWhole(source.error.message, inner - 4))
      lines.push([{text: `    ${line}`, tone: 'bad'}]);
  }
  return lines;
}

/**
 * `S`: every live source, the selected one's lines first when they do not all fit: whether its
 * data is current, its last good poll, what it sees and its last error, whole.
 */
export function SourcesPanel({live, ...place}: SourcesPanelProps) {
  const {index, top, theme, width} = place;
  const inner = width - 2;
  const now = live.now ?? 0;
  const sources = [...live.sources.values()];
  const lines: Segment[][] = [];
  const items: number[] = [];
  sources.slice(top).forEach((source, position) => {
    const block = sourceLines(source, now, theme, inner);
    if (top + position === index) block[0] = block[0]!.map((s) => ({...s, inverse: true}));
    lines.push(...block);
    for (const _ of block) items.push(top + position);
  });
  const fitted = lines.map((segments) =>
    segments.map((s) => ({...s, text: fit(s.text, inner, 'left', theme.glyphs.ellipsis)})),
  );
  return (
    <ListPanel
      title={t(theme.lang, 'title.sources')}
      place={place}
      count={sources.length}
      empty={t(theme.lang, 'sources.empty')}
      lines={fitted}
      items={items}
    />
  );
}
