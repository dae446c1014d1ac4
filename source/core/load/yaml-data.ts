import {load} from 'js-yaml';
import {coreSchema} from './yaml-core-schema.js';

/**
 * A YAML file's data by js-yaml, YAML 1.2's core schema (as `yaml` reads a file: `yes` and `0755`
 * stay what 1.2 says, `<<` is a plain key), some ten times faster than `yaml` with positions.
 * It places nothing, so whatever it refuses (bad syntax, duplicate keys, tags outside the
 * schema, several documents) gives undefined and the file goes the precise way, which places
 * every error. So do the few things the two libraries read differently: aliases (`yaml` counts
 * them against alias bombs; js-yaml shares the object), a collection or null used as a key
 * (js-yaml joins it into a string, or says "null"), tabs (`yaml` refuses more of them), a
 * comment right after a closing bracket or quote, and nesting deeper than `maxDepth`. Where it answers, its data equals
 * what `yaml` makes of the same text (a differential test holds it to that).
 */
export function plainYaml(text: string, maxDepth: number): unknown {
  if (!withinCommonYaml(text)) return undefined;
  let data: unknown;
  try {
    data = load(text, {schema: coreSchema});
  } catch {
    // Syntax errors, and a stack overflow on deep nesting: the precise way words them.
    return undefined;
  }
  return typeof data === 'object' && data !== null && !plainKeysWithin(data, maxDepth)
    ? undefined
    : data;
}

/** No key "null" (a null key, which `yaml` makes "") and no nesting deeper than `maxDepth`. */
function plainKeysWithin(data: object, maxDepth: number): boolean {
  const values: object[] = [data];
  const depths: number[] = [1];
  while (values.length > 0) {
    const value = values.pop()!;
    const depth = depths.pop()!;
    if (depth > maxDepth) return false;
    const list = Array.isArray(value);
    if (!list && Object.hasOwn(value, 'null')) return false;
    for (const item of list ? (value as unknown[]) : Object.values(value))
      if (typeof item === 'object' && item !== null) {
        values.push(item);
        depths.push(depth + 1);
      }
  }
  return true;
}

/** `#` right after a bracket, a comma or a quote: `yaml` wants a space before a comment there. */
function mayHaveGluedComment(text: string): boolean {
  for (let at = text.indexOf('#', 1); at > 0; at = text.indexOf('#', at + 1))
    if (glued.has(text.charCodeAt(at - 1))) return true;
  return false;
}

const glued = new Set([0x5b, 0x5d, 0x7b, 0x7d, 0x2c, 0x22, 0x27]);

/**
 * Whether the text keeps to the YAML both libraries read alike, as far as a quick look tells
 * (a false alarm only takes the precise way): no tabs, aliases, anchors, tags, block scalars,
 * directives, collections as keys, comments glued to a bracket or quote, quoted text over
 * several lines, or document markers followed by more than a space.
 */
function withinCommonYaml(text: string): boolean {
  if (text.includes('\t')) return false;
  for (const indicator of ['*', '&', '!', '|', '>', '?'])
    if (atNodeStart(text, indicator)) return false;
  return !(mayHaveCollectionKey(text) || mayHaveGluedComment(text) || mayHaveOddLine(text));
}

/**
 * An indicator (`*` alias, `&` anchor, `!` tag, `|` or `>` block scalar, `?` explicit key) where
 * a node starts: at a line's start, or after a space, `[`, `{`, `,` or `-`. Plain text may hold
 * one there too (`a *b`); it only takes the precise way. By character code, not a regular
 * expression: a match would keep the whole text alive as RegExp.input.
 */
function atNodeStart(text: string, indicator: string): boolean {
  for (let at = text.indexOf(indicator); at >= 0; at = text.indexOf(indicator, at + 1))
    if (at === 0 || nodeStart.has(text.charCodeAt(at - 1))) return true;
  return false;
}

/**
 * A quoted text going on to the next line (a quote with no partner on its line), a directive
 * (`%` starting a line), or a document marker (`---`, `...`) followed by more than a space.
 */
function mayHaveOddLine(text: string): boolean {
  for (const quote of ['"', "'"])
    for (let at = text.indexOf(quote); at >= 0;) {
      if (inComment(text, at)) {
        at = text.indexOf(quote, at + 1);
        continue;
      }
      let close = text.indexOf(quote, at + 1);
      while (quote === '"' && close > 0 && text.charCodeAt(close - 1) === 0x5c)
        close = text.indexOf(quote, close + 1);
      const end = text.indexOf('\n', at);
      if (close < 0 || (end >= 0 && close > end)) return true;
      at = text.indexOf(quote, close + 1);
    }
  if (text.startsWith('%') || text.includes('\n%')) return true;
  for (const marker of ['---', '...'])
    for (let at = text.startsWith(marker) ? 0 : text.indexOf(`\n${marker}`); at >= 0;) {
      const after = text.charCodeAt(at + (at === 0 && text.startsWith(marker) ? 3 : 4));
      if (after === after && after !== 0x20 && after !== 0x0a && after !== 0x0d) return true;
      at = text.indexOf(`\n${marker}`, at + 1);
    }
  return false;
}

/** Whether `at` is in a comment: after a `#` that starts its line or follows a space. */
function inComment(text: string, at: number): boolean {
  const start = text.lastIndexOf('\n', at) + 1;
  for (
    let hash = text.indexOf('#', start);
    hash >= 0 && hash < at;
    hash = text.indexOf('#', hash + 1)
  )
    if (hash === start || text.charCodeAt(hash - 1) === 0x20) return true;
  return false;
}

/**
 * A collection as a key: `]` or `}` then `:`. False alarms only take the precise way.
 */
function mayHaveCollectionKey(text: string): boolean {
  for (const close of [']', '}']) {
    for (let at = text.indexOf(close); at >= 0; at = text.indexOf(close, at + 1)) {
      let next = at + 1;
      while (text.charCodeAt(next) === 0x20) next++;
      if (text.charCodeAt(next) === 0x3a) return true;
    }
  }
  return false;
}

/** Space, tab, LF, CR, `[`, `{`, `,` and `-` (a list item): where a node may start. */
const nodeStart = new Set([0x20, 0x09, 0x0a, 0x0d, 0x5b, 0x7b, 0x2c, 0x2d]);
