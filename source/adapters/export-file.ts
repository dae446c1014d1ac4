import {closeSync, fsyncSync, linkSync, openSync, renameSync, rmSync, writeSync} from 'node:fs';
import {dirname, join} from 'node:path';
import type {WriteOutcome} from '../core/outputs.js';

/**
 * Writes `text` to `path` whole or not at all: into a temporary file beside it, then moved into
 * place. Without `overwrite` an existing file is kept (`:w` refuses, `:w!` replaces, as vim does):
 * the move is then a hard link, which fails if the name is taken, so nothing races it.
 */
export function writeFileAtomically(path: string, text: string, overwrite: boolean): WriteOutcome {
  const temporary = join(dirname(path), `.${process.pid}.${Date.now()}.failsight-tmp`);
  try {
    const fd = openSync(temporary, 'wx', 0o644);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (overwrite) renameSync(temporary, path);
    else linkSync(temporary, path);
    return {type: 'written'};
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && !overwrite) return {type: 'exists'};
    return {type: 'failed', message: error instanceof Error ? error.message : String(error)};
  } finally {
    rmSync(temporary, {force: true});
  }
}
