import chalk from 'chalk';

export interface TerminalOptions {
  lang: 'en' | 'ko';
  ascii: boolean;
  color: boolean;
}

type Env = Record<string, string | undefined>;

function locale(env: Env): string {
  return env['LC_ALL'] || env['LC_CTYPE'] || env['LANG'] || '';
}

/** Language, drawing and colour from flags first, then the environment (locale, NO_COLOR); ASCII wins over Korean. */
export function terminalOptions(
  flags: {lang?: string | undefined; ascii: boolean; color: boolean},
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
  return {lang, ascii, color};
}
