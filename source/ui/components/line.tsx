import chalk from 'chalk';
import {Text} from 'ink';
import {memo} from 'react';
import {sameSegments, type Segment} from '../segments.js';
import type {TextStyle, Theme} from '../theme.js';

interface LineProps {
  segments: readonly Segment[];
  theme: Theme;
}

/**
 * A segment in its style, as Ink's Text would style it (dim, colour, bold, underline, inverse,
 * in that order), so the line is one Text: a frame of the dashboard holds some hundreds of
 * segments, and drawn as a Text each they made up most of the elements of the first frame.
 */
function styled(text: string, style: TextStyle, segment: Segment): string {
  let out = text;
  if (style.dimColor) out = chalk.dim(out);
  if (style.color) out = chalk[style.color](out);
  if (style.bold) out = chalk.bold(out);
  if (segment.underline) out = chalk.underline(out);
  if (segment.inverse || style.inverse) out = chalk.inverse(out);
  return out;
}

/**
 * One screen line of toned segments; never wraps, so the frame height stays exact. Text goes
 * through the theme's guard: no control character reaches the terminal, and ASCII terminals get
 * ASCII only (no-break spaces, which keep "60 s" together when wrapping, become plain ones).
 */
function LineText({segments, theme}: LineProps) {
  let text = '';
  for (const segment of segments)
    text += styled(theme.printable(segment.text), theme.style(segment.tone ?? 'plain'), segment);
  return <Text wrap="truncate">{text}</Text>;
}

/** A line renders again only when what it shows changed: most of a frame stays as it was. */
export const Line = memo(
  LineText,
  (before, after) => before.theme === after.theme && sameSegments(before.segments, after.segments),
);
