import {Box} from 'ink';
import {useEffect, useState} from 'react';
import type {Improvement} from '../../core/improvement.js';
import type {Model} from '../../core/model.js';
import {t} from '../../i18n/i18n.js';
import type {Segment} from '../segments.js';
import type {Theme} from '../theme.js';
import {fit, widthOf, wrapWords} from '../text.js';
import type {AvailabilityOf} from '../../shared/types.js';
import {Line} from './line.js';
import {useRowItems, type ListPlace} from './list-panel.js';
import {Panel} from './panel.js';
import {minutes, percent} from '../../core/format.js';

interface AvailabilityPanelProps extends Pick<ListPlace, 'onRows'> {
  model: Model;
  availabilityOf: AvailabilityOf | undefined;
  index: number;
  top: number;
  theme: Theme;
  width: number;
  height: number;
  /** It has the keys; Tab gives them to the tree while it stays open. */
  focused: boolean;
}

/** Estimates per estimator and model, kept across openings of the panel; null: it failed. */
type Estimated = ReturnType<AvailabilityOf>;
const estimated = new WeakMap<AvailabilityOf, WeakMap<Model, Map<string, Estimated | null>>>();

function cacheOf(availabilityOf: AvailabilityOf, model: Model) {
  let perModel = estimated.get(availabilityOf);
  if (!perModel) estimated.set(availabilityOf, (perModel = new WeakMap()));
  let cache = perModel.get(model);
  if (!cache) perModel.set(model, (cache = new Map()));
  return cache;
}

/** Time given to estimates between two frames, so keys stay answered while they fill in. */
const sliceMs = 50;
/** Longer than one frame at Ink's 30 fps: the panel shows before the first estimate runs. */
const afterFrameMs = 40;

/**
 * "most gained by making lb-app redundant: 99.62% → 99.95%": the selected service's first
 * improvement, from the core's ranking; blank while its estimate is not in, or nothing gains.
 */
function gainLines(
  estimate: Estimated | null | undefined,
  theme: Theme,
  width: number,
): Segment[][] {
  let first: Improvement | undefined;
  try {
    first = estimate?.improvement?.()[0];
  } catch {
    first = undefined;
  }
  const text = first
    ? t(theme.lang, 'avail.gain', {
        id: first.id,
        up: percent(first.up),
        perfect: percent(first.upIfPerfect),
        arrow: theme.glyphs.arrow,
      })
    : '';
  const lines = wrapWords(text, width).slice(0, gainRows);
  while (lines.length < gainRows) lines.push('');
  return lines.map((line) => [
    {text: fit(line, width, 'left', theme.glyphs.ellipsis), tone: 'accent'},
  ]);
}

const gainRows = 2;

/**
 * Per-service availability from per-kind figures: P(OK), P(not DOWN), downtime per year.
 * The panel opens at once; the rows on screen are estimated after it is drawn, a slice at a
 * time, each once per model.
 */
export function AvailabilityPanel(props: AvailabilityPanelProps) {
  const {model, availabilityOf, index, top, theme, width, height} = props;
  const {lang, glyphs} = theme;
  const inner = width - 2;
  // Two lines under the rows: what the selected service would gain most from.
  const rows = Math.max(0, height - 4 - gainRows);
  const [, setFilled] = useState(0);
  const cache = availabilityOf ? cacheOf(availabilityOf, model) : undefined;
  const shown = model.services.slice(top, top + rows);
  const missing = cache ? shown.filter((service) => !cache.has(service.id)) : [];
  useEffect(() => {
    if (!cache || !availabilityOf || missing.length === 0) return;
    const timer = setTimeout(() => {
      const started = performance.now();
      for (const service of missing) {
        if (performance.now() - started > sliceMs) break;
        try {
          cache.set(service.id, availabilityOf(service.id, model));
        } catch {
          // One service the estimator cannot handle leaves its row blank, not the screen broken.
          cache.set(service.id, null);
        }
      }
      setFilled((count) => count + 1);
    }, afterFrameMs);
    return () => clearTimeout(timer);
  });
  const estimates = shown.map((service) => cache?.get(service.id));
  const nameWidth = Math.max(8, ...shown.map((service) => widthOf(service.id)));
  const columns = [t(lang, 'avail.ok'), t(lang, 'avail.up'), t(lang, 'avail.downtime')];
  const widths = [9, 9, 7];
  const cell = (text: string, index: number) => ` ${fit(text, widths[index]!, 'right')}`;
  // The columns' heading, then the services shown.
  useRowItems(props, availabilityOf ? [undefined, ...shown.map((_, at) => top + at)] : []);
  const heading = fit(` ${fit('', nameWidth)}${columns.map(cell).join('')}`, inner);
  const line = (position: number): Segment[] => {
    const service = shown[position]!;
    const estimate = estimates[position];
    const cursor = top + position === index ? glyphs.cursor : ' ';
    const figures =
      estimate === undefined
        ? ` ${t(lang, 'panel.computing')}`
        : estimate
          ? [percent(estimate.ok), percent(estimate.up), minutes(estimate.downtimeMinutesPerYear)]
              .map(cell)
              .join('') + ` ${t(lang, estimate.exact ? 'avail.exact' : 'avail.approx')}`
          : '';
    const text = fit(
      `${cursor}${fit(service.id, nameWidth)}${figures}`,
      inner,
      'left',
      glyphs.ellipsis,
    );
    return [{text, inverse: top + position === index}];
  };
  return (
    <Panel
      title={t(lang, 'title.availability')}
      width={width}
      height={height}
      focused={props.focused}
      theme={theme}
    >
      {availabilityOf ? (
        <Box flexDirection="column" height={rows + 1 + gainRows}>
          <Line segments={[{text: heading, tone: 'dim'}]} theme={theme} />
          <Box flexDirection="column" height={rows}>
            {shown.map((service, position) => (
              <Line key={service.id} segments={line(position)} theme={theme} />
            ))}
          </Box>
          {gainLines(cache?.get(model.services[index]?.id ?? ''), theme, inner).map(
            (segments, at) => (
              <Line key={`gain:${at}`} segments={segments} theme={theme} />
            ),
          )}
        </Box>
      ) : (
        <Box height={rows + 1 + gainRows}>
          <Line
            segments={[{text: fit(t(lang, 'avail.missing'), inner), tone: 'dim'}]}
            theme={theme}
          />
        </Box>
      )}
      <Line segments={[{text: fit(t(lang, 'avail.hint'), inner), tone: 'dim'}]} theme={theme} />
    </Panel>
  );
}
