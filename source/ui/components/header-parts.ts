import type {Segment} from '../segments.js';
import {truncate, widthOf} from '../text.js';

/**
 * One way to say a part, and how much it matters that it is said this way: when space is
 * short, the form that matters least gives way first, to the part's next (shorter) form.
 */
export interface PartForm {
  segments: Segment[];
  priority: number;
}

/**
 * A part of a one-line bar, its forms from the longest to the shortest. A part that may vanish
 * ends with an empty form; one that must stay ends with a form it keeps whatever the width.
 * Parts are drawn in the order given, whatever their priorities.
 */
export interface BarPart {
  id: string;
  forms: PartForm[];
}

/** Priorities of the header's parts: what a narrow terminal keeps longest is highest. */
export const partPriority = {
  /** The healthy sources' last good times: the first to go. */
  sources: 8,
  /** Decoration: the clock, the program's and the topology's names, words around figures. */
  clock: 10,
  brand: 12,
  /** A stream's bad-line count (also on the message line and in the sources pane). */
  badLines: 13,
  name: 14,
  words: 20,
  /** A source's whole name: cut only after the words around figures. */
  names: 25,
  /** What is simulated, read-only, the demo. */
  detail: 30,
  /** What a reader of the bar acts on, dropped only after all decoration. */
  figure: 60,
  /** Never dropped: a failed or stale source, the unknown count, the health summary. */
  kept: 100,
} as const;

const widthOfSegments = (segments: readonly Segment[]) =>
  segments.reduce((sum, s) => sum + widthOf(s.text), 0);

/** Which form each part takes to fit in `width`: the least important forms give way first. */
export function chooseForms(parts: readonly BarPart[], width: number): number[] {
  const chosen = parts.map(() => 0);
  let used = parts.reduce((sum, part) => sum + widthOfSegments(part.forms[0]!.segments), 0);
  const steps: number[] = [];
  while (used > width) {
    // The part whose current form matters least and has a shorter one; the rightmost on a tie.
    let pick = -1;
    for (let i = 0; i < parts.length; i++) {
      const forms = parts[i]!.forms;
      if (chosen[i]! >= forms.length - 1) continue;
      if (pick < 0 || forms[chosen[i]!]!.priority <= parts[pick]!.forms[chosen[pick]!]!.priority)
        pick = i;
    }
    if (pick < 0) break;
    const forms = parts[pick]!.forms;
    used -= widthOfSegments(forms[chosen[pick]!]!.segments);
    chosen[pick]!++;
    used += widthOfSegments(forms[chosen[pick]!]!.segments);
    steps.push(pick);
  }
  // The last step may have freed more than was needed: what matters most of what gave way
  // earlier comes back if it fits now (the topology's name beside a cut source name).
  for (let k = steps.length - 1; k >= 0; k--) {
    const i = steps[k]!;
    const forms = parts[i]!.forms;
    const back =
      used -
      widthOfSegments(forms[chosen[i]!]!.segments) +
      widthOfSegments(forms[chosen[i]! - 1]!.segments);
    if (back > width) continue;
    chosen[i]!--;
    used = back;
  }
  return chosen;
}

/**
 * The parts in `width` columns: each in its chosen form; when even the shortest forms do not
 * fit, the line is cut at its end (with an ellipsis).
 */
export function fitParts(
  parts: readonly BarPart[],
  width: number,
  ellipsis: string,
): {segments: Segment[]; kept: Set<string>} {
  const chosen = chooseForms(parts, width);
  const kept = new Set<string>();
  const segments: Segment[] = [];
  let used = 0;
  parts.forEach((part, i) => {
    const form = part.forms[chosen[i]!]!;
    if (form.segments.length === 0) return;
    kept.add(part.id);
    for (const segment of form.segments) {
      const text = truncate(segment.text, width - used, ellipsis);
      if (text === '') return;
      segments.push({...segment, text});
      used += widthOf(text);
    }
  });
  return {segments, kept};
}
