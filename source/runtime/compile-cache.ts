import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import {createRequire} from 'node:module';
import {homedir} from 'node:os';
import {basename, dirname, join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {setFlagsFromString} from 'node:v8';
import {Script} from 'node:vm';

/**
 * The program is one script, `bundle.js`'s cli-body.js: an async function of node's `require`,
 * `import.meta` and a handle to save its compile cache. Node 20 keeps no compile cache for ES
 * modules (22 does), so every start parsed and compiled the same megabyte of JavaScript again:
 * about 45 ms of the dashboard's first frame. A script can be given V8's code cache instead.
 *
 * The cache is V8's own (`createCachedData`): V8 refuses one made by another V8 or under other
 * flags, and the program then compiles as it would without. V8 checks the source only by its
 * length, so each cache is named after the body's content hash. Each command keeps its own
 * cache, made by its first run: what a `check` compiles is not what the dashboard's first frame
 * needs. It is written only when the program asks, once it has done its work: a command when
 * it has run, the dashboard once it is still or closes (and before it changes V8's flags to
 * collect). A run that ends at a usage error or --help writes none: its cache, taken by every
 * later run, would hold little of what they compile.
 */
export interface Body {
  /** The script's path. */
  path: string;
  /** A hash of its text. */
  hash: string;
}

export type BodyFunction = (
  require: NodeJS.Require,
  meta: {url: string},
  cache: CompileCache,
) => Promise<void>;

export interface CompileCache {
  /** Writes the cache if this run has to (none was there, or V8 refused it); then never again. */
  save(): void;
  /**
   * In a run started in V8's baseline tiers (see `smallInputs`), lets V8 optimize from now on:
   * the topology read turned out to hold more work than the file's size said. Else nothing.
   */
  optimize(): void;
}

/**
 * Runs the body with the command line `argv` (its commands named in `commands`; `oneShot` those
 * that read topology files, answer once and exit).
 */
export async function runBody(
  body: Body,
  argv: readonly string[],
  commands: readonly string[],
  oneShot: readonly string[],
) {
  const key = cacheKey(argv, commands);
  const baseline = oneShot.includes(key) && smallInputs(argv.slice(argv.indexOf(key) + 1));
  // The flag is set before anything is compiled: V8 takes a cache made under the same flags only.
  if (baseline) setFlagsFromString('--no-opt');
  const file = cacheFileName(body, baseline ? `${key}-baseline` : key);
  const places = cacheDirectories(dirname(body.path), process.env);
  const {script, fresh} = compile(body.path, cachedBytes(places, file));
  let saved = !fresh;
  let optimizing = false;
  const cache: CompileCache = {
    save() {
      if (saved) return;
      saved = true;
      // Made under the flags of the runs that read it, which start in baseline tiers.
      if (optimizing) setFlagsFromString('--no-opt');
      writeCache(places, file, script.createCachedData());
      if (optimizing) setFlagsFromString('--opt');
    },
    optimize() {
      if (!baseline || optimizing) return;
      optimizing = true;
      setFlagsFromString('--opt');
    },
  };
  const run = script.runInThisContext() as BodyFunction;
  await run(createRequire(body.path), {url: pathToFileURL(body.path).href}, cache);
}

/**
 * The script, with the cache if V8 takes it; `fresh` if it compiled without one. A function of
 * its own, so the cache's bytes are garbage as soon as V8 has read them.
 */
function compile(path: string, cachedData: Uint8Array | undefined) {
  const script = new Script(readBody(path), {filename: path, cachedData});
  return {script, fresh: cachedData === undefined || script.cachedDataRejected === true};
}

/** Below this size, a topology may be answered before an optimized compile pays off. */
const smallInputBytes = 1024 * 1024;

/**
 * Whether a one-shot command's topology files are all small: its arguments that name regular
 * files are each under 1 MB (the others are flag values and ids), and there is one at least.
 * Such a run keeps to V8's baseline tiers (`--no-opt`): it is done before an optimized compile
 * of its hottest functions pays off, and V8 finishes every optimized compile still running
 * before the process may exit, which held the end of a `check` of the demo up by 60-80 ms, a
 * third of its time. Standard input, of unknown size, is not small. A file's size does not
 * say how much work its topology holds, though: a thousand services on the demo's seven VMs
 * (70 kB) are answered sooner in baseline tiers, a hundred VMs behind load balancers and a
 * GSLB (26 kB) sooner optimized. So the command asks again once it has read the topology
 * (`optimizeFor` in save-compile-cache.ts).
 */
export function smallInputs(args: readonly string[]): boolean {
  let files = 0;
  for (const arg of args) {
    if (arg === '-') return false;
    if (arg.startsWith('-')) continue;
    let stats;
    try {
      stats = statSync(arg);
    } catch {
      continue; // a flag's value or an id, not a file
    }
    if (!stats.isFile()) continue;
    if (stats.size >= smallInputBytes) return false;
    files++;
  }
  return files > 0;
}

/** The cache a command line uses: its command's name, the dashboard's without one. */
export function cacheKey(argv: readonly string[], commands: readonly string[]): string {
  const first = argv.find((arg) => !arg.startsWith('-'));
  return first !== undefined && commands.includes(first) ? first : 'dashboard';
}

export function cacheFileName(body: Body, key: string): string {
  return `${basename(body.path, '.js')}.${body.hash}.${key}.cache`;
}

/**
 * Where caches go: beside the body when its directory can be written (a checkout, a user's
 * install), else the user's cache directory (an install owned by root). Never a shared
 * directory such as /tmp: V8 runs what a cache holds.
 */
export function cacheDirectories(bodyDirectory: string, env: NodeJS.ProcessEnv): string[] {
  const places = [bodyDirectory];
  const xdg = env['XDG_CACHE_HOME'];
  let home: string | undefined;
  try {
    home = homedir();
  } catch {
    home = undefined;
  }
  if (xdg?.startsWith('/')) places.push(join(xdg, 'failsight'));
  else if (home) places.push(join(home, '.cache', 'failsight'));
  return places;
}

/** The first of `places` that holds `file`, read outside malloc (see `outsideMalloc`). */
function cachedBytes(places: readonly string[], file: string): Uint8Array | undefined {
  for (const place of places) {
    const bytes = readOutsideMalloc(join(place, file));
    if (bytes) return bytes;
  }
  return undefined;
}

/**
 * The body's text, its bytes read outside malloc (see `outsideMalloc`) and decoded at once: one
 * string of a megabyte, made where V8 keeps large objects. Decoded a piece at a time, as the
 * topology loader reads a file, its pieces and their join filled the young generation three
 * times over before the program began (some 12 ms of collections at each start).
 */
function readBody(path: string): string {
  const bytes = readOutsideMalloc(path);
  if (bytes === undefined) return readFileSync(path, 'utf8');
  return new TextDecoder().decode(bytes);
}

/** A file's bytes in memory that is not malloc's; undefined if there is no such file. */
export function readOutsideMalloc(path: string): Uint8Array | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const size = fstatSync(fd).size;
    const bytes = outsideMalloc(size);
    let total = 0;
    for (let read = 1; total < size && read > 0; total += read)
      read = readSync(fd, bytes, total, size - total, null);
    return bytes.subarray(0, total);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * `size` bytes that V8 maps from the system itself, as it does a WebAssembly memory, rather
 * than through malloc (for the reason in `readAscii`); they go back to the system when the
 * memory is garbage. A plain buffer where WebAssembly is not to be had.
 */
export function outsideMalloc(size: number): Uint8Array {
  try {
    const pages = Math.max(1, Math.ceil(size / 65_536));
    return new Uint8Array(new WebAssembly.Memory({initial: pages}).buffer, 0, size);
  } catch {
    return new Uint8Array(size);
  }
}

/**
 * Writes the cache to the first of `places` that takes it, whole or not at all (a temporary
 * file renamed over it), and removes that directory's caches of other builds. A cache that
 * cannot be written is only a slower next start.
 */
export function writeCache(places: readonly string[], file: string, data: Uint8Array): void {
  for (const place of places) {
    const temporary = join(place, `${file}.${process.pid}.tmp`);
    try {
      mkdirSync(place, {recursive: true});
      writeFileSync(temporary, data);
      renameSync(temporary, join(place, file));
    } catch {
      try {
        rmSync(temporary, {force: true});
      } catch {
        // not even a directory there
      }
      continue;
    }
    removeOtherBuilds(place, file);
    return;
  }
}

/** Caches of other builds of the same body, beside `file`: `name.hash.key.cache`. */
function removeOtherBuilds(place: string, file: string): void {
  const [name, hash] = file.split('.');
  try {
    for (const other of readdirSync(place)) {
      const parts = other.split('.');
      if (parts.length === 4 && parts[0] === name && parts[1] !== hash && parts[3] === 'cache')
        rmSync(join(place, other), {force: true});
    }
  } catch {
    // an unreadable directory keeps its files
  }
}
