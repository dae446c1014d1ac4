import {say, t} from '../../i18n/i18n.js';
import {keysOf} from '../keymap.js';
import {announcementText} from './announcement-text.js';
import type {DashboardState} from '../state/types.js';
import type {Tone} from '../theme.js';
import type {Lang} from '../../shared/types.js';

export interface MessageText {
  text: string;
  tone: Tone;
}

/** The message line: the filter being typed, else the last result, the demo's story, a hint. */
export function messageOf(
  state: DashboardState,
  lang: Lang,
  warnings: readonly string[],
): MessageText {
  if (state.filter.editing)
    return {text: `/${state.filter.text}█   ${t(lang, 'filter.hint')}`, tone: 'accent'};
  if (state.notice) {
    const tone: Tone =
      state.notice.tone === 'error' ? 'bad' : state.notice.tone === 'warn' ? 'warn' : 'plain';
    const unchanged = state.notice.cloudUnchanged ? ` ${t(lang, 'msg.cloudUnchanged')}` : '';
    const said = state.notice.announcement;
    return {
      text: (said ? announcementText(lang, said) : say(lang, state.notice)) + unchanged,
      tone,
    };
  }
  if (warnings.length > 0)
    return {text: t(lang, 'msg.warnings', {n: warnings.length, first: warnings[0]!}), tone: 'warn'};
  if (state.journal.seq === 0)
    return state.demo
      ? {text: t(lang, 'msg.welcomeDemo'), tone: 'dim'}
      : {text: t(lang, 'msg.welcome', {fail: keysOf('fail'), help: keysOf('help')}), tone: 'dim'};
  return {text: '', tone: 'plain'};
}

/** The demo's narration for its banner: "[2/7] Zone KR-CA fails: …", with (paused). */
export function narrationOf(state: DashboardState, lang: Lang): string | undefined {
  const story = state.story;
  if (!story) return undefined;
  const pause = story.paused ? ` (${t(lang, 'demo.paused')})` : '';
  return `[${story.step + 1}/${story.count}]${pause} ${say(lang, story.narration)}`;
}
