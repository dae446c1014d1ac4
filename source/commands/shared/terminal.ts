import chalk from 'chalk';
import {asciiOnly} from '../../ui/text.js';
import {isThemeName, type ThemeName} from '../../ui/themes/names.js';

export interface TerminalOptions {
  lang: 'en' | 'ko';
  ascii: boolean;
  color: boolean;
  /** The dashboard's palette; `mono` whenever colour is off. */
  theme: ThemeName;
  /** Clicks and the wheel (off with --no-mouse). */
  mouse: boolean;
}

type Env = Record<string, string | undefined>;

function locale(env: Env): string {
  return env['LC_ALL'] || env['LC_CTYPE'] || env['LANG'] || '';
}

/** Language, drawing and colour from flags first, then the environment (locale, NO_COLOR); ASCII wins over Korean. */
export function terminalOptions(
  flags: {
    lang?: string | undefined;
    ascii: boolean;
    color: boolean;
    theme?: string | undefined;
    mouse?: boolean;
  },
  env: Env,
  isTTY: boolean,
): TerminalOptions {
  const messages = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  const ascii = flags.ascii || !/utf-?8/i.test(locale(env));
  // Korean cannot be written in ASCII: a terminal that takes only ASCII gets English.
  const wanted =
    flags.lang === 'ko' || flags.lang === 'en' ? flags.lang : /^ko/i.test(messages) ? 'ko' : 'en';
  const lang = ascii ? 'en' : wanted;
  const noColor = env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '';
  const color = flags.color && !noColor && (isTTY || env['FORCE_COLOR'] !== undefined);
  if (!color) chalk.level = 0;
  // chalk's own guess says "no colour" whenever CI is set, even on a real terminal; the choice
  // here already weighed the flags, NO_COLOR and the terminal, so colour follows it.
  else if (chalk.level === 0) chalk.level = /256|truecolor/i.test(env['TERM'] ?? '') ? 2 : 1;
  const theme = !color ? 'mono' : flags.theme && isThemeName(flags.theme) ? flags.theme : 'dark';
  return {lang, ascii, color, theme, mouse: flags.mouse ?? true};
}

/** Where a printing command writes: with --ascii, reports are folded to ASCII (JSON is data, left whole). */
export function reportWriter(
  terminal: TerminalOptions,
  json: boolean,
  stdout: {write: (text: string) => unknown},
): (text: string) => void {
  if (terminal.ascii && !json) return (text) => void stdout.write(asciiOnly(text));
  return (text) => void stdout.write(text);
}
