// Messages placed at file:line:column, without the YAML parser: the fast load path uses them too.

/** A message placed in a file: what a user reads as `file:line:column: message`. */
export interface Located {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** `file:line:column: message`; line 0 is about the file as a whole: `file: message`. */
export function formatLocated(problem: Located): string {
  if (problem.line === 0) return `${problem.file}: ${problem.message}`;
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}

export function sortLocated(list: Located[]): Located[] {
  return list.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Line and column (both from 1) of an offset in a text. */
export function lineColumn(text: string, offset: number): {line: number; column: number} {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return {line, column: offset - before.lastIndexOf('\n')};
}

/** A path into the file whose last step may name a key itself (an unknown field) rather than its value. */
export type KeyPath = ReadonlyArray<string | number | {key: string}>;
