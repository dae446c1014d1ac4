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
  /**
   * This side has the keys (Tab): a heavy border, visible without colour, in the accent colour.
   * The one focus style of the screen: the tree, the impact panel and every list draw it here.
   */
  focused?: boolean;
  theme: Theme;
  children: ReactNode;
}

/** A bordered box with its title set into the top border: ┌ Impact · zone KR-CA ──┐ */
const heavy = {rule: '━', topLeft: '┏', topRight: '┓'};
const heavyAscii = {rule: '=', topLeft: '+', topRight: '+'};

export function Panel(props: PanelProps) {
  const {title, aside, width, height, focused, theme, children} = props;
  const glyphs = focused ? {...theme.glyphs, ...(theme.ascii ? heavyAscii : heavy)} : theme.glyphs;
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
      {/* Remounted when the style changes: Ink keeps the top border it once had otherwise.
          Clipped vertically only: lines are fitted to the panel already, and a horizontal clip
          makes Ink cut every line of every frame again (test/ui/panel.test.tsx). */}
      <Box
        key={focused ? 'heavy' : 'light'}
        borderStyle={focused && !theme.ascii ? 'bold' : theme.border}
        borderTop={false}
        width={width}
        height={height - 1}
        flexDirection="column"
        overflowY="hidden"
        {...(focused && theme.borderColour ? {borderColor: theme.borderColour} : {})}
      >
        {children}
      </Box>
    </Box>
  );
}
