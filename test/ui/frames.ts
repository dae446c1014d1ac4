import stringWidth from 'string-width';
import {expect} from 'vitest';

/**
 * The frame is one line shorter than the terminal; panel lines are exactly `columns` wide and
 * no line is wider (Ink trims trailing spaces, so text lines may be shorter).
 */
export function expectFrameShape(frame: string, columns: number, rows: number) {
  const lines = frame.split('\n');
  expect(lines).toHaveLength(rows - 1);
  lines.forEach((line, index) => {
    const width = stringWidth(line);
    if (/^[│┌└|+]/.test(line)) expect(width, `line ${index}: ${line}`).toBe(columns);
    else expect(width, `line ${index}: ${line}`).toBeLessThanOrEqual(columns);
  });
}

/** The display column where `text` starts on the first line containing `marker`. */
export function columnOf(frame: string, marker: string, text: string): number {
  const line = frame.split('\n').find((candidate) => candidate.includes(marker));
  if (!line) throw new Error(`no line with ${marker}`);
  return stringWidth(line.slice(0, line.indexOf(text)));
}

export const keys = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  pageUp: '\u001B[5~',
  pageDown: '\u001B[6~',
  tab: '\t',
  escape: '\u001B',
  ctrlC: '\u0003',
};
