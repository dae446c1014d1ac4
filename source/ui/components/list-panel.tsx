import {Box} from 'ink';
import {useEffect} from 'react';
import type {Segment} from '../segments.js';
import type {Theme} from '../theme.js';
import {fit} from '../text.js';
import {Line} from './line.js';
import {Panel} from './panel.js';

/**
 * The item each line inside a list panel's border shows, from its first line down (undefined: a
 * heading, a note, a blank line). Told by the panel as it draws, so a click selects what it hit.
 */
export type RowItems = readonly (number | undefined)[];

/** What every list panel takes from the side panel: where its cursor stands, and its room. */
export interface ListPlace {
  index: number;
  top: number;
  theme: Theme;
  width: number;
  height: number;
  focused: boolean;
  /** Told which item each drawn line shows, after each frame. */
  onRows?: ((rows: RowItems) => void) | undefined;
}

/** A list panel tells which item each of its drawn lines shows, once the frame is drawn. */
export function useRowItems(place: Pick<ListPlace, 'onRows'>, rows: RowItems): void {
  const {onRows} = place;
  useEffect(() => onRows?.(rows));
}

interface ListPanelProps {
  title: string;
  place: ListPlace;
  /** How many entries the list has: the border says where the cursor stands among them. */
  count: number;
  /** Said, dimmed, when the list is empty. */
  empty: string;
  /** The lines to draw, fitted to the panel's inner width; those past its room are not drawn. */
  lines: readonly Segment[][];
  /** The item each line shows, line for line (undefined: a heading or a note). */
  items: RowItems;
}

/** The frame of a list: its title, the cursor's position in the border, an empty line or rows. */
export function ListPanel({title, place, count, empty, lines, items}: ListPanelProps) {
  const {index, theme, width, height, focused} = place;
  const rows = Math.max(1, height - 2);
  const aside = count > 1 ? `${index + 1}/${count}` : undefined;
  const shown: readonly Segment[][] =
    count === 0
      ? [[{text: fit(empty, width - 2, 'left', theme.glyphs.ellipsis), tone: 'dim'}]]
      : lines.slice(0, rows);
  useRowItems(place, count === 0 ? [] : items.slice(0, rows));
  return (
    <Panel
      title={title}
      {...(aside ? {aside} : {})}
      width={width}
      height={height}
      focused={focused}
      theme={theme}
    >
      <Box flexDirection="column" height={rows}>
        {shown.map((segments, row) => (
          <Line key={row} segments={segments} theme={theme} />
        ))}
      </Box>
    </Panel>
  );
}
