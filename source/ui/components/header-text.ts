import {statusCounts, type Snapshot} from '../../core/analyze.js';
import {ageText, liveCounts, untrustedSources} from '../../core/freshness.js';
import {noLiveSources, type LiveSources} from '../../core/live.js';
import {slowIn} from '../../core/latency.js';
import type {Model} from '../../core/model.js';
import {kindWord, statusWord, t} from '../../i18n/i18n.js';
import type {Segment} from '../segments.js';
import type {Theme} from '../theme.js';
import {clockOf, fit, truncate, widthOf} from '../text.js';
import {fitParts, partPriority as p, type BarPart, type PartForm} from './header-parts.js';

export interface HeaderInputs {
  model: Model;
  snapshot: Snapshot;
  live: boolean;
  /** Each live source's state: an untrusted one is always shown, a healthy one when room is left. */
  sources?: LiveSources;
  /** Services one more failure would take DOWN; undefined while the sweep is still computing. */
  oneFailureFromDown?: number | undefined;
  readOnly: boolean;
  demo: boolean;
  theme: Theme;
  width: number;
  /** The likely cause of what live sources observe down (its failures, widest first). */
  likely?: readonly string[] | undefined;
}

/** The clock at the end of the header, always this many columns: ` 14:03:22 `. */
export const clockWidth = 10;

export function clockText(now: number): string {
  return ` ${clockOf(now)} `;
}

const form = (priority: number, ...segments: Segment[]): PartForm => ({segments, priority});
/** The last form of a part that may vanish once every form that matters less has gone. */
const gone: PartForm = {segments: [], priority: Infinity};

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

/** live ● 14 up ✖ 1 down ? 7 unknown: three parts, the unknown count never dropped. */
function countParts(inputs: HeaderInputs): BarPart[] {
  const {model, snapshot, theme} = inputs;
  const {lang, glyphs} = theme;
  const counts = liveCounts(model, snapshot, inputs.sources ?? noLiveSources);
  const parts: BarPart[] = [
    {
      id: 'up',
      forms: [
        // The up count's words go before those of what is down or unknown.
        form(
          p.words - 1,
          {text: `  ${t(lang, 'header.live')} `},
          {
            text: `${glyphs.up} ${t(lang, 'header.up', {n: counts.up})}`,
            tone: 'ok',
          },
        ),
        form(p.figure, {text: `  ${glyphs.up} ${counts.up}`, tone: 'ok'}),
        gone,
      ],
    },
  ];
  if (counts.down > 0)
    parts.push({
      id: 'down',
      forms: [
        form(p.words, {
          text: ` ${glyphs.downLive} ${t(lang, 'header.down', {n: counts.down})}`,
          tone: 'bad',
        }),
        form(p.kept, {text: ` ${glyphs.downLive} ${counts.down}`, tone: 'bad'}),
      ],
    });
  if (counts.unknown > 0)
    parts.push({
      id: 'unknown',
      forms: [
        // Kept in words longest of the three: a bare "?" says little.
        form(p.words + 1, {
          text: ` ? ${t(lang, 'header.unknown', {n: counts.unknown})}`,
          tone: 'warn',
        }),
        form(p.kept, {text: ` ? ${counts.unknown}`, tone: 'warn'}),
      ],
    });
  return parts;
}

/** ⚠ 3 one failure from DOWN: shortened to its figure, gone only after all decoration. */
function oneFailurePart(inputs: HeaderInputs): BarPart | undefined {
  const {theme} = inputs;
  const n = inputs.oneFailureFromDown;
  if (n === 0) return undefined;
  const figure = n === undefined ? theme.glyphs.ellipsis : String(n);
  const tone = n === undefined ? 'dim' : 'warn';
  return {
    id: 'oneFailure',
    forms: [
      form(p.words, {
        text: `  ${theme.glyphs.warning} ${t(theme.lang, 'header.oneFailure', {n: figure})}`,
        tone,
      }),
      form(p.figure, {text: `  ${theme.glyphs.warning} ${figure}`, tone}),
      gone,
    ],
  };
}

