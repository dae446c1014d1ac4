/**
 * JSON.parse is some forty times faster than a YAML document with positions, but it keeps the
 * last of duplicate keys silently and has no depth limit. This scan finds both, so a clean JSON
 * file can skip the positional parser; anything doubtful goes the slow, precise way.
 */
export function plainJson(text: string, maxDepth: number): unknown {
  const start = text.search(/\S/);
  if (start < 0 || text[start] !== '{') return undefined;
  if (!keysAreUnique(text, maxDepth)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function keysAreUnique(text: string, maxDepth: number): boolean {
  const stack: Array<Set<string> | undefined> = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x7b) stack.push(new Set());
    else if (code === 0x5b) stack.push(undefined);
    else if (code === 0x7d || code === 0x5d) stack.pop();
    else if (code === 0x22) {
      let end = i + 1;
      let escaped = false;
      while (end < text.length && text.charCodeAt(end) !== 0x22) {
        if (text.charCodeAt(end) === 0x5c) {
          escaped = true;
          end++;
        }
        end++;
      }
      let after = end + 1;
      while (after < text.length && /\s/.test(text[after]!)) after++;
      if (text[after] === ':') {
        const keys = stack[stack.length - 1];
        let key = text.slice(i + 1, end);
        if (escaped) {
          try {
            key = JSON.parse(text.slice(i, end + 1)) as string;
          } catch {
            return false;
          }
        }
        if (keys?.has(key)) return false;
        keys?.add(key);
      }
      i = end;
    }
    if (stack.length > maxDepth) return false;
  }
  return true;
}
