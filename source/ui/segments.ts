import {wrapWords} from './text.js';
import type {Tone} from './theme.js';

/** A run of text in one tone; a line of the screen is a list of these. */
export interface Segment {
  text: string;
  tone?: Tone;
  inverse?: boolean;
  underline?: boolean;
}

/** Text word-wrapped to `width`, one line of one tone per row. */
export function wrappedLines(text: string, width: number, tone: Tone = 'plain'): Segment[][] {
  return wrapWords(text, width).map((line) => [{text: line, tone}]);
}

/** Whether two lines look the same: a line that did not change need not render again. */
export function sameSegments(a: readonly Segment[], b: readonly Segment[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (segment, index) =>
        segment.text === b[index]!.text &&
        segment.tone === b[index]!.tone &&
        segment.inverse === b[index]!.inverse &&
        segment.underline === b[index]!.underline,
    )
  );
}
