import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {isAbsolute, relative} from 'node:path';
import {maxTopologyBytes, tooLarge} from '../core/load/decode.js';
import {parseTopologyBytesLazily, type LoadResult} from '../core/load/fast.js';
import {printable} from '../core/printable.js';
import {loadTopologyFile, preciseParser} from './topology-file.js';

/** A topology named on the command line: a file, or `REV:path` in the current directory's git repository. */
export type TopologySource =
  {type: 'file'; path: string} | {type: 'git'; rev: string; path: string};

/**
 * A path that exists is a file, whatever it contains; otherwise `REV:path` is a git revision and a
 * path, read as `git show REV:./path` does: relative to the current directory, not the repository root.
 */
export function topologySource(spec: string, exists = existsSync): TopologySource {
  const colon = spec.indexOf(':');
  if (exists(spec) || colon <= 0 || colon === spec.length - 1) return {type: 'file', path: spec};
  return {type: 'git', rev: spec.slice(0, colon), path: spec.slice(colon + 1)};
}

/** The object name git is asked for: paths relative to the current directory, as `REV:./path`. */
export function gitObject(source: {rev: string; path: string}, cwd = process.cwd()): string {
  const path = isAbsolute(source.path) ? relative(cwd, source.path) : source.path;
  const local = path.startsWith('./') || path.startsWith('../') ? path : `./${path}`;
  return `${source.rev}:${local}`;
}

/** Loads a file or `REV:path`; every failure is a located message naming the source as written. */
export async function loadTopologySource(spec: string): Promise<LoadResult> {
  const source = topologySource(spec);
  if (source.type === 'file') return loadTopologyFile(source.path);
  const shown = await gitShow(gitObject(source));
  if (!shown.ok)
    return {
      ok: false,
      // The whole file is missing: no line or column to point at, as for a missing path.
      errors: [{file: spec, line: 0, column: 0, message: shown.message}],
      warnings: [],
    };
  return parseTopologyBytesLazily(shown.bytes, spec, preciseParser);
}

type Shown = {ok: true; bytes: Uint8Array} | {ok: false; message: string};

/** `git show OBJECT` without a shell; the object never reads as an option. */
function gitShow(object: string): Promise<Shown> {
  if (object.startsWith('-'))
    return Promise.resolve({ok: false, message: 'a revision cannot start with "-"'});
  return new Promise((resolve) => {
    execFile(
      'git',
      ['show', '--no-textconv', '--end-of-options', object],
      {encoding: 'buffer', maxBuffer: maxTopologyBytes + 1, windowsHide: true},
      (error, stdout, stderr) => {
        if (!error) {
          resolve({ok: true, bytes: stdout});
          return;
        }
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') resolve({ok: false, message: 'git is not installed or not on PATH'});
        else if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER')
          resolve({ok: false, message: tooLarge(maxTopologyBytes + 1)});
        else resolve({ok: false, message: `git show ${object}: ${gitMessage(stderr)}`});
      },
    );
  });
}

/** git's own words, first line, without "fatal:"; control characters (data) escaped. */
function gitMessage(stderr: Buffer): string {
  const line =
    stderr
      .toString('utf8')
      .split('\n')
      .map((text) => text.trim())
      .find((text) => text !== '') ?? 'failed';
  return printable(line.replace(/^(fatal|error):\s*/, ''));
}