/** ⏱ 1 SLOW: services over a latency budget now; kept as long as a figure is. */
function slowPart({model, snapshot, theme}: HeaderInputs): BarPart | undefined {
  const n = slowIn(model, snapshot).size;
  if (n === 0) return undefined;
  return {
    id: 'slow',
    forms: [form(p.figure, {text: `  ${t(theme.lang, 'header.slow', {n})}`, tone: 'warn'}), gone],
  };
}

/**
 * likely: zone KR-CA (+2 when it takes more failures): what an operator acts on, so it keeps its
 * figure, the first failure's id, until every piece of decoration has gone.
 */
function likelyPart({likely, model, theme}: HeaderInputs): BarPart | undefined {
  const first = likely?.[0];
  if (first === undefined) return undefined;
  const kind = model.components.get(first)?.kind;
  const name = kind && kind !== 'service' ? `${kindWord(theme.lang, kind)} ${first}` : first;
  const more =
    likely!.length > 1 ? ` ${t(theme.lang, 'header.more', {n: likely!.length - 1})}` : '';
  const say = (cause: string) => `  ${t(theme.lang, 'header.likely', {cause})}`;
  return {
    id: 'likely',
    forms: [
      // The kind's word goes early: a source's whole name matters more than "VM".
      form(p.sources + 1, {text: say(`${name}${more}`), tone: 'warn'}),
      // Below the figures it sits beside: at 60 columns it goes before the ⚠ count.
      form(p.figure - 1, {text: say(`${first}${more}`), tone: 'warn'}),
      gone,
    ],
  };
}

/**
 * ✖ STALE prometheus 2m for each source that failed, went stale or never answered: the names
 * cut before the list becomes a count, and the count is never dropped.
 */
function untrustedPart(live: LiveSources, theme: Theme): BarPart | undefined {
  const {lang, glyphs} = theme;
  const untrusted = untrustedSources(live);
  if (untrusted.length === 0) return undefined;
  const now = live.now ?? 0;
  const say = (cut: boolean): Segment[] =>
    untrusted.map(({source, freshness}) => {
      const name = cut ? truncate(source.name, 5, glyphs.ellipsis).trimEnd() : source.name;
      const text =
        freshness === 'never'
          ? t(lang, 'header.noData', {source: name})
          : t(lang, 'header.stale', {source: name, age: ageText(now - source.lastGood!)});
      return {text: `  ${glyphs.downLive} ${text}`, tone: 'bad'};
    });
  const counted = form(p.kept, {
    text: `  ${glyphs.downLive} ${t(lang, 'header.staleCount', {n: untrusted.length})}`,
    tone: 'bad',
  });
  return {
    id: 'untrusted',
    forms:
      untrusted.length === 1
        ? [form(p.names, ...say(false)), form(p.kept, ...say(true))]
        : [form(p.names, ...say(false)), form(p.figure, ...say(true)), counted],
  };
}

/** Sources' bad-line counts, then the healthy sources' last good times: detail, dropped early. */
function sourceDetailParts(live: LiveSources, theme: Theme): BarPart[] {
  const {lang} = theme;
  const warned: Segment[][] = [[], []];
  const healthy: Segment[][] = [[], []];
  const untrusted = new Set(untrustedSources(live).map(({source}) => source.name));
  for (const source of live.sources.values()) {
    if (source.badLines > 0)
      (['header.badLines', 'header.badLinesShort'] as const).forEach((key, i) =>
        warned[i]!.push({
          text: `  ${t(lang, key, {source: source.name, n: source.badLines})}`,
          tone: 'warn',
        }),
      );
    if (untrusted.has(source.name) || source.lastGood === undefined) continue;
    const clock = clockOf(source.lastGood);
    [clock, clock.slice(0, 5)].forEach((time, i) =>
      healthy[i]!.push({
        text: `  ${t(lang, 'header.sourceOk', {source: source.name, time})}`,
        tone: 'dim',
      }),
    );
  }
  const parts: BarPart[] = [];
  if (warned[0]!.length > 0)
    parts.push({
      id: 'badLines',
      // Said on the message line and in the sources pane too: gone before the topology's name.
      forms: [form(p.badLines, ...warned[0]!), form(p.badLines, ...warned[1]!), gone],
    });
  if (healthy[0]!.length > 0)
    parts.push({
      id: 'sources',
      forms: [form(p.sources, ...healthy[0]!), form(p.sources, ...healthy[1]!), gone],
    });
  return parts;
}

