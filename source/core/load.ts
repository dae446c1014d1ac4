import {isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node} from 'yaml';
import type {z} from 'zod';
import {buildModel, type FilePath, type Model, type Problem} from './model.js';
import {didYouMean} from './nearest.js';
import {topologySchema} from './schema.js';

export interface Located {
  file: string;
  line: number;
  column: number;
  message: string;
}

export type LoadResult =
  | {ok: true; model: Model; warnings: Located[]}
  | {ok: false; errors: Located[]; warnings: Located[]};

/** Larger files are refused before parsing: a topology of 100k VMs is about 10 MB. */
export const maxTopologyBytes = 64 * 1024 * 1024;

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
  if (text.length > maxTopologyBytes)
    return at(
      `file is ${(text.length / 1048576).toFixed(1)} MB; topologies over ${maxTopologyBytes / 1048576} MB are refused`,
    );
  const binary = findBinary(text);
  if (binary !== undefined)
    return at(
      `not a text topology: binary data (byte 0x${binary.code.toString(16).padStart(2, '0')})`,
      binary.line,
      binary.column,
    );
  if (text.trim() === '')
    return at('file is empty: expected a topology starting with "version: 1"');

  const lineCounter = new LineCounter();
  const document = parseDocument(text, {lineCounter, uniqueKeys: true, prettyErrors: false});
  const position = (offset: number) => lineCounter.linePos(Math.max(0, offset));
  if (document.errors.length > 0) {
    return {
      ok: false,
      warnings: [],
      errors: document.errors.slice(0, 10).map((error) => {
        const {line, col} = position(error.pos[0]);
        return {file, line, column: col, message: yamlMessage(error.code, error.message)};
      }),
    };
  }
  let data: unknown;
  try {
    data = document.toJS({maxAliasCount: 100});
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return at(
      /alias/i.test(message)
        ? 'too many YAML aliases (an alias expansion bomb?): refused'
        : `cannot read the YAML: ${message}`,
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return at('expected a mapping of fields (version, zones, vms, …) at the top level');

  const locate = (problem: Problem): Located => {
    const {line, col} = position(offsetOf(document, problem.path));
    return {file, line, column: col, message: problem.message};
  };
  const parsed = topologySchema.safeParse(data);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => locate(zodProblem(issue, document)));
    return {ok: false, errors: sortLocated(errors), warnings: []};
  }
  const built = buildModel(parsed.data);
  const warnings = sortLocated(built.warnings.map(locate));
  if (!built.ok) return {ok: false, errors: sortLocated(built.errors.map(locate)), warnings};
  return {ok: true, model: built.model, warnings};
}

function sortLocated(list: Located[]): Located[] {
  return list.sort((a, b) => a.line - b.line || a.column - b.column);
}

function findBinary(text: string): {code: number; line: number; column: number} | undefined {
  // Control characters other than tab/newline/CR, or U+FFFD from undecodable bytes.
  // eslint-disable-next-line no-control-regex
  const match = /[\u0000-\u0008\u000e-\u001f\ufffd]/.exec(text);
  if (!match) return undefined;
  const before = text.slice(0, match.index);
  const line = before.split('\n').length;
  const column = match.index - before.lastIndexOf('\n');
  return {code: match[0].charCodeAt(0), line, column};
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'DUPLICATE_KEY') return 'duplicate key: a field may appear once in a mapping';
  return `invalid YAML/JSON: ${first}`;
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

function zodProblem(issue: z.core.$ZodIssue, document: Document): Problem {
  const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
  const where = describePath(path);
  if (issue.code === 'unrecognized_keys') {
    const fields = knownFields(path);
    const key = issue.keys[0]!;
    return {
      path: [...path, {key}] as unknown as FilePath,
      message: `unknown field "${key}"${where ? ` in ${where}` : ''}${didYouMean(key, fields)}${issue.keys.length > 1 ? ` (and ${issue.keys.length - 1} more)` : ''}`,
    };
  }
  const value = document.getIn(path, false);
  if (issue.code === 'invalid_type') {
    const got =
      value === undefined
        ? 'nothing'
        : typeof value === 'string'
          ? `the string "${value}"`
          : JSON.stringify(value);
    const missing = value === undefined && !document.hasIn(path);
    return {
      path,
      message: missing
        ? `${where}: missing (required)`
        : `${where}: ${issue.message.replace(/^Invalid input: /, '')}, got ${got}`,
    };
  }
  return {path, message: `${where}: ${issue.message.replace(/^Invalid input: /, '')}`};
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
