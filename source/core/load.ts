import {
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
} from 'yaml';
import type {z} from 'zod';
import {buildModel} from './build-model.js';
import type {FilePath, Model, Problem} from './model.js';
import {nearest} from './nearest.js';
import {topologySchema} from './schema.js';
import {plainJson} from './json-fast.js';

export interface Located {
  file: string;
  line: number;
  column: number;
  message: string;
}

export type LoadResult =
  | {ok: true; model: Model; warnings: Located[]}
  | {ok: false; errors: Located[]; warnings: Located[]};

/**
 * Larger files are refused before parsing: a topology of 100k VMs is about 10 MB, and parsing
 * YAML several times that size would take minutes and gigabytes.
 */
export const maxTopologyBytes = 32 * 1024 * 1024;

/** The message for a file over the limit; a pipe read up to the limit shows as "more than". */
export function tooLarge(bytes: number): string {
  const limit = maxTopologyBytes / 1048576;
  const size = (bytes / 1048576).toFixed(1);
  const shown = Number(size) <= limit ? `more than ${limit}` : size;
  return `file is too large (${shown} MB): topologies are limited to ${limit} MB`;
}

/**
 * Parses a topology from the raw bytes of a file: refuses oversized files and bytes that are not
 * UTF-8 (binary data, or text saved in another encoding) at the first bad byte, drops a BOM.
 */
export function parseTopologyBytes(bytes: Uint8Array, file: string): LoadResult {
  const at = (message: string, line = 1, column = 1): LoadResult => ({
    ok: false,
    errors: [{file, line, column, message}],
    warnings: [],
  });
  if (bytes.length > maxTopologyBytes) return at(tooLarge(bytes.length));
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return parseTopology(new TextDecoder('utf-8').decode(bytes), file);
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
  // A control character before the bad byte is the better explanation: binary data.
  if (findBinary(before) === undefined) {
    const {line, column} = lineColumn(before, before.length);
    const hex = bytes[bad]!.toString(16).padStart(2, '0');
    return at(
      `not UTF-8 text: byte 0x${hex} is not valid UTF-8 (binary data, or text saved in another encoding such as EUC-KR: save it as UTF-8)`,
      line,
      column,
    );
  }
  return parseTopology(before, file);
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const first = bytes[index]!;
    if (first < 0x80) {
      index++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (first >= 0xc2 && first <= 0xdf) length = 2;
    else if (first >= 0xe0 && first <= 0xef) {
      length = 3;
      if (first === 0xe0) low = 0xa0;
      if (first === 0xed) high = 0x9f;
    } else if (first >= 0xf0 && first <= 0xf4) {
      length = 4;
      if (first === 0xf0) low = 0x90;
      if (first === 0xf4) high = 0x8f;
    } else return index;
    for (let k = 1; k < length; k++) {
      const next = bytes[index + k];
      if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf))
        return index;
    }
    index += length;
  }
  return -1;
}

function lineColumn(text: string, offset: number): {line: number; column: number} {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return {line, column: offset - before.lastIndexOf('\n')};
}

export function formatLocated(problem: Located): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}

