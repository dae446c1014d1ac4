// The words a theme colours: tones, colour names and the style a tone is drawn in.

/** `would`: what a preview says would happen, drawn apart from real outages (`bad`). */
export type Tone = 'ok' | 'warn' | 'bad' | 'sim' | 'would' | 'dim' | 'accent' | 'strong' | 'plain';

/** The colours the tones use: names both Ink's Text and chalk take. */
export type Colour =
  | 'green'
  | 'yellow'
  | 'red'
  | 'magenta'
  | 'blue'
  | 'cyan'
  | 'greenBright'
  | 'yellowBright'
  | 'redBright'
  | 'magentaBright'
  | 'cyanBright';

export interface TextStyle {
  color?: Colour;
  bold?: boolean;
  dimColor?: boolean;
  inverse?: boolean;
}
