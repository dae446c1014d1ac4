import type {LiveEntry, LiveSources} from '../../core/live.js';
import {shown as printable} from '../../core/live.js';
import {t} from '../../i18n/i18n.js';
import type {Lang} from '../../shared/types.js';

/** "6 min", "1 h 5 min", "under a minute". */
export function durationText(lang: Lang, ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return t(lang, 'duration.underMinute');
  if (minutes < 60) return t(lang, 'duration.minutes', {n: minutes});
  return t(lang, 'duration.hours', {h: Math.floor(minutes / 60), m: minutes % 60});
}

function hhmm(epochMs: number): string {
  const d = new Date(epochMs);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** Every source's reason for a down entry, "source: reason" each (escaped by the core). */
export function entryReasons(entry: LiveEntry): readonly string[] {
  if (entry.reasons) return entry.reasons;
  return entry.reason ? [entry.reason] : [];
}

/**
 * One arrival as the events pane says it: "KR-CA down since 14:02, 6 min" while it is still
 * down from that moment, else what it was then; then every source's reason.
 */
export function entryText(lang: Lang, entry: LiveEntry, live: LiveSources, now: number): string {
  return [entryHead(lang, entry, live, now), ...entryReasons(entry)].join(' · ');
}

/** The entry without its reasons: what happened to which component, and how long ago. */
export function entryHead(lang: Lang, entry: LiveEntry, live: LiveSources, now: number): string {
  const id = printable(entry.id);
  if (entry.state === 'down') {
    const still = live.downSince.get(entry.id) === entry.at;
    return still
      ? t(lang, 'events.downSince', {
          id,
          since: hhmm(entry.at),
          duration: durationText(lang, now - entry.at),
        })
      : t(lang, 'events.down', {id});
  }
  if (entry.state === 'up')
    return entry.downSince === undefined
      ? t(lang, 'events.up', {id})
      : t(lang, 'events.upAfter', {id, duration: durationText(lang, entry.at - entry.downSince)});
  return t(lang, 'events.unknown', {id});
}
