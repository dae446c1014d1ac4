import {LineCounter, parseDocument} from 'yaml';
import {buildModel} from './build-model.js';
import {topologySchema} from './schema.js';
import {decodeTopology, refuseText} from './load/decode.js';
import {parseFast, refused, withoutEmptyLists, type LoadResult} from './load/fast.js';
import {largeFileProblem, maxPreciseBytes} from './load/large.js';
import {offsetOf, sortLocated, type KeyPath, type Located} from './load/located.js';
import {schemaProblems} from './load/schema-errors.js';
import {documentData, nestingError, syntaxErrors} from './load/yaml-errors.js';

export {maxTopologyBytes, tooLarge} from './load/decode.js';
export {formatLocated, type Located} from './load/located.js';
export type {LoadResult} from './load/fast.js';

/**
 * Loading, by job: `load/decode` turns bytes into text or refuses them, the parser (a fast
 * path for clean JSON, else `yaml` with positions) turns text into data, `load/yaml-errors`
 * words what the parser found, the schema and the model check the data, `load/schema-errors`
 * words what they found, and `load/located` places every message at file:line:column.
 */
export function parseTopologyBytes(bytes: Uint8Array, file: string): LoadResult {
  const decoded = decodeTopology(bytes);
  if ('text' in decoded) return parseTopology(decoded.text, file);
  return refused(file, decoded);
}

export interface ParseOptions {
  /**
   * Try the fast parsers for clean JSON and plain YAML first (the default). Off, every file goes
   * the precise way: the tests compare the two.
   */
  fast?: boolean;
}

/** Parses, validates and indexes a topology; nothing is returned unless all of it is valid. */
export function parseTopology(text: string, file: string, options: ParseOptions = {}): LoadResult {
  if (options.fast !== false) {
    const fast = parseFast(text, file);
    if (fast) return fast;
    if (text.length > maxPreciseBytes) return refused(file, largeFileProblem(text));
  } else {
    const refusal = refuseText(text);
    if (refusal) return refused(file, refusal);
  }

  const lines = new LineCounter();
  const document = parseDocument(text, {lineCounter: lines, uniqueKeys: true, prettyErrors: false});
  if (document.errors.length > 0)
    return {ok: false, warnings: [], errors: syntaxErrors(document, text, file, lines)};
  const deep = nestingError(document, text, file, lines);
  if (deep) return {ok: false, warnings: [], errors: [deep]};
  const converted = documentData(document, file, lines);
  if ('error' in converted) return {ok: false, warnings: [], errors: [converted.error]};
  const data = converted.data;
  const at = (message: string) => refused(file, {message, line: 1, column: 1});
  if (data === null || data === undefined)
    return at('file has nothing but comments: expected a topology starting with "version: 1"');
  if (typeof data !== 'object' || Array.isArray(data))
    return at(
      `expected a mapping of fields (version, zones, vms, …) at the top level, got ${Array.isArray(data) ? 'a list' : `the ${typeof data} ${JSON.stringify(data).slice(0, 40)}`}`,
    );

  const locate = (problem: {path: KeyPath; message: string}): Located => {
    const {line, col} = lines.linePos(Math.max(0, offsetOf(document.contents, problem.path)));
    return {file, line, column: col, message: problem.message};
  };
  const parsed = topologySchema.safeParse(withoutEmptyLists(data));
  if (!parsed.success) {
    const errors = schemaProblems(parsed.error.issues, document, text).map(locate);
    return {ok: false, errors: sortLocated(errors), warnings: []};
  }
  const built = buildModel(parsed.data);
  const warnings = sortLocated(built.warnings.map(locate));
  if (!built.ok) return {ok: false, errors: sortLocated(built.errors.map(locate)), warnings};
  return {ok: true, model: built.model, warnings};
}
