import {statusCounts, type Snapshot} from '../../core/analyze.js';
import type {LiveSources} from '../../core/live.js';
import type {Model} from '../../core/model.js';
import {isFailable} from '../../core/propagate.js';
import {kindWord, statusWord, t} from '../i18n.js';
import type {Segment} from '../segments.js';
import type {Theme} from '../theme.js';
import {clockOf, fit, truncate, widthOf} from '../text.js';

export interface HeaderInputs {
  model: Model;
  snapshot: Snapshot;
  live: boolean;
  /** Each live source's state: shown when it failed or counted bad lines, else its last good time. */
  sources?: LiveSources;
  readOnly: boolean;
  demo: boolean;
  theme: Theme;
  width: number;
  /** The likely cause of what live sources observe down (its failures, widest first). */
  likely?: readonly string[] | undefined;
}

const counted = new WeakMap<Snapshot, {up: number; down: number}>();

/** Components up, and down as observed by live sources (simulated failures are not counted). */
function liveCounts(model: Model, snapshot: Snapshot) {
  const hit = counted.get(snapshot);
  if (hit) return hit;
  let failable = 0;
  for (const component of model.components.values()) if (isFailable(component)) failable++;
  let down = 0;
  for (const [id, cause] of snapshot.down)
    if (!snapshot.state.simulated.has(cause.root) && isFailable(model.components.get(id)!)) down++;
  const counts = {up: failable - down, down};
  counted.set(snapshot, counts);
  return counts;
}

/** "2 DOWN · 1 DEGRADED · 14 OK" from the core's statuses, toned by the worst. */
function healthOf(snapshot: Snapshot, theme: Theme): Segment {
  const counts = statusCounts(snapshot.status.values());
  const {lang} = theme;
  const text = t(lang, 'header.health', {
    down: counts.DOWN,
    degraded: counts.DEGRADED,
    ok: counts.OK,
    downWord: statusWord(lang, 'DOWN'),
    degradedWord: statusWord(lang, 'DEGRADED'),
    okWord: statusWord(lang, 'OK'),
  }).replaceAll(' · ', theme.glyphs.dot);
  const tone = counts.DOWN > 0 ? 'bad' : counts.DEGRADED > 0 ? 'warn' : 'ok';
  return {text: ` ${text}`, tone};
}

/** The clock at the end of the header, always this many columns: ` 14:03:22 `. */
export const clockWidth = 10;

export function clockText(now: number): string {
  return ` ${clockOf(now)} `;
}

/**
 * failsight  shop-prod   2 DOWN · 1 DEGRADED · 14 OK  live ● 17 up ✖ 1 down  sim ⚡ zone KR-CA
 * ✖ prometheus failed, last good 13:02, padded to leave `clockWidth` columns for the clock,
 * which is drawn apart so that its tick redraws only itself. The health summary, the live
 * counts and what is simulated come first; the sources take what room is left, worded shorter
 * as it shrinks (`prometheus ✖ 13:02`, then `prom… ✖ 13:02`), then the last ones counted.
 */
export function headerLine(inputs: HeaderInputs): Segment[] {
  const {model, snapshot, theme, width} = inputs;
  const {lang, glyphs} = theme;
  const left: Segment[] = [
    {text: ' failsight ', tone: 'strong'},
    {text: ` ${model.name} `, tone: 'accent'},
  ];
  const middle: Segment[] = [healthOf(snapshot, theme)];
  if (inputs.demo) middle.push({text: `  ${t(lang, 'header.demo')}`, tone: 'warn'});
  if (inputs.live) {
    const {up, down} = liveCounts(model, snapshot);
    middle.push(
      {text: `  ${t(lang, 'header.live')} `},
      {text: `${glyphs.up} ${t(lang, 'header.up', {n: up})}`, tone: 'ok'},
    );
    if (down > 0)
      middle.push({text: ` ${glyphs.downLive} ${t(lang, 'header.down', {n: down})}`, tone: 'bad'});
  }
  const simulated = [...snapshot.state.simulated];
  if (simulated.length > 0) {
    const first = simulated[0]!;
    const kind = model.components.get(first)?.kind;
    const more =
      simulated.length > 1 ? ` ${t(lang, 'header.more', {n: simulated.length - 1})}` : '';
    const name = kind ? `${kindWord(lang, kind)} ${first}` : first;
    middle.push({text: `  ${t(lang, 'header.sim')} ${glyphs.downSim} ${name}${more}`, tone: 'sim'});
  }
  if (inputs.readOnly) middle.push({text: `  [${t(lang, 'header.readOnly')}]`, tone: 'warn'});
  // Said last, so a narrow terminal drops it before what is failed.
  if (!inputs.live && !inputs.demo)
    middle.push({text: `  ${t(lang, 'header.noLive')}`, tone: 'dim'});
  const room = width - clockWidth - left.reduce((sum, s) => sum + widthOf(s.text), 0);
  const fitted: Segment[] = [];
  let used = 0;
  for (const segment of middle) {
    const text = truncate(segment.text, room - used, glyphs.ellipsis);
    if (text === '') break;
    fitted.push({...segment, text});
    used += widthOf(text);
  }
  if (inputs.live && inputs.sources) {
    const sources = fittedSources(inputs.sources, theme, room - used);
    fitted.push(...sources);
    used += sources.reduce((sum, s) => sum + widthOf(s.text), 0);
  }
  // After the health, the failed sources and the unknown count: shown whole or not at all.
  const likely = likelyText(inputs);
  if (likely !== undefined && widthOf(likely) <= room - used) {
    fitted.push({text: likely, tone: 'warn'});
    used += widthOf(likely);
  }
  return [...left, ...fitted, {text: fit('', Math.max(0, room - used))}];
}

