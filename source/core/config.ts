import {isMap, isScalar, LineCounter, parseDocument, type Document} from 'yaml';
import {z} from 'zod';
import {parseDuration} from './duration.js';
import {didYouMean} from './nearest.js';

/**
 * The user's config file: defaults for flags, live sources per topology file, and keys. It is
 * read, never written (a program that rewrites its config loses what its user wrote there).
 */
const url = z
  .string()
  .refine((text) => /^https?:\/\/[^\s]+$/i.test(text), 'expected an http:// or https:// URL');
const duration = z.string().refine((text) => parseDuration(text).ok, {
  message: 'expected a duration: 30s, 2m, 500ms or a number of seconds',
});

const sourcesSchema = z
  .object({
    prometheus: url.optional(),
    'prom-query': z.string().min(1).optional(),
    alertmanager: url.optional(),
    events: z.string().min(1).optional(),
    probe: z.boolean().optional(),
    watch: z.boolean().optional(),
    interval: z.union([duration, z.number().positive()]).optional(),
  })
  .strict();

export const configSchema = z
  .object({
    lang: z.enum(['en', 'ko']).optional(),
    theme: z.enum(['dark', 'light', 'high-contrast', 'mono']).optional(),
    color: z.boolean().optional(),
    ascii: z.boolean().optional(),
    interval: z.union([duration, z.number().positive()]).optional(),
    'read-only': z.boolean().optional(),
    mouse: z.boolean().optional(),
    /** Live sources for a topology file, by its path (absolute, or `~/`). */
    sources: z.record(z.string(), sourcesSchema).optional(),
    /** A command name (`fail`, `undo`, …) and the one key that does it instead. */
    keys: z
      .record(
        z.string(),
        z.string().refine((key) => /^[\x21-\x7e]$/.test(key), 'expected one printable character'),
      )
      .optional(),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
export type SourceDefaults = z.infer<typeof sourcesSchema>;

/** Where a value was written: 1-based line and column. */
export interface Place {
  line: number;
  column: number;
}

export type ConfigResult =
  | {ok: true; config: Config; placeOf: (path: readonly (string | number)[]) => Place | undefined}
  | {ok: false; errors: {line: number; column: number; message: string}[]};

/** The node at `path`, or its key when `key` is set (an unknown key is pointed at by its name). */
function offsetAt(document: Document, path: readonly (string | number)[], key: boolean): number {
  let node: unknown = document.contents;
  let offset = 0;
  for (const [index, step] of path.entries()) {
    if (!isMap(node)) break;
    const pair = node.items.find((item) => isScalar(item.key) && item.key.value === step);
    if (!pair) break;
    const last = index === path.length - 1;
    const target = last && key ? pair.key : (pair.value ?? pair.key);
    offset = (target as {range?: [number, number]}).range?.[0] ?? offset;
    node = pair.value;
  }
  return offset;
}

/** The config file's text, checked: each value it sets, or every mistake with its place. */
export function parseConfig(text: string): ConfigResult {
  const lines = new LineCounter();
  const document = parseDocument(text, {lineCounter: lines, uniqueKeys: true});
  const at = (offset: number) => {
    const {line, col} = lines.linePos(offset);
    return {line, column: col};
  };
  if (document.errors.length > 0)
    return {
      ok: false,
      errors: document.errors.map((error) => ({...at(error.pos[0]), message: error.message})),
    };
  const data: unknown = document.toJS() ?? {};
  const parsed = configSchema.safeParse(data);
  if (!parsed.success)
    return {
      ok: false,
      errors: parsed.error.issues
        .map((issue) => {
          const path = issue.path.filter(
            (step): step is string | number => typeof step !== 'symbol',
          );
          if (issue.code === 'unrecognized_keys') {
            const name = issue.keys[0] ?? '';
            const place = at(offsetAt(document, [...path, name], true));
            const known = Object.keys(
              path[0] === 'sources' ? sourcesSchema.shape : configSchema.shape,
            );
            return {...place, message: `unknown setting "${name}"${didYouMean(name, known)}`};
          }
          const place = at(offsetAt(document, path, false));
          const where = path.length > 0 ? `${path.join('.')}: ` : '';
          return {...place, message: `${where}${issue.message}`};
        })
        .sort((a, b) => a.line - b.line || a.column - b.column),
    };
  return {
    ok: true,
    config: parsed.data,
    placeOf: (path) => {
      const offset = offsetAt(document, path, true);
      return offset === 0 && path.length > 0 && !document.hasIn(path) ? undefined : at(offset);
    },
  };
}
