import {Box} from 'ink';
import type {Segment} from '../segments.js';
import type {Theme} from '../theme.js';
import {fit, wrapWhole} from '../text.js';
import {scrollPosition} from './impact-window.js';
import {Line} from './line.js';
import type {Detail} from './list-detail.js';
import {Panel} from './panel.js';

/** Every line of a detail at `width` columns: each paragraph wrapped whole, at its indent. */
export function detailLines(detail: Detail, width: number): Segment[] {
  const lines: Segment[] = [];
  for (const {text, tone, indent = 0} of detail.lines)
    for (const part of wrapWhole(text, width - indent))
      lines.push({text: ' '.repeat(indent) + part, ...(tone ? {tone} : {})});
  return lines;
}

interface DetailPanelProps {
  lines: readonly Segment[];
  title: string;
  top: number;
  theme: Theme;
  width: number;
  height: number;
  focused: boolean;
}

/** One list entry read whole, wrapped; it scrolls when longer than the panel. */
export function DetailPanel({lines, title, top, theme, width, height, focused}: DetailPanelProps) {
  const inner = width - 2;
  const rows = Math.max(1, height - 2);
  const from = Math.max(0, Math.min(top, lines.length - rows));
  const aside = scrollPosition(from, rows, lines.length);
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
        {lines.slice(from, from + rows).map((line, position) => (
          <Line
            key={from + position}
            segments={[{...line, text: fit(line.text, inner, 'left', theme.glyphs.ellipsis)}]}
            theme={theme}
          />
        ))}
      </Box>
    </Panel>
  );
}
