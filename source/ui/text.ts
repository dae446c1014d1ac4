import stringWidth from 'string-width';
import {printable} from '../core/printable.js';

/** Made on first use: the first Intl.Segmenter of a process costs 8-15 ms, and most text never needs one. */
let graphemes: Intl.Segmenter | undefined;
const segmenter = {
  segment: (text: string) =>
    (graphemes ??= new Intl.Segmenter('en', {granularity: 'grapheme'})).segment(text),
};

export function widthOf(text: string): number {
  return stringWidth(text);
}

/** Cuts text to at most `width` columns, ending in `ellipsis` when something was cut. */
export function truncate(text: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
  if (stringWidth(text) <= width) return text;
  const room = width - stringWidth(ellipsis);
  let out = '';
  let used = 0;
  for (const {segment} of segmenter.segment(text)) {
    const w = stringWidth(segment);
    if (used + w > room) break;
    out += segment;
    used += w;
  }
  // The ellipsis goes right after the last letter ("would…", not "would …"); a wide character
  // may leave one column free: the columns left are filled so that columns stay aligned.
  const kept = out.trimEnd();
  return kept + ellipsis + ' '.repeat(Math.max(0, room - (used - (out.length - kept.length))));
}

/** Exactly `width` columns: truncated or padded by display width, so wide names keep alignment. */
export function fit(
  text: string,
  width: number,
  align: 'left' | 'right' = 'left',
  ellipsis = '…',
): string {
  const cut = truncate(text, width, ellipsis);
  const gap = ' '.repeat(Math.max(0, width - stringWidth(cut)));
  return align === 'left' ? cut + gap : gap + cut;
}

export {amount} from '../core/format.js';

export function clockOf(epochMs: number): string {
  const d = new Date(epochMs);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** Word-wraps by display width; a word longer than a line is cut. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (stringWidth(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = stringWidth(word) > width ? truncate(word, width) : word;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** Typographic characters of the messages, as the ASCII character of the same width. */
const asciiLookalikes: Record<string, string> = {
  '·': '-',
  '…': '~',
  '→': '>',
  '—': '-',
  '←': '<',
  '↑': '^',
  '↓': 'v',
  '█': '_',
  '─': '-',
  '│': '|',
  '✔': '+',
  '✖': 'X',
  '\u00a0': ' ',
};

const beyondAscii = /[\u007f-\uffff]/;

/** Every character beyond 0x7e as an ASCII one of the same width; control characters untouched. */
export function asciiOnly(text: string): string {
  if (!beyondAscii.test(text)) return text;
  let out = '';
  for (const {segment} of segmenter.segment(text)) {
    if (!beyondAscii.test(segment)) out += segment;
    else out += asciiLookalikes[segment] ?? '?'.repeat(stringWidth(segment));
  }
  return out;
}

/**
 * The last step before text reaches the terminal, whatever its source: control characters are
 * escaped (`\e`, `\n`), and on an ASCII terminal every other character beyond 0x7e becomes an
 * ASCII one of the same width, so a leak can neither drive the terminal nor move a column.
 */
export function screenText(text: string, ascii: boolean): string {
  const safe = printable(text);
  return ascii ? asciiOnly(safe) : safe;
}

/**
 * Word-wrapped to `width` like wrapWords, but a word wider than a line is broken across lines,
 * never cut: for text that must be readable whole (a reason, a hook's output).
 */
export function wrapWhole(text: string, width: number): string[] {
  const room = Math.max(1, width);
  const lines: string[] = [];
  let line = '';
  let used = 0;
  const push = () => {
    lines.push(line);
    line = '';
    used = 0;
  };
  for (const word of text.split(' ')) {
    const size = stringWidth(word);
    const gap = line === '' ? 0 : 1;
    if (used + gap + size <= room) {
      line += (gap ? ' ' : '') + word;
      used += gap + size;
      continue;
    }
    if (line !== '') push();
    if (size <= room) {
      line = word;
      used = size;
      continue;
    }
    for (const {segment} of segmenter.segment(word)) {
      const w = stringWidth(segment);
      if (used + w > room && line !== '') push();
      line += segment;
      used += w;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}
