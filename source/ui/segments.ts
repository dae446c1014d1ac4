import {wrapWords} from './text.js';
import type {Tone} from './theme.js';

/** A run of text in one tone; a line of the screen is a list of these. */
export interface Segment {
  text: string;
  tone?: Tone;
  inverse?: boolean;
}

/** Text word-wrapped to `width`, one line of one tone per row. */
export function wrappedLines(text: string, width: number, tone: Tone = 'plain'): Segment[][] {
  return wrapWords(text, width).map((line) => [{text: line, tone}]);
}
