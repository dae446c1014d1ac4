import {Box, Text} from 'ink';
import {useEffect, useMemo} from 'react';
import {useClock} from '../use/use-clock.js';
import type {KeyHint} from '../keymap.js';
import type {Segment} from '../segments.js';
import type {Theme, Tone} from '../theme.js';
import type {PaintCells} from '../../shared/types.js';
import {fit, widthOf, wrapWords} from '../text.js';
import {clockText, clockWidth, headerLine, type HeaderInputs} from './header-text.js';
import {Line} from './line.js';

interface HeaderProps extends HeaderInputs {
  /** The clock to show and how often it ticks (0: only when the header is drawn anyway). */
  clock: () => number;
  tickMs: number;
  paintCells?: PaintCells | undefined;
}

export function Header(props: HeaderProps) {
  const {model, snapshot, live, sources, oneFailureFromDown, readOnly, demo, theme, width, likely} =
    props;
  const {segments, clock} = useMemo(
    () =>
      headerLine({
        model,
        snapshot,
        live,
        ...(sources ? {sources} : {}),
        oneFailureFromDown,
        readOnly,
        demo,
        theme,
        width,
        likely,
      }),
    [model, snapshot, live, sources, oneFailureFromDown, readOnly, demo, theme, width, likely],
  );
  return (
    <Box width={width}>
      <Box width={width - (clock ? clockWidth : 0)}>
        <Line segments={segments} theme={theme} />
      </Box>
      {clock && (
        <Clock
          clock={props.clock}
          tickMs={props.tickMs}
          theme={theme}
          paint={props.paintCells}
          column={width - clockWidth}
        />
      )}
    </Box>
  );
}

interface ClockProps {
  clock: () => number;
  tickMs: number;
  theme: Theme;
  /** With a painter, ticks write the clock's ten cells directly and nothing re-renders. */
  paint?: PaintCells | undefined;
  column: number;
}

/** The only part of the screen that changes by itself: a tick redraws this one Text. */
export function Clock({clock, tickMs, theme, paint, column}: ClockProps) {
  const now = useClock(clock, paint ? 0 : tickMs);
  const dim = theme.style('dim').dimColor === true;
  useEffect(() => {
    if (!paint || tickMs <= 0) return;
    const timer = setInterval(() => paint(0, column, clockText(clock()), {dim}), tickMs);
    return () => clearInterval(timer);
  }, [paint, tickMs, clock, column, dim]);
  return (
    <Text wrap="truncate" {...theme.style('dim')}>
      {clockText(now)}
    </Text>
  );
}

const piece = (hint: KeyHint): Segment[] => [
  {text: ` ${hint.keys}`, tone: 'accent'},
  {text: ` ${hint.label} `},
];

const widthOfHint = (hint: KeyHint) => widthOf(` ${hint.keys}`) + widthOf(` ${hint.label} `);

/**
 * The hints that fit in `width`, most important first (lowest rank; the table's order breaks
 * ties), shown in the table's order.
 */
export function fittingHints(hints: readonly KeyHint[], width: number): KeyHint[] {
  const byRank = hints
    .map((hint, order) => ({hint, order}))
    .sort((a, b) => a.hint.rank - b.hint.rank || a.order - b.order);
  let room = width;
  const kept = new Set<number>();
  for (const {hint, order} of byRank) {
    const w = widthOfHint(hint);
    if (w > room) continue;
    kept.add(order);
    room -= w;
  }
  return hints.filter((_, order) => kept.has(order));
}

/** The keys that apply now; when they do not all fit, the least useful now give way. */
export function Footer({
  hints,
  theme,
  width,
}: {
  hints: readonly KeyHint[];
  theme: Theme;
  width: number;
}) {
  const shown = fittingHints(hints, width);
  const used = shown.reduce((sum, hint) => sum + widthOfHint(hint), 0);
  return (
    <Line
      segments={[...shown.flatMap(piece), {text: fit('', Math.max(0, width - used))}]}
      theme={theme}
    />
  );
}

/** What just happened: a result, a refusal with its reason, or the demo's story. */
export function MessageLine(props: {
  text: string;
  tone: Tone;
  theme: Theme;
  width: number;
  rows: number;
}) {
  const {text, tone, theme, width, rows} = props;
  const wrapped = rows > 1 ? wrapWords(text, width - 1) : [text];
  const lines = Array.from({length: rows}, (_, index) => wrapped[index] ?? '');
  if (wrapped.length > rows)
    lines[rows - 1] = `${lines[rows - 1]} ${wrapped.slice(rows).join(' ')}`;
  return (
    <Box flexDirection="column">
      {lines.map((line, index) => (
        <Line
          key={index}
          segments={[{text: fit(` ${line}`, width, 'left', theme.glyphs.ellipsis), tone}]}
          theme={theme}
        />
      ))}
    </Box>
  );
}

/** The demo's story, bold on a bar of its own under the header: read from across a room. */
export function Banner(props: {text: string; theme: Theme; width: number; rows: number}) {
  const {text, theme, width, rows} = props;
  const wrapped = wrapWords(text, width - 2);
  const lines = Array.from({length: rows}, (_, index) => wrapped[index] ?? '');
  if (wrapped.length > rows)
    lines[rows - 1] = fit(
      `${lines[rows - 1]} ${wrapped.slice(rows).join(' ')}`,
      width - 2,
      'left',
      theme.glyphs.ellipsis,
    );
  return (
    <Box flexDirection="column">
      {lines.map((line, index) => (
        <Line
          key={index}
          segments={[{text: fit(` ${line}`, width), tone: 'strong', inverse: theme.color}]}
          theme={theme}
        />
      ))}
    </Box>
  );
}