/** Parses, validates and indexes a topology; nothing is returned unless all of it is valid. */
export function parseTopology(text: string, file: string): LoadResult {
  const at = (message: string, line = 1, column = 1): LoadResult => ({
    ok: false,
    errors: [{file, line, column, message}],
    warnings: [],
  });
  if (text.length > maxTopologyBytes) return at(tooLarge(text.length));
  const binary = findBinary(text);
  if (binary !== undefined)
    return at(
      binary.code === 0xfffd
        ? 'not UTF-8 text: undecodable bytes (binary data, or text saved in another encoding: save it as UTF-8)'
        : `not a text topology: binary data (byte 0x${binary.code.toString(16).padStart(2, '0')})`,
      binary.line,
      binary.column,
    );
  if (text.trim() === '')
    return at('file is empty: expected a topology starting with "version: 1"');

  const fast = fastJson(text);
  if (fast) return fast;

  const lineCounter = new LineCounter();
  const document = parseDocument(text, {lineCounter, uniqueKeys: true, prettyErrors: false});
  const position = (offset: number) => lineCounter.linePos(Math.max(0, offset));
  if (document.errors.length > 0) {
    const language = /\.json$/i.test(file) ? 'JSON' : 'YAML';
    // The parser gives up on deep nesting where its stack ran out; say where the nesting went too deep.
    if (document.errors.some((error) => /call stack/i.test(error.message))) {
      const deep = tooDeep(text);
      const {line, col} = position(deep ?? document.errors[0]!.pos[0]);
      return at(`invalid ${language}: nested more than ${maxDepth} levels deep`, line, col);
    }
    const seen = new Set<number>();
    const firstAtEachPlace = document.errors.filter(
      (error) => !seen.has(error.pos[0]) && seen.add(error.pos[0]),
    );
    const errors = firstAtEachPlace.slice(0, 10).map((error) => {
      const {line, col} = position(error.pos[0]);
      const written = text.slice(error.pos[0], error.pos[0] + 200);
      return {
        file,
        line,
        column: col,
        message: yamlMessage(error.code, error.message, written, language),
      };
    });
    return {ok: false, warnings: [], errors: sortLocated(errors)};
  }
  // Whether the parser ran out of stack above depends on the engine; nesting it survived is refused the same way.
  const deepNode = deepestNode(document);
  if (deepNode !== undefined) {
    const language = /\.json$/i.test(file) ? 'JSON' : 'YAML';
    const {line, col} = position(tooDeep(text) ?? deepNode);
    return at(`invalid ${language}: nested more than ${maxDepth} levels deep`, line, col);
  }
  let data: unknown;
  try {
    data = document.toJS({maxAliasCount: 100});
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unresolved = /Unresolved alias[^:]*: (.*)$/.exec(message);
    const alias = aliasOffset(document, unresolved?.[1]);
    const {line, col} = position(alias ?? 0);
    return at(
      unresolved
        ? `unknown YAML anchor: *${unresolved[1]} refers to no &${unresolved[1]} set before it`
        : /alias/i.test(message)
          ? 'too many YAML aliases (an alias expansion bomb?): refused'
          : `cannot read the YAML: ${message}`,
      line,
      col,
    );
  }
  if (data === null || data === undefined)
    return at('file has nothing but comments: expected a topology starting with "version: 1"');
  if (typeof data !== 'object' || Array.isArray(data))
    return at(
      `expected a mapping of fields (version, zones, vms, …) at the top level, got ${Array.isArray(data) ? 'a list' : `the ${typeof data} ${JSON.stringify(data).slice(0, 40)}`}`,
    );

  const locate = (problem: Problem): Located => {
    const {line, col} = position(offsetOf(document, problem.path));
    return {file, line, column: col, message: problem.message};
  };
  const parsed = topologySchema.safeParse(withoutEmptyLists(data));
  if (!parsed.success) {
    const errors = zodProblems(parsed.error.issues, document, text).map(locate);
    return {ok: false, errors: sortLocated(errors), warnings: []};
  }
  const built = buildModel(parsed.data);
  const warnings = sortLocated(built.warnings.map(locate));
  if (!built.ok) return {ok: false, errors: sortLocated(built.errors.map(locate)), warnings};
  return {ok: true, model: built.model, warnings};
}

/** Optional lists left empty (`sites:` with every item commented out) mean no items. */
const optionalLists = ['sites', 'accounts', 'vms', 'loadBalancers', 'gslbs', 'services'];
function withoutEmptyLists(data: object): object {
  const record = data as Record<string, unknown>;
  if (!optionalLists.some((key) => record[key] === null)) return data;
  return Object.fromEntries(
    Object.entries(record).filter(
      ([key, value]) => !(value === null && optionalLists.includes(key)),
    ),
  );
}

/** A clean JSON topology, loaded without positions; undefined sends it the precise way, for messages. */
function fastJson(text: string): LoadResult | undefined {
  const data = plainJson(text, maxDepth);
  if (data === undefined) return undefined;
  const parsed = topologySchema.safeParse(data);
  if (!parsed.success) return undefined;
  const built = buildModel(parsed.data);
  if (!built.ok || built.warnings.length > 0) return undefined;
  return {ok: true, model: built.model, warnings: []};
}

