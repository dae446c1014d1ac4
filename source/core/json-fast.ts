/**
 * JSON.parse is some forty times faster than a YAML document with positions, but it keeps the
 * last of duplicate keys silently and has no depth limit. Both are checked after it: the parsed
 * objects have fewer keys than the text wrote exactly when a key was repeated, and the depth is
 * measured on the parsed data. A clean JSON file can then skip the positional parser; anything
 * doubtful goes the slow, precise way.
 */
export function plainJson(text: string, maxDepth: number): unknown {
  // By character code, not a regular expression: a match would keep the whole text alive as
  // RegExp.input after the load.
  let start = 0;
  while (isJsonSpace(text.charCodeAt(start))) start++;
  if (text.charCodeAt(start) !== 0x7b) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const parsedKeys = keysWithin(data, maxDepth);
  if (parsedKeys < 0) return undefined;
  // Every key written has a colon of its own, so keys written <= colons; a parsed object keeps
  // at most the keys written. As many colons as parsed keys: nothing was dropped. Otherwise
  // (colons in strings: probe addresses) the keys are counted exactly.
  if (parsedKeys !== colons(text) && parsedKeys !== keysWritten(text)) return undefined;
  return data;
}

function colons(text: string): number {
  let count = 0;
  for (let at = text.indexOf(':'); at >= 0; at = text.indexOf(':', at + 1)) count++;
  return count;
}

function isJsonSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/**
 * Keys in the text of valid JSON: string tokens followed by a colon. From quote to quote with
 * indexOf, which skips the rest (indentation, numbers, punctuation) far faster than a loop.
 */
function keysWritten(text: string): number {
  let keys = 0;
  for (let open = text.indexOf('"'); open >= 0;) {
    // Valid JSON (it parsed): the string ends at the next quote after an even run of backslashes.
    let close = text.indexOf('"', open + 1);
    while (text.charCodeAt(close - 1) === 0x5c) {
      let slashes = 1;
      while (text.charCodeAt(close - 1 - slashes) === 0x5c) slashes++;
      if (slashes % 2 === 0) break;
      close = text.indexOf('"', close + 1);
    }
    let next = close + 1;
    while (isJsonSpace(text.charCodeAt(next))) next++;
    if (text.charCodeAt(next) === 0x3a) keys++;
    open = text.indexOf('"', next);
  }
  return keys;
}

/** The keys of every object in the data, or -1 when it nests deeper than `maxDepth`. */
function keysWithin(data: unknown, maxDepth: number): number {
  let keys = 0;
  const values: unknown[] = [data];
  const depths: number[] = [1];
  while (values.length > 0) {
    const value = values.pop() as object;
    const depth = depths.pop()!;
    if (depth > maxDepth) return -1;
    if (Array.isArray(value)) {
      for (const item of value as unknown[])
        if (typeof item === 'object' && item !== null) {
          values.push(item);
          depths.push(depth + 1);
        }
      continue;
    }
    for (const key in value) {
      keys++;
      const item = (value as Record<string, unknown>)[key];
      if (typeof item === 'object' && item !== null) {
        values.push(item);
        depths.push(depth + 1);
      }
    }
  }
  return keys;
}
