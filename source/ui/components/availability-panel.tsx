import {Box} from 'ink';
import {useMemo} from 'react';
import type {Model} from '../../core/model.js';
import {t} from '../i18n.js';
import type {Segment} from '../segments.js';
import type {Theme} from '../theme.js';
import {fit, widthOf} from '../text.js';
import type {AvailabilityEstimate, AvailabilityOf} from '../types.js';
import {Line} from './line.js';
import {Panel} from './panel.js';

interface AvailabilityPanelProps {
  model: Model;
  availabilityOf: AvailabilityOf | undefined;
  index: number;
  top: number;
  theme: Theme;
  width: number;
  height: number;
  /** It has the keys; Tab gives them to the tree while it stays open. */
  focused?: boolean;
}

export function percent(probability: number): string {
  return `${(probability * 100).toFixed(4)}%`;
}

function minutes(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

/** Per-service availability from per-kind figures: P(OK), P(not DOWN), downtime per year. */
export function AvailabilityPanel(props: AvailabilityPanelProps) {
  const {model, availabilityOf, index, top, theme, width, height} = props;
  const {lang, glyphs} = theme;
  const inner = width - 2;
  const rows = Math.max(0, height - 4);
  const cache = useMemo(() => new Map<string, AvailabilityEstimate>(), [model, availabilityOf]);
  const shown = model.services.slice(top, top + rows);
  const estimates = shown.map((service) => {
    let estimate = cache.get(service.id);
    if (!estimate && availabilityOf) {
      try {
        estimate = availabilityOf(service.id, model);
        cache.set(service.id, estimate);
      } catch {
        // One service the estimator cannot handle leaves its row blank, not the screen broken.
      }
    }
    return estimate;
  });
  const nameWidth = Math.max(8, ...shown.map((service) => widthOf(service.id)));
  const columns = [t(lang, 'avail.ok'), t(lang, 'avail.up'), t(lang, 'avail.downtime')];
  const widths = [9, 9, 7];
  const cell = (text: string, index: number) => ` ${fit(text, widths[index]!, 'right')}`;
  const heading = fit(` ${fit('', nameWidth)}${columns.map(cell).join('')}`, inner);
  const line = (position: number): Segment[] => {
    const service = shown[position]!;
    const estimate = estimates[position];
    const cursor = top + position === index ? glyphs.cursor : ' ';
    const figures = estimate
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
      focused={props.focused ?? true}
      theme={theme}
    >
      {availabilityOf ? (
        <Box flexDirection="column" height={rows + 1}>
          <Line segments={[{text: heading, tone: 'dim'}]} theme={theme} />
          {shown.map((service, position) => (
            <Line key={service.id} segments={line(position)} theme={theme} />
          ))}
        </Box>
      ) : (
        <Box height={rows + 1}>
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
