import type {ImpactContent} from './impact-text.js';

/** Lines of the whole impact: heading, the table (its header and rows), the notes. */
export function impactLength(content: ImpactContent): number {
  const table = content.rows.length > 0 ? 1 + content.rows.length : 0;
  return content.heading.length + table + (content.hidden > 0 ? 1 : 0) + content.notes.length;
}

/**
 * The `height` lines of the impact from line `top`. The table's header stays in view while
 * any of its rows does, in place of the first row shown.
 */
export function impactWindow(content: ImpactContent, top: number, height: number): ImpactContent {
  const total = impactLength(content);
  const from = Math.max(0, Math.min(top, total - height));
  const end = from + height;
  const heading = content.heading.slice(from, end);
  const tableStart = content.heading.length;
  const tableEnd = content.rows.length > 0 ? tableStart + 1 + content.rows.length : tableStart;
  let rows = content.rows.slice(0, 0);
  const first = Math.max(from, tableStart);
  const last = Math.min(end, tableEnd);
  if (last - first > 1) {
    const start = first === tableStart ? 0 : first - tableStart;
    rows = content.rows.slice(start, start + (last - first - 1));
  }
  const notesStart = tableEnd + (content.hidden > 0 ? 1 : 0);
  const notes = content.notes.slice(Math.max(0, from - notesStart), Math.max(0, end - notesStart));
  const hidden = content.hidden > 0 && from <= tableEnd && end > tableEnd ? content.hidden : 0;
  return {...content, heading, rows, hidden, notes};
}

/** "11-30/75": the lines shown and the whole, for the panel's border. */
export function scrollPosition(top: number, height: number, total: number): string | undefined {
  if (total <= height) return undefined;
  const from = Math.max(0, Math.min(top, total - height));
  return `${from + 1}-${Math.min(total, from + height)}/${total}`;
}
