import {Text} from 'ink';
import {memo} from 'react';
import {sameSegments, type Segment} from '../segments.js';
import type {Theme} from '../theme.js';

interface LineProps {
  segments: readonly Segment[];
  theme: Theme;
}

/**
 * One screen line of toned segments; never wraps, so the frame height stays exact. Text goes
 * through the theme's guard: no control character reaches the terminal, and ASCII terminals get
 * ASCII only (no-break spaces, which keep "60 s" together when wrapping, become plain ones).
 */
function LineText({segments, theme}: LineProps) {
  return (
    <Text wrap="truncate">
      {segments.map((segment, index) => (
        <Text
          key={index}
          {...theme.style(segment.tone ?? 'plain')}
          inverse={segment.inverse ?? false}
          {...(segment.underline ? {underline: true} : {})}
        >
          {theme.printable(segment.text)}
        </Text>
      ))}
    </Text>
  );
}

/** A line renders again only when what it shows changed: most of a frame stays as it was. */
export const Line = memo(
  LineText,
  (before, after) => before.theme === after.theme && sameSegments(before.segments, after.segments),
);
