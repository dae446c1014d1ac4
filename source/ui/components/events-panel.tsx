import {Box} from 'ink';
import type {LiveSources} from '../../core/live.js';
import {t} from '../i18n.js';
import type {Theme} from '../theme.js';
import {clockOf, fit} from '../text.js';
import {Line} from './line.js';
import {entryText} from './live-text.js';
import {Panel} from './panel.js';

interface EventsPanelProps {
  live: LiveSources;
  now: number;
  index: number;
  top: number;
  theme: Theme;
  width: number;
  height: number;
}

/** `e`: what the live sources reported, newest first, with times and how long things lasted. */
export function EventsPanel({live, now, index, top, theme, width, height}: EventsPanelProps) {
  const {lang, glyphs} = theme;
  const inner = width - 2;
  const rows = Math.max(1, height - 2);
  const shown = live.history.slice(top, top + rows);
  const aside = live.history.length > rows ? `${index + 1}/${live.history.length}` : undefined;
  return (
    <Panel
      title={t(lang, 'title.events')}
      {...(aside ? {aside} : {})}
      width={width}
      height={height}
      focused
      theme={theme}
    >
      <Box flexDirection="column" height={rows}>
        {shown.length === 0 ? (
          <Line
            segments={[{text: fit(t(lang, 'events.empty'), inner), tone: 'dim'}]}
            theme={theme}
          />
        ) : (
          shown.map((entry, position) => {
            const tone = entry.state === 'down' ? 'bad' : entry.state === 'up' ? 'ok' : 'warn';
            const mark =
              entry.state === 'down' ? glyphs.downLive : entry.state === 'up' ? glyphs.up : '?';
            const text = `${clockOf(entry.at)} ${mark} ${entryText(lang, entry, live, now)}`;
            return (
              <Line
                key={`${top + position}`}
                segments={[
                  {
                    text: fit(text, inner, 'left', glyphs.ellipsis),
                    tone,
                    inverse: top + position === index,
                  },
                ]}
                theme={theme}
              />
            );
          })
        )}
      </Box>
    </Panel>
  );
}
