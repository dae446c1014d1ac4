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
 * failsight  shop-prod   live ● 17 up ✖ 1 down   sim ⚡ zone KR-CA, padded to leave
 * `clockWidth` columns for the clock, which is drawn apart so that its tick redraws only itself.
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
    if (inputs.sources) middle.push(...sourceSegments(inputs.sources, theme));
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
  return [...left, ...fitted, {text: fit('', Math.max(0, room - used))}];
}

/** Failed sources first (they matter most), then bad-line counts, then the healthy ones. */
function sourceSegments(live: LiveSources, theme: Theme): Segment[] {
  const {lang} = theme;
  const failed: Segment[] = [];
  const warned: Segment[] = [];
  const healthy: Segment[] = [];
  if (live.unknown.size > 0)
    warned.push({text: ` ? ${t(lang, 'header.unknown', {n: live.unknown.size})}`, tone: 'warn'});
  for (const source of live.sources.values()) {
    if (source.error)
      failed.push({
        text: `  ${theme.glyphs.downLive} ${
          source.lastGood === undefined
            ? t(lang, 'header.sourceNever', {source: source.name})
            : t(lang, 'header.sourceFailed', {source: source.name, time: clockOf(source.lastGood)})
        }`,
        tone: 'bad',
      });
    if (source.badLines > 0)
      warned.push({
        text: `  ${t(lang, 'header.badLines', {source: source.name, n: source.badLines})}`,
        tone: 'warn',
      });
    if (!source.error && source.lastGood !== undefined)
      healthy.push({
        text: `  ${t(lang, 'header.sourceOk', {source: source.name, time: clockOf(source.lastGood)})}`,
        tone: 'dim',
      });
  }
  return [...failed, ...warned, ...healthy];
}
