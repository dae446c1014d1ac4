import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import type {Theme} from '../theme.js';
import {truncate, widthOf} from '../text.js';

interface PanelProps {
  title: string;
  /** Shown at the right end of the top border, e.g. the scroll position. */
  aside?: string;
  width: number;
  height: number;
  focused?: boolean;
  theme: Theme;
  children: ReactNode;
}

/** A bordered box with its title set into the top border: ┌ Impact · zone KR-CA ──┐ */
export function Panel({title, aside, width, height, focused, theme, children}: PanelProps) {
  const {glyphs} = theme;
  const inner = width - 2;
  const end = aside ? ` ${aside} ` : '';
  const head = ` ${truncate(title, Math.max(0, inner - 2 - widthOf(end)), glyphs.ellipsis)} `;
  const rule = glyphs.rule.repeat(Math.max(0, inner - widthOf(head) - widthOf(end)));
  const borderStyle = focused && theme.color ? theme.style('accent') : {};
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate" {...borderStyle}>
        {glyphs.topLeft}
        <Text bold>{theme.printable(head)}</Text>
        {rule}
        {theme.printable(end)}
        {glyphs.topRight}
      </Text>
      <Box
        borderStyle={theme.border}
        borderTop={false}
        width={width}
        height={height - 1}
        flexDirection="column"
        overflow="hidden"
        {...(focused && theme.color ? {borderColor: 'cyan'} : {})}
      >
        {children}
      </Box>
    </Box>
  );
}