function sortLocated(list: Located[]): Located[] {
  return list.sort((a, b) => a.line - b.line || a.column - b.column);
}

function findBinary(text: string): {code: number; line: number; column: number} | undefined {
  // Control characters other than tab/newline/CR, or U+FFFD from undecodable bytes.
  // eslint-disable-next-line no-control-regex
  const match = /[\u0000-\u0008\u000e-\u001f\ufffd]/.exec(text);
  if (!match) return undefined;
  return {code: match[0].charCodeAt(0), ...lineColumn(text, match.index)};
}

const maxDepth = 64;

/**
 * Offset of the first bracket that opens a flow collection deeper than maxDepth, if any. Only
 * asked once the parser has failed, so a rough scan (quotes and comments skipped) is enough.
 */
function tooDeep(text: string): number | undefined {
  let depth = 0;
  let quote = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quote) {
      if (char === '\\' && quote === '"') index++;
      else if (char === quote) quote = '';
      continue;
    }
    if (char === '#' && /\s/.test(text[index - 1] ?? '\n')) {
      const end = text.indexOf('\n', index);
      if (end < 0) break;
      index = end;
    } else if ((char === '"' || char === "'") && /[\s[{,:]/.test(text[index - 1] ?? '\n'))
      quote = char;
    else if (char === '[' || char === '{') {
      if (++depth > maxDepth) return index;
    } else if (char === ']' || char === '}') depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/** Offset of the first collection nested more than maxDepth below the top level, walked without recursion. */
function deepestNode(document: Document): number | undefined {
  const stack: Array<{node: unknown; depth: number}> = [{node: document.contents, depth: 0}];
  while (stack.length > 0) {
    const {node, depth} = stack.pop()!;
    if (!isCollection(node)) continue;
    if (depth > maxDepth) return rangeStart(node);
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        stack.push({node: item.key, depth: depth + 1}, {node: item.value, depth: depth + 1});
      } else stack.push({node: item, depth: depth + 1});
    }
  }
  return undefined;
}