/** "  likely: zone KR-CA", or "… +2" when it takes more failures. */
function likelyText({likely, model, theme}: HeaderInputs): string | undefined {
  const first = likely?.[0];
  if (first === undefined) return undefined;
  const kind = model.components.get(first)?.kind;
  const name = kind && kind !== 'service' ? `${kindWord(theme.lang, kind)} ${first}` : first;
  const more =
    likely!.length > 1 ? ` ${t(theme.lang, 'header.more', {n: likely!.length - 1})}` : '';
  return `  ${t(theme.lang, 'header.likely', {cause: `${name}${more}`})}`;
}

type Detail = 'full' | 'short' | 'abbreviated';

const segmentsWidth = (segments: readonly Segment[]) =>
  segments.reduce((sum, s) => sum + widthOf(s.text), 0);

/**
 * The sources in `room` columns, whole segments only: in full words if they fit, else shorter,
 * else with long names cut (with an ellipsis); the last ones dropped and counted only when
 * even that does not fit.
 */
function fittedSources(live: LiveSources, theme: Theme, room: number): Segment[] {
  const worded = (['full', 'short', 'abbreviated'] as const).map((detail) =>
    sourceSegments(live, theme, detail),
  );
  const count = worded[0]!.length;
  for (let kept = count; kept >= 0; kept--) {
    const more: Segment = {
      text: `  ${t(theme.lang, 'header.moreSources', {n: count - kept})}`,
      tone: 'dim',
    };
    // Counted if the count fits; else the sources kept matter more than the count.
    const tries = worded.map((segments) => [
      ...segments.slice(0, kept),
      ...(kept < count ? [more] : []),
    ]);
    if (kept > 0 && kept < count) tries.push(...worded.map((segments) => segments.slice(0, kept)));
    for (const shown of tries) if (segmentsWidth(shown) <= room) return shown;
  }
  return [];
}

/** Failed sources first (they matter most), then bad-line counts, then the healthy ones. */
function sourceSegments(live: LiveSources, theme: Theme, detail: Detail): Segment[] {
  const {lang, glyphs} = theme;
  const failed: Segment[] = [];
  const warned: Segment[] = [];
  const healthy: Segment[] = [];
  if (live.unknown.size > 0)
    warned.push({text: ` ? ${t(lang, 'header.unknown', {n: live.unknown.size})}`, tone: 'warn'});
  for (const source of live.sources.values()) {
    const name =
      detail === 'abbreviated' ? truncate(source.name, 5, glyphs.ellipsis).trimEnd() : source.name;
    // The shorter wordings say the time to the minute.
    const clock = source.lastGood === undefined ? undefined : clockOf(source.lastGood);
    const time = detail === 'full' ? clock : clock?.slice(0, 5);
    if (source.error) {
      const text =
        detail === 'full'
          ? `${glyphs.downLive} ${
              time === undefined
                ? t(lang, 'header.sourceNever', {source: name})
                : t(lang, 'header.sourceFailed', {source: name, time})
            }`
          : time === undefined
            ? t(lang, 'header.sourceNeverShort', {source: name, glyph: glyphs.downLive})
            : t(lang, 'header.sourceFailedShort', {source: name, glyph: glyphs.downLive, time});
      failed.push({text: `  ${text}`, tone: 'bad'});
    }
    if (source.badLines > 0)
      warned.push({
        text: `  ${t(lang, detail === 'full' ? 'header.badLines' : 'header.badLinesShort', {
          source: name,
          n: source.badLines,
        })}`,
        tone: 'warn',
      });
    if (!source.error && time !== undefined)
      healthy.push({text: `  ${t(lang, 'header.sourceOk', {source: name, time})}`, tone: 'dim'});
  }
  return [...failed, ...warned, ...healthy];
}
