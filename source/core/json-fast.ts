/**
 * JSON.parse is some forty times faster than a YAML document with positions, but it keeps the
 * last of duplicate keys silently and has no depth limit. Both are checked after it: a parsed
 * object has fewer keys than the text wrote exactly when a key was repeated, and the depth is
 * measured on the parsed data. A clean JSON file can then skip the positional parser; anything
 * doubtful goes the slow, precise way.
 */
export function plainJson(text: string, maxDepth: number): unknown {
  const start = text.search(/\S/);
  if (start < 0 || text[start] !== '{') return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const parsedKeys = keysWithin(data, maxDepth);
  if (parsedKeys < 0 || parsedKeys !== keysWritten(text)) return undefined;
  return data;
}

/** Keys in the text of valid JSON: string tokens followed by a colon. A plain loop: it is the hot part. */
function keysWritten(text: string): number {
  let keys = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== 0x22) continue;
    // Valid JSON (it parsed): the string ends at the next quote that is not escaped.
    for (i++; ; i++) {
      const code = text.charCodeAt(i);
      if (code === 0x5c) i++;
      else if (code === 0x22) break;
    }
    let next = i + 1;
    for (
      let code = text.charCodeAt(next);
      code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
    )
      code = text.charCodeAt(++next);
    if (text.charCodeAt(next) === 0x3a) keys++;
    i = next - 1;
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
