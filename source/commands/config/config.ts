import {homedir} from 'node:os';
import {resolve} from 'node:path';
import {configPath, readConfigFile} from '../../adapters/config-file.js';
import {parseConfig, type Config, type Place} from '../../core/config.js';
import {printable} from '../../core/printable.js';
import {rebindable} from '../../ui/keys/rebind.js';
import {usageError} from '../shared/errors.js';
import type {Flags, Invocation} from '../shared/invocation.js';

type Env = Record<string, string | undefined>;

/** Where a setting came from: the command line, a line of the config file, or the default. */
export type Origin = {from: 'flag'} | {from: 'config'; place: Place} | {from: 'default'};

export interface Configured {
  flags: Flags;
  origins: Map<string, Origin>;
  /** The config file read, if there was one. */
  path: string | undefined;
  /** Keys it gives to commands (`fail: f`). */
  keys: Record<string, string>;
}

/** The flags a setting of the config file stands for, and whether only the dashboard takes it. */
const settings = [
  {name: 'lang', flag: 'lang', dashboard: false},
  {name: 'theme', flag: 'theme', dashboard: false},
  {name: 'color', flag: 'color', dashboard: false},
  {name: 'ascii', flag: 'ascii', dashboard: false},
  {name: 'mouse', flag: 'mouse', dashboard: true},
  {name: 'interval', flag: 'interval', dashboard: true},
  {name: 'read-only', flag: 'readOnly', dashboard: true},
] as const;

const sourceSettings = [
  {name: 'prometheus', flag: 'prometheus'},
  {name: 'prom-query', flag: 'promQuery'},
  {name: 'alertmanager', flag: 'alertmanager'},
  {name: 'events', flag: 'events'},
  {name: 'probe', flag: 'probe'},
  {name: 'watch', flag: 'watch'},
  {name: 'interval', flag: 'interval'},
] as const;

const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** The flags written on the command line (`--lang ko`, `--no-color`, `--theme=light`). */
export function givenFlags(argv: readonly string[]): Set<string> {
  const given = new Set<string>();
  for (const argument of argv) {
    if (argument === '--') break;
    const match = /^--(no-)?([a-z][a-z-]*)(=.*)?$/.exec(argument);
    if (match) given.add(camel(match[2]!));
  }
  return given;
}

/** A path of the config file as the topology file it names: `~/` is the home directory. */
function samePath(written: string, file: string): boolean {
  const expanded = written.startsWith('~/') ? resolve(homedir(), written.slice(2)) : written;
  return resolve(expanded) === resolve(file);
}

function exitBadConfig(
  path: string,
  errors: {line: number; column: number; message: string}[],
): never {
  const lines = errors.map(
    (e) => `failsight: ${path}:${e.line}:${e.column}: ${printable(e.message)}`,
  );
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exit(2);
}

