import {Text} from 'ink';
import type {Segment} from '../segments.js';
import type {Theme} from '../theme.js';

/**
 * One screen line of toned segments; never wraps, so the frame height stays exact. Text goes
 * through the theme's guard: no control character reaches the terminal, and ASCII terminals get
 * ASCII only (no-break spaces, which keep "60 s" together when wrapping, become plain ones).
 */
export function Line({segments, theme}: {segments: readonly Segment[]; theme: Theme}) {
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
