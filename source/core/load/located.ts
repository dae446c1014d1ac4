import {isMap, isScalar, isSeq, type Node} from 'yaml';
import type {FilePath} from '../model.js';
import type {KeyPath} from './place.js';

export {formatLocated, lineColumn, sortLocated, type KeyPath, type Located} from './place.js';

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