function simulatedPart(inputs: HeaderInputs): BarPart | undefined {
  const {model, snapshot, theme} = inputs;
  const {lang, glyphs} = theme;
  const simulated = [...snapshot.state.simulated];
  if (simulated.length === 0) return undefined;
  const first = simulated[0]!;
  const kind = model.components.get(first)?.kind;
  const more = simulated.length > 1 ? ` ${t(lang, 'header.more', {n: simulated.length - 1})}` : '';
  const name = kind ? `${kindWord(lang, kind)} ${first}` : first;
  return {
    id: 'simulated',
    forms: [
      form(p.words, {
        text: `  ${t(lang, 'header.sim')} ${glyphs.downSim} ${name}${more}`,
        tone: 'sim',
      }),
      form(p.detail, {text: `  ${glyphs.downSim} ${first}${more}`, tone: 'sim'}),
      gone,
    ],
  };
}

/**
 * The header as parts (see `BarPart`), in the order they are drawn:
 * failsight  shop-prod  2 DOWN · 1 DEGRADED · 14 OK  live ● 14 up ✖ 1 down ? 7 unknown
 * ⚠ 3 one failure from DOWN  1 SLOW  ✖ STALE prometheus 2m  sim ⚡ zone KR-CA  …  14:03:22.
 * A part of another kind is one more entry here, with its priorities.
 */
export function headerParts(inputs: HeaderInputs): BarPart[] {
  const {model, snapshot, theme} = inputs;
  const {lang} = theme;
  const parts: (BarPart | undefined)[] = [
    {id: 'brand', forms: [form(p.brand, {text: ' failsight ', tone: 'strong'}), gone]},
    {id: 'name', forms: [form(p.name, {text: ` ${model.name} `, tone: 'accent'}), gone]},
    {id: 'health', forms: [form(p.kept, healthOf(snapshot, theme))]},
  ];
  if (inputs.demo)
    parts.push({
      id: 'demo',
      forms: [form(p.detail, {text: `  ${t(lang, 'header.demo')}`, tone: 'warn'}), gone],
    });
  if (inputs.live) parts.push(...countParts(inputs));
  parts.push(oneFailurePart(inputs));
  parts.push(slowPart(inputs));
  if (inputs.live && inputs.sources) parts.push(untrustedPart(inputs.sources, theme));
  parts.push(likelyPart(inputs));
  parts.push(simulatedPart(inputs));
  if (inputs.readOnly)
    parts.push({
      id: 'readOnly',
      forms: [form(p.detail, {text: `  [${t(lang, 'header.readOnly')}]`, tone: 'warn'}), gone],
    });
  if (inputs.live && inputs.sources) parts.push(...sourceDetailParts(inputs.sources, theme));
  if (!inputs.live && !inputs.demo)
    parts.push({
      id: 'noLive',
      // Said by the missing live counts too: it gives way before the clock.
      forms: [form(p.sources, {text: `  ${t(lang, 'header.noLive')}`, tone: 'dim'}), gone],
    });
  return parts.filter((part): part is BarPart => part !== undefined);
}

/**
 * The header's text in `width` columns, and whether the clock keeps its `clockWidth` columns at
 * the end (drawn apart, so that its tick redraws only itself). The clock is the first thing a
 * narrow terminal gives up.
 */
export function headerLine(inputs: HeaderInputs): {segments: Segment[]; clock: boolean} {
  const clockPart: BarPart = {
    id: 'clock',
    forms: [form(p.clock, {text: ' '.repeat(clockWidth)}), gone],
  };
  const {segments, kept} = fitParts(
    [...headerParts(inputs), clockPart],
    inputs.width,
    inputs.theme.glyphs.ellipsis,
  );
  const clock = kept.has('clock');
  if (clock) segments.pop();
  const room = inputs.width - (clock ? clockWidth : 0);
  const used = segments.reduce((sum, s) => sum + widthOf(s.text), 0);
  return {segments: [...segments, {text: fit('', Math.max(0, room - used))}], clock};
}
