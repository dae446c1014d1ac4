import {Box} from 'ink';
import type {HelpEntry} from '../keymap.js';
import {t} from '../i18n.js';
import type {Theme} from '../theme.js';
import {fit, widthOf} from '../text.js';
import {Line} from './line.js';
import {Panel} from './panel.js';

interface HelpOverlayProps {
  entries: readonly HelpEntry[];
  theme: Theme;
  width: number;
  height: number;
}

/** Every key from the keymap, in two columns, with the reason a key is off right now. */
export function HelpOverlay({entries, theme, width, height}: HelpOverlayProps) {
  const {lang} = theme;
  const rows = Math.max(1, height - 3);
  const columns = entries.length > rows ? 2 : 1;
  const columnWidth = Math.floor((width - 2) / columns);
  const keysWidth = Math.min(12, Math.max(...entries.map((entry) => widthOf(entry.keys))));
  const cell = (entry: HelpEntry | undefined) => {
    if (!entry) return [{text: ' '.repeat(columnWidth)}];
    const reason = entry.reason ? ` ${t(lang, 'help.disabled', {reason: entry.reason})}` : '';
    const body = fit(
      `${entry.label}${reason}`,
      columnWidth - keysWidth - 2,
      'left',
      theme.glyphs.ellipsis,
    );
    return [
      {
        text: ` ${fit(entry.keys, keysWidth)} `,
        tone: entry.reason ? ('dim' as const) : ('accent' as const),
      },
      {text: body, tone: entry.reason ? ('dim' as const) : ('plain' as const)},
    ];
  };
  const perColumn = Math.min(rows, Math.ceil(entries.length / columns));
  const lines = Array.from({length: perColumn}, (_, row) => [
    ...cell(entries[row]),
    ...(columns === 2 ? cell(entries[row + perColumn]) : []),
  ]);
  return (
    <Panel title={t(lang, 'title.help')} width={width} height={height} focused theme={theme}>
      <Box flexDirection="column" height={rows}>
        {lines.map((segments, index) => (
          <Line key={index} segments={segments} theme={theme} />
        ))}
      </Box>
      <Line
        segments={[{text: fit(` ${t(lang, 'help.hint')}`, width - 2), tone: 'dim'}]}
        theme={theme}
      />
    </Panel>
  );
}
