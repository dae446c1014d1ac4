import {Box} from 'ink';
import type {HelpEntry} from '../keymap.js';
import {t} from '../i18n.js';
import type {Segment} from '../segments.js';
import type {Theme} from '../theme.js';
import {fit, widthOf, wrapWords} from '../text.js';
import {Line} from './line.js';
import {Panel} from './panel.js';

interface HelpOverlayProps {
  entries: readonly HelpEntry[];
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
  return wrapWords(`${entry.label}${reason}`, room).map((text, index) => [
    {
      text: ` ${fit(index === 0 ? entry.keys : '', keysWidth)} `,
      tone: dim ? 'dim' : 'accent',
    },
    {text: `${fit(text, room, 'left', theme.glyphs.ellipsis)} `, tone: dim ? 'dim' : 'plain'},
  ]);
}

/**
 * Every key from the keymap with the reason a key is off right now. Labels wrap rather than
 * being cut: one column when it fits the free rows, two when the screen is wide enough.
 */
export function helpLayout(
  entries: readonly HelpEntry[],
  theme: Theme,
  width: number,
  rows: number,
): Cell[] {
  const keysWidth = Math.max(0, ...entries.map((entry) => widthOf(entry.keys)));
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
  const chosen = layouts.find((layout) => layout.fits) ?? layouts[1]!;
  return chosen.lines.slice(0, rows);
}

export function HelpOverlay({entries, theme, width, height}: HelpOverlayProps) {
  const {lang} = theme;
  const rows = Math.max(1, height - 2);
  const lines = helpLayout(entries, theme, width - 2, rows);
  // How to close it is in the border: every row inside is for keys.
  return (
    <Panel
      title={t(lang, 'title.help')}
      aside={t(lang, 'help.hint')}
      width={width}
      height={height}
      theme={theme}
    >
      <Box flexDirection="column" height={rows}>
        {lines.map((segments, index) => (
          <Line key={index} segments={segments} theme={theme} />
        ))}
      </Box>
    </Panel>
  );
}
