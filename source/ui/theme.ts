import type {Status} from '../core/capacity.js';
import {screenText} from './text.js';
import {borderColours, palettes} from './themes/palettes.js';
import type {ThemeName} from './themes/names.js';
import type {Look} from '../shared/types.js';
import type {TextStyle, Tone} from './themes/tones.js';

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

export type {Colour, TextStyle, Tone} from './themes/tones.js';

export interface Theme extends Look {
  /** The palette: `mono` whenever colour is off (--no-color, NO_COLOR). */
  name: ThemeName;
  glyphs: Glyphs;
  /** A focused panel's border colour; none in `mono`. */
  borderColour: string | undefined;
  border: 'single' | 'classic';
  style: (tone: Tone) => TextStyle;
  /** What may reach the terminal: every text is written through it (see screenText). */
  printable: (text: string) => string;
}

export function themeOf(look: Look, wanted: ThemeName = 'dark'): Theme {
  const name: ThemeName = look.color ? wanted : 'mono';
  const styles = palettes[name];
  return {
    ...look,
    color: look.color && name !== 'mono',
    name,
    borderColour: borderColours[name],
    glyphs: look.ascii ? ascii : unicode,
    border: look.ascii ? 'classic' : 'single',
    style: (tone) => styles[tone],
    printable: (text) => screenText(text, look.ascii),
  };
}

export function statusTone(status: Status): Tone {
  return status === 'OK' ? 'ok' : status === 'DEGRADED' ? 'warn' : 'bad';
}
