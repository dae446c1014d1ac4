import type {LiveSources} from '../../core/live.js';
import {t} from '../../i18n/i18n.js';
import {clockOf, fit} from '../text.js';
import {entryText} from './live-text.js';
import {ListPanel, type ListPlace} from './list-panel.js';

interface EventsPanelProps extends ListPlace {
  live: LiveSources;
  now: number;
}

/** `e`: what the live sources reported, newest first, with times and how long things lasted. */
export function EventsPanel({live, now, ...place}: EventsPanelProps) {
  const {index, top, theme, width, height} = place;
  const {lang, glyphs} = theme;
  const shown = live.history.slice(top, top + Math.max(1, height - 2));
  const lines = shown.map((entry, position) => {
    const tone = entry.state === 'down' ? 'bad' : entry.state === 'up' ? 'ok' : 'warn';
    const mark = entry.state === 'down' ? glyphs.downLive : entry.state === 'up' ? glyphs.up : '?';
    const text = `${clockOf(entry.at)} ${mark} ${entryText(lang, entry, live, now)}`;
    return [
      {
        text: fit(text, width - 2, 'left', glyphs.ellipsis),
        tone,
        inverse: top + position === index,
      } as const,
    ];
  });
  return (
    <ListPanel
      title={t(lang, 'title.events')}
      place={place}
      count={live.history.length}
      empty={t(lang, 'events.empty')}
      lines={lines}
      items={shown.map((_, position) => top + position)}
    />
  );
}
