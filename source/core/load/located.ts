import {isMap, isScalar, isSeq, type Node} from 'yaml';
import type {FilePath} from '../model.js';

/** A message placed in a file: what a user reads as `file:line:column: message`. */
export interface Located {
  file: string;
  line: number;
  column: number;
  message: string;
}

export function formatLocated(problem: Located): string {
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

/** Offset in the text of the node at `path`, or of the nearest ancestor present. Unknown keys point at the key. */
export function offsetOf(contents: unknown, path: FilePath | KeyPath): number {
  let node: unknown = contents;
  let offset = rangeStart(node);
  for (const part of path) {
    if (typeof part === 'object' && isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === part.key);
      return pair ? rangeStart(pair.key) : offset;
    }
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === part);
      if (!pair) return offset;
      next = pair.value ?? pair.key;
      if (pair.value === null) return rangeStart(pair.key);
    } else if (isSeq(node) && typeof part === 'number') next = node.items[part];
    else return offset;
    if (next === undefined) return offset;
    node = next;
    offset = rangeStart(node) ?? offset;
  }
  return offset;
}

export function rangeStart(node: unknown): number {
  const range = (node as Node | undefined)?.range;
  return range ? range[0] : 0;
}
