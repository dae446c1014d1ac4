import {Box} from 'ink';
import type {HelpEntry} from '../keymap.js';
import {t} from '../../i18n/i18n.js';
import type {Segment} from '../segments.js';
import type {Theme} from '../theme.js';
import {fit, widthOf, wrapWords} from '../text.js';
import {Line} from './line.js';
import {Panel} from './panel.js';

interface HelpOverlayProps {
  entries: readonly HelpEntry[];
  /** The first entry shown when the help does not fit the screen. */
  top: number;
  theme: Theme;
  width: number;
  height: number;
}

type Cell = Segment[];

/** One entry as lines of `width` columns: the keys, then the label wrapped beside them. */
function entryLines(entry: HelpEntry, keysWidth: number, width: number, theme: Theme): Cell[] {
  const reason = entry.reason ? ` ${t(theme.lang, 'help.disabled', {reason: entry.reason})}` : '';
  // A space on each side of the keys and one after the label, between the columns.
  const room = Math.max(1, width - keysWidth - 3);
  const dim = entry.reason !== undefined;
  const commands = entry.commands ? ` ${entry.commands.join(' ')}` : '';
  return wrapWords(`${entry.label}${commands}${reason}`, room).map((text, index) => [
    {
      text: ` ${fit(index === 0 ? entry.keys : '', keysWidth)} `,
      tone: dim ? 'dim' : 'accent',
    },
    {text: `${fit(text, room, 'left', theme.glyphs.ellipsis)} `, tone: dim ? 'dim' : 'plain'},
  ]);
}

/** The help's lines, and which entries they show: all of them, or a run from `top` on. */
export interface HelpPage {
  lines: Cell[];
  first: number;
  last: number;
  total: number;
}

/**
 * Every key from the keymap with the reason a key is off right now, and its `:` command when
 * the screen has room for them (else Tab on an empty `:` line lists the commands). Labels wrap
 * rather than being cut: one column when it fits the free rows, two when the screen is wide
 * enough. When neither fits, one column from entry `top` on, which ↑↓ and PgUp/PgDn move.
 */
export function helpLayout(
  entries: readonly HelpEntry[],
  theme: Theme,
  width: number,
  rows: number,
  top = 0,
): HelpPage {
  const withCommands = paged(entries, theme, width, rows, top);
  if (withCommands.first === 0 && withCommands.last === withCommands.total) return withCommands;
  const keysOnly = entries.map(({commands: _commands, ...entry}) => entry);
  return paged(keysOnly, theme, width, rows, top);
}

function paged(
  entries: readonly HelpEntry[],
  theme: Theme,
  width: number,
  rows: number,
  top: number,
): HelpPage {
  const keysWidth = Math.max(0, ...entries.map((entry) => widthOf(entry.keys)));
  const total = entries.length;
  const layouts = [1, 2].map((columns) => {
    const columnWidth = Math.floor(width / columns);
    const blocks = entries.map((entry) => entryLines(entry, keysWidth, columnWidth, theme));
    // Fill column by column; an entry never splits across columns.
    const filled: Cell[][] = Array.from({length: columns}, () => []);
    let column = 0;
    for (const block of blocks) {
      if (filled[column]!.length + block.length > rows && column < columns - 1) column++;
      filled[column]!.push(...block);
    }
    const tallest = Math.max(...filled.map((lines) => lines.length));
    const blank: Cell = [{text: ' '.repeat(columnWidth)}];
    const lines: Cell[] = Array.from({length: tallest}, (_, row) =>
      filled.flatMap((column) => column[row] ?? blank),
    );
    return {lines, fits: tallest <= rows};
  });
  const whole = layouts.find((layout) => layout.fits);
  if (whole) return {lines: whole.lines, first: 0, last: total, total};
  const first = Math.max(0, Math.min(top, total - 1));
  const lines: Cell[] = [];
  let last = first;
  for (const entry of entries.slice(first)) {
    const block = entryLines(entry, keysWidth, width, theme);
    // An entry is shown whole or not at all, but the first always shows.
    if (lines.length + block.length > rows && last > first) break;
    lines.push(...block);
    last++;
  }
  return {lines: lines.slice(0, rows), first, last, total};
}

export function HelpOverlay({entries, top, theme, width, height}: HelpOverlayProps) {
  const {lang} = theme;
  const rows = Math.max(1, height - 2);
  const page = helpLayout(entries, theme, width - 2, rows, top);
  // How to close it is in the border, and where the page stands when not all of it shows.
  const position =
    page.first === 0 && page.last === page.total
      ? ''
      : `${page.first + 1}-${page.last}/${page.total} `;
  return (
    <Panel
      title={t(lang, 'title.help')}
      aside={`${position}${t(lang, 'help.hint')}`}
      width={width}
      height={height}
      theme={theme}
    >
      <Box flexDirection="column" height={rows}>
        {page.lines.map((segments, index) => (
          <Line key={index} segments={segments} theme={theme} />
        ))}
      </Box>
    </Panel>
  );
}
