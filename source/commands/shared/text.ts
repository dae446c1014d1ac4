import chalk from 'chalk';
import stringWidth from 'string-width';
import type {Status} from '../../core/capacity.js';

export {amount, minutes, percent} from '../../core/format.js';

/** Pads by display width, so Korean and other wide names keep columns aligned. */
export function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const gap = ' '.repeat(Math.max(0, width - stringWidth(text)));
  return align === 'left' ? text + gap : gap + text;
}

export interface Column {
  header: string;
  align?: 'left' | 'right';
}

/** A plain table: header, rule, rows; cells may carry colour (widths ignore escapes). */
export function table(columns: Column[], rows: string[][], indent = ''): string[] {
  const widths = columns.map((column, index) =>
    Math.max(stringWidth(column.header), ...rows.map((row) => stringWidth(row[index] ?? ''))),
  );
  const line = (cells: string[]) =>
    indent +
    cells
      .map((cell, index) => pad(cell, widths[index]!, columns[index]!.align))
      .join('  ')
      .trimEnd();
  return [
    line(columns.map((c) => chalk.bold(c.header))),
    indent + widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
  ];
}

export function paintStatus(status: Status): string {
  if (status === 'OK') return chalk.green(status);
  if (status === 'DEGRADED') return chalk.yellow(status);
  return chalk.red.bold(status);
}