function yamlMessage(code: string, message: string, written: string, language: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  // The first token where the error starts: a quoted string, or a word up to a delimiter.
  const token = (/^\s*("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^\s:,{}[\]]+)/.exec(written)?.[1] ?? '')
    .replace(/^(["'])(.*)\1$/, '$2')
    .slice(0, 40);
  if (code === 'DUPLICATE_KEY')
    return `duplicate key "${token}": a field may appear once in a mapping`;
  if (code === 'MULTIPLE_DOCS')
    return 'more than one YAML document (a second "---"): a topology is one document';
  if (code === 'TAB_AS_INDENT')
    return 'invalid YAML: a tab used as indentation; indent with spaces';
  if (code === 'UNEXPECTED_TOKEN')
    return `invalid ${language}: unexpected ${token ? `"${token}"` : 'token'}${language === 'JSON' ? ' (a missing comma?)' : ''}`;
  if (code === 'BLOCK_IN_FLOW' && language === 'JSON')
    return `invalid JSON: something missing after ${token ? `"${token}"` : 'this value'} (a comma?)`;
  return `invalid ${language}: ${first}`;
}

/** Offset of the alias `*name` (the first alias of all when no name is given). */
function aliasOffset(document: Document, name: string | undefined): number | undefined {
  let found: number | undefined;
  visit(document, {
    Alias(_key, node) {
      if (name !== undefined && node.source !== name) return undefined;
      found = node.range?.[0];
      return visit.BREAK;
    },
  });
  return found;
}

const fieldNames: Record<string, readonly string[]> = {};
function knownFields(path: FilePath): readonly string[] {
  const key = path.filter((part) => typeof part === 'string').join('.');
  if (key in fieldNames) return fieldNames[key]!;
  // Walk the schema shape along the path to find the object whose fields are allowed.
  let schema: z.ZodType = topologySchema;
  for (const part of path) {
    schema = unwrap(schema);
    const def = (
      schema as unknown as {
        def: {type: string; element?: z.ZodType; shape?: Record<string, z.ZodType>};
      }
    ).def;
    if (typeof part === 'number' && def.type === 'array' && def.element) schema = def.element;
    else if (typeof part === 'string' && def.type === 'object' && def.shape?.[part])
      schema = def.shape[part]!;
    else return [];
  }
  const def = (unwrap(schema) as unknown as {def: {type: string; shape?: Record<string, unknown>}})
    .def;
  const names = def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
  fieldNames[key] = names;
  return names;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema as unknown as {def: {type: string; innerType?: unknown}};
  while (
    ['default', 'optional', 'nullable', 'pipe'].includes(current.def.type) &&
    current.def.innerType
  )
    current = current.def.innerType as typeof current;
  return current as unknown as z.ZodType;
}

/** The schema's issues as located problems; a field reported missing because it was misspelt is left to the unknown-field message. */
function zodProblems(
  issues: readonly z.core.$ZodIssue[],
  document: Document,
  text: string,
): Problem[] {
  const problems: Problem[] = [];
  const hinted = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const path = cleanPath(issue.path);
    const where = describePath(path);
    for (const key of issue.keys) {
      const hint = nearest(key, knownFields(path));
      if (hint !== undefined) hinted.add(JSON.stringify([...path, hint]));
      problems.push({
        path: [...path, {key}] as unknown as FilePath,
        message: `unknown field "${key}"${where ? ` in ${where}` : ''}${hint === undefined ? '' : ` (did you mean "${hint}"?)`}`,
      });
    }
  }
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') continue;
    const path = cleanPath(issue.path);
    const where = describePath(path);
    if (!document.hasIn(path)) {
      if (!hinted.has(JSON.stringify(path)))
        problems.push({path, message: `${where}: missing (required)`});
      continue;
    }
    const node: unknown = document.getIn(path, true);
    let message = `${where}: ${zodMessage(issue.message)}`;
    if (isScalar(node)) {
      const value = node.value;
      if (value === null) message += ', got an empty value';
      else if (typeof value === 'string') {
        const shown = JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
        message += issue.code === 'invalid_type' ? `, got the string ${shown}` : `, got ${shown}`;
        const wantsNumber =
          (issue.code === 'invalid_type' && issue.expected === 'number') ||
          (issue.code === 'invalid_value' && issue.values.some((v) => typeof v === 'number'));
        if (wantsNumber && /^\s*-?\d+(\.\d+)?\s*$/.test(value))
          message += ` (write ${value.trim()} without quotes)`;
      } else {
        const written = (node.range ? text.slice(node.range[0], node.range[1]).trim() : '').slice(
          0,
          60,
        );
        message += `, got ${written || String(value)}`;
        if (issue.code === 'invalid_type' && issue.expected === 'string' && written)
          message += ` (write "${written}" in quotes)`;
      }
    } else if (issue.code === 'invalid_type')
      message += isSeq(node) ? ', got a list' : isMap(node) ? ', got a mapping' : '';
    problems.push({path, message});
  }
  return problems;
}

function cleanPath(path: readonly PropertyKey[]): Array<string | number> {
  return path.filter((part): part is string | number => typeof part !== 'symbol');
}

const typeNames: Record<string, string> = {
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
};

/** zod's default wording made to read like the schema's own messages. */
function zodMessage(message: string): string {
  return message
    .replace(/^Invalid (input|option|string): /, '')
    .replace(/, received \w+$/, '')
    .replace(/^expected (\w+)$/, (whole, type: string) =>
      typeNames[type] ? `expected ${typeNames[type]}` : whole,
    )
    .replace(/^Too small: expected string to have >=1 characters$/, 'cannot be empty');
}

function describePath(path: FilePath): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`,
    )
    .join('');
}

/** Offset in the text of the node at `path`, or of the nearest ancestor present. Unknown keys point at the key. */
function offsetOf(document: Document, path: FilePath): number {
  let node: unknown = document.contents;
  let offset = rangeStart(node);
  for (const part of path) {
    if (typeof part === 'object' && part !== null && 'key' in part && isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && item.key.value === (part as {key: string}).key,
      );
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

function rangeStart(node: unknown): number {
  const range = (node as Node | undefined)?.range;
  return range ? range[0] : 0;
}