/** The config file, checked; a bad one ends the program with its places and exit 2. */
export function loadConfig(
  env: Env,
): {config: Config; path: string; placeOf: (p: string[]) => Place | undefined} | undefined {
  const path = configPath(env);
  let text: string | undefined;
  try {
    text = readConfigFile(path);
  } catch (error) {
    usageError(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (text === undefined) return undefined;
  const result = parseConfig(text);
  if (!result.ok) return exitBadConfig(path, result.errors);
  const unknownKeys = Object.keys(result.config.keys ?? {}).filter((name) => !rebindable.has(name));
  if (unknownKeys.length > 0)
    exitBadConfig(
      path,
      unknownKeys.map((name) => ({
        ...(result.placeOf(['keys', name]) ?? {line: 1, column: 1}),
        message: `keys: no command "${name}" (the commands are those of the : line, e.g. fail, undo, sweep)`,
      })),
    );
  return {config: result.config, path, placeOf: (p) => result.placeOf(p)};
}

/**
 * The flags with the config file's defaults under them: what the command line says wins, then
 * the file, then the built-in default. The file's live sources apply to the topology file they
 * name, and only to the dashboard; `--no-config` leaves the file unread.
 */
export function configured(
  flags: Flags,
  argv: readonly string[],
  options: {dashboard: boolean; file: string | undefined; env: Env},
): Configured {
  const origins = new Map<string, Origin>();
  const given = givenFlags(argv);
  const loaded = flags.config ? loadConfig(options.env) : undefined;
  const next: Record<string, unknown> = {...flags};
  const set = (key: string, flag: string, value: unknown, place: Place | undefined) => {
    if (given.has(flag)) return origins.set(key, {from: 'flag'});
    if (value === undefined || !place) return origins.set(key, {from: 'default'});
    next[flag] = typeof value === 'number' ? String(value) : value;
    origins.set(key, {from: 'config', place});
  };
  for (const setting of settings) {
    if (setting.dashboard && !options.dashboard) continue;
    const value = loaded?.config[setting.name];
    set(setting.name, setting.flag, value, loaded?.placeOf([setting.name]));
  }
  const sources = Object.entries(loaded?.config.sources ?? {}).find(
    ([written]) => options.file !== undefined && samePath(written, options.file),
  );
  if (options.dashboard && sources && loaded) {
    const [written, values] = sources;
    for (const setting of sourceSettings) {
      const value = values[setting.name];
      if (value === undefined) continue;
      set(
        `sources.${setting.name}`,
        setting.flag,
        value,
        loaded.placeOf(['sources', written, setting.name]),
      );
    }
  }
  for (const [name, key] of Object.entries(loaded?.config.keys ?? {}))
    origins.set(`keys.${name} = ${key}`, {
      from: 'config',
      place: loaded!.placeOf(['keys', name]) ?? {line: 1, column: 1},
    });
  return {flags: next as Flags, origins, path: loaded?.path, keys: loaded?.config.keys ?? {}};
}

const shown = (value: unknown) =>
  value === undefined ? '(not set)' : Array.isArray(value) ? value.join(', ') : String(value);

/**
 * `failsight config [FILE]`: every setting the dashboard of FILE would start with, and where
 * each came from (a flag, the config file's line, or the default). It only reads.
 */
export async function configCommand(invocation: Invocation): Promise<number> {
  const argv = process.argv.slice(2);
  const file = invocation.files[0];
  const {flags, origins, path} = configured(invocation.flags, argv, {
    dashboard: true,
    file,
    env: process.env,
  });
  const where = (origin: Origin | undefined) =>
    origin?.from === 'config'
      ? `${path}:${origin.place.line}:${origin.place.column}`
      : origin?.from === 'flag'
        ? 'command line'
        : 'default';
  const filePath = path ?? configPath(process.env);
  const lines = [
    invocation.flags.config
      ? `config file: ${filePath}${path ? '' : ' (none)'}`
      : 'config file: not read (--no-config)',
    '',
  ];
  const rows: [string, string, string][] = [];
  const terminal = invocation.terminal;
  const value = (name: string, flag: string): unknown =>
    name === 'lang'
      ? terminal.lang
      : name === 'theme'
        ? (flags.theme ?? 'dark')
        : (flags as Record<string, unknown>)[flag];
  for (const setting of settings)
    rows.push([
      setting.name,
      shown(value(setting.name, setting.flag)),
      where(origins.get(setting.name)),
    ]);
  for (const setting of sourceSettings) {
    const origin = origins.get(`sources.${setting.name}`);
    if (origin)
      rows.push([
        `sources.${setting.name}`,
        shown((flags as Record<string, unknown>)[setting.flag]),
        where(origin),
      ]);
  }
  for (const [name, origin] of origins)
    if (name.startsWith('keys.')) rows.push([name, '', where(origin)]);
  const width = Math.max(...rows.map(([name]) => name.length));
  const valueWidth = Math.max(...rows.map(([, v]) => v.length));
  for (const [name, v, from] of rows)
    lines.push(`${name.padEnd(width)}  ${v.padEnd(valueWidth)}  ${from}`.trimEnd());
  if (file === undefined) lines.push('', 'sources: give FILE to see the live sources set for it');
  invocation.write(lines.map(printable).join('\n') + '\n');
  return 0;
}
