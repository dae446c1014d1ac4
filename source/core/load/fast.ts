import {buildModel} from '../build-model.js';
import {plainJson} from '../json-fast.js';
import type {FilePath, Model, Problem} from '../model.js';
import {decodeTopology, maxDepth, maxTopologyBytes, refuseText} from './decode.js';
import {cleanTopology} from './fast-schema.js';
import {jsonOffsets, linesAndColumns} from './json-place.js';
import {sortLocated, type Located} from './place.js';
import {plainYaml} from './yaml-data.js';

export type LoadResult =
  | {ok: true; model: Model; warnings: Located[]}
  | {ok: false; errors: Located[]; warnings: Located[]};

/** The precise parser (`parseTopology` of core/load), handed in so the fast path never loads it. */
export type PreciseParser = (text: string, file: string) => Promise<LoadResult>;

/**
 * `parseTopologyBytes` of core/load, but the YAML parser behind the precise path is loaded only
 * when a file needs it: a clean file (the usual case) is read by the fast parsers alone.
 */
export async function parseTopologyBytesLazily(
  bytes: Uint8Array,
  file: string,
  precise: PreciseParser,
): Promise<LoadResult> {
  const decoded = decodeTopology(bytes);
  if (!('text' in decoded)) return refused(file, decoded);
  return parseTopologyTextLazily(decoded.text, file, precise);
}

/** The same for text already decoded from UTF-8, its byte order mark dropped. */
export async function parseTopologyTextLazily(
  text: string,
  file: string,
  precise: PreciseParser,
): Promise<LoadResult> {
  return parseFast(text, file) ?? precise(text, file);
}

/** A refused text's message, or a clean file's model; undefined: the file needs the precise way. */
export function parseFast(text: string, file: string): LoadResult | undefined {
  const json = text.length > maxTopologyBytes ? undefined : plainJson(text, maxDepth);
  // Text that JSON.parse accepts holds no control character but tab, CR and LF (its grammar
  // allows no other), so of refuseText's reasons only U+FFFD is left to look for.
  if (json !== undefined && !text.includes('\ufffd'))
    return cleanFile(
      json,
      placer(text, file, (paths) => jsonOffsets(text, paths)),
    );
  const refusal = refuseText(text);
  if (refusal) return refused(file, refusal);
  // js-yaml places no value: a YAML file with warnings goes the precise way to place them.
  return cleanFile(plainYaml(text, maxDepth), () => undefined);
}

/** Places a model's warnings in the file, or gives up (undefined) and the file goes the precise way. */
type Placer = (problems: readonly Problem[]) => Located[] | undefined;

/**
 * Warnings of a clean file placed where the precise way places them, without it: `offsets`
 * finds the value at each path in the text (undefined: the precise way decides).
 */
function placer(
  text: string,
  file: string,
  offsets: (paths: FilePath[]) => Array<number | undefined> | undefined,
): Placer {
  return (problems) => {
    const found = offsets(problems.map((problem) => problem.path));
    if (!found || found.some((offset) => offset === undefined)) return undefined;
    const places = linesAndColumns(text, found as number[]);
    return sortLocated(
      problems.map((problem, index) => ({file, ...places[index]!, message: problem.message})),
    );
  };
}

export function refused(
  file: string,
  refusal: {message: string; line: number; column: number},
): LoadResult {
  return {ok: false, errors: [{file, ...refusal}], warnings: []};
}

/** Optional lists left empty (`sites:` with every item commented out) mean no items. */
const optionalLists = ['sites', 'accounts', 'vms', 'loadBalancers', 'gslbs', 'services'];
export function withoutEmptyLists(data: object): object {
  const record = data as Record<string, unknown>;
  if (!optionalLists.some((key) => record[key] === null)) return data;
  return Object.fromEntries(
    Object.entries(record).filter(
      ([key, value]) => !(value === null && optionalLists.includes(key)),
    ),
  );
}

/**
 * A clean file's data, loaded without positions: valid, its warnings (if any) placed by `place`.
 * Anything else (undefined included) goes the precise way, which places every message. The
 * schema is checked without zod here (load/fast-schema), so a clean file never loads it.
 */
function cleanFile(data: unknown, place: Placer): LoadResult | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const topology = cleanTopology(withoutEmptyLists(data));
  if (!topology) return undefined;
  const built = buildModel(topology);
  if (!built.ok) return undefined;
  if (built.warnings.length === 0) return {ok: true, model: built.model, warnings: []};
  const warnings = place(built.warnings);
  return warnings && {ok: true, model: built.model, warnings};
}
