import type {TextStyle, Tone} from './tones.js';
import type {ThemeName} from './names.js';

/**
 * Each theme's style of every tone. States never rest on colour alone: each has its word or
 * glyph (● ◐ ✖ ⚡, OK DEGRADED DOWN), so `mono` tells them apart too.
 */
const dark: Record<Tone, TextStyle> = {
  ok: {color: 'green'},
  warn: {color: 'yellow', bold: true},
  bad: {color: 'red', bold: true},
  sim: {color: 'magenta', bold: true},
  would: {color: 'blue'},
  dim: {dimColor: true},
  accent: {color: 'cyan'},
  strong: {bold: true},
  plain: {},
};

/** A white background: no yellow or cyan, which vanish on it; weight keeps warnings apart. */
const light: Record<Tone, TextStyle> = {
  ok: {color: 'green'},
  warn: {color: 'magenta', bold: true},
  bad: {color: 'red', bold: true},
  sim: {color: 'blue', bold: true},
  would: {color: 'blue'},
  dim: {dimColor: true},
  accent: {color: 'blue'},
  strong: {bold: true},
  plain: {},
};

/** A projector or tired eyes: bright colours, bold, nothing dimmed; outages inverted. */
const highContrast: Record<Tone, TextStyle> = {
  ok: {color: 'greenBright', bold: true},
  warn: {color: 'yellowBright', bold: true},
  bad: {color: 'redBright', bold: true, inverse: true},
  sim: {color: 'magentaBright', bold: true, inverse: true},
  would: {color: 'cyanBright', bold: true},
  dim: {},
  accent: {color: 'cyanBright', bold: true},
  strong: {bold: true},
  plain: {},
};

/** Without colour, states stay apart through words and glyphs; only weight remains. */
const mono: Record<Tone, TextStyle> = {
  ok: {},
  warn: {bold: true},
  bad: {bold: true},
  sim: {bold: true},
  would: {},
  dim: {},
  accent: {},
  strong: {bold: true},
  plain: {},
};

export const palettes: Record<ThemeName, Record<Tone, TextStyle>> = {
  dark,
  light,
  'high-contrast': highContrast,
  mono,
};

/** The colour a focused panel's border takes. */
export const borderColours: Record<ThemeName, string | undefined> = {
  dark: 'cyan',
  light: 'blue',
  'high-contrast': 'cyanBright',
  mono: undefined,
};
