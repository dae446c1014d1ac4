import type {Status} from '../core/capacity.js';
import {screenText} from './text.js';
import type {Look} from './types.js';

export interface Glyphs {
  open: string;
  closed: string;
  leaf: string;
  cursor: string;
  up: string;
  partial: string;
  downLive: string;
  downSim: string;
  standby: string;
  promoted: string;
  dot: string;
  ellipsis: string;
  arrow: string;
  rule: string;
  topLeft: string;
  topRight: string;
  /** Before what is one failure from DOWN. */
  warning: string;
  /** A target met, and one missed (a recovery time against its rto). */
  met: string;
  missed: string;
}

const unicode: Glyphs = {
  open: '▾',
  closed: '▸',
  leaf: ' ',
  cursor: '›',
  up: '●',
  partial: '◐',
  downLive: '✖',
  downSim: '⚡',
  standby: '○',
  promoted: '▲',
  dot: ' · ',
  ellipsis: '…',
  arrow: '→',
  rule: '─',
  topLeft: '┌',
  topRight: '┐',
  warning: '⚠',
  met: '✓',
  missed: '✗',
};

/** Plain ASCII for terminals that are not UTF-8: nothing beyond 0x7e. */
const ascii: Glyphs = {
  open: '-',
  closed: '+',
  leaf: ' ',
  cursor: '>',
  up: '*',
  partial: '~',
  downLive: 'X',
  downSim: '!',
  standby: 'o',
  promoted: '^',
  dot: ', ',
  ellipsis: '~',
  arrow: '->',
  rule: '-',
  topLeft: '+',
  topRight: '+',
  warning: '!',
  met: 'ok',
  missed: 'over',
};

/** `would`: what a preview says would happen, drawn apart from real outages (`bad`). */
export type Tone = 'ok' | 'warn' | 'bad' | 'sim' | 'would' | 'dim' | 'accent' | 'strong' | 'plain';

/** The colours the tones use: names both Ink's Text and chalk take. */
export type Colour = 'green' | 'yellow' | 'red' | 'magenta' | 'blue' | 'cyan';

export interface TextStyle {
  color?: Colour;
  bold?: boolean;
  dimColor?: boolean;
}

const colours: Record<Tone, TextStyle> = {
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

/** Without colour, states stay apart through words and glyphs; only weight remains. */
const monochrome: Record<Tone, TextStyle> = {
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

export interface Theme extends Look {
  glyphs: Glyphs;
  border: 'single' | 'classic';
  style: (tone: Tone) => TextStyle;
  /** What may reach the terminal: every text is written through it (see screenText). */
  printable: (text: string) => string;
}

export function themeOf(look: Look): Theme {
  const styles = look.color ? colours : monochrome;
  return {
    ...look,
    glyphs: look.ascii ? ascii : unicode,
    border: look.ascii ? 'classic' : 'single',
    style: (tone) => styles[tone],
    printable: (text) => screenText(text, look.ascii),
  };
}

export function statusTone(status: Status): Tone {
  return status === 'OK' ? 'ok' : status === 'DEGRADED' ? 'warn' : 'bad';
}
