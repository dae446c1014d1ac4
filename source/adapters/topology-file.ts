import {open, stat} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {maxTopologyBytes, tooLarge} from '../core/load/decode.js';
import {readUtf8} from './read-utf8.js';
import {
  parseTopologyBytesLazily,
  parseTopologyTextLazily,
  type LoadResult,
} from '../core/load/fast.js';

/** The demo topology shipped with the package, opened when no FILE is given. */
export const bundledDemo = fileURLToPath(new URL('../../../fixtures/demo.yaml', import.meta.url));

/** Reads and parses a topology file; every failure comes back as a located message, never a throw. */
export async function loadTopologyFile(file: string): Promise<LoadResult> {
  // About the file as a whole, not a place in it: line 0 (printed without a position).
  const fail = (message: string): LoadResult => ({
    ok: false,
    errors: [{file, line: 0, column: 0, message}],
    warnings: [],
  });
  try {
    const info = await stat(file);
    if (info.isDirectory()) return fail('is a directory, not a topology file');
    if (info.size > maxTopologyBytes) return fail(tooLarge(info.size));
    const text = info.isFile() ? readUtf8(file, maxTopologyBytes) : undefined;
    if (text !== undefined) return await parseTopologyTextLazily(text, file, preciseParser);
    // Not UTF-8, grown past the limit, or not a file: the bytes say why, and where.
    const bytes = await readAtMost(file, info.size, maxTopologyBytes + 1);
    return await parseTopologyBytesLazily(bytes, file, preciseParser);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('no such file');
    if (code === 'EACCES') return fail('permission denied');
    return fail(`cannot read: ${(error as Error).message}`);
  }
}

/**
 * Reads up to `limit` bytes: a pipe or device (/dev/zero) reports no size and may never end. A
 * file is read into one buffer of its size (a byte more, to see it grow): no chunks to join.
 */
async function readAtMost(file: string, size: number, limit: number): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    let buffer = Buffer.allocUnsafe(Math.min(limit, Math.max(size + 1, 1 << 16)));
    let total = 0;
    while (total < limit) {
      if (total === buffer.length) {
        const larger = Buffer.allocUnsafe(Math.min(limit, buffer.length * 2));
        buffer.copy(larger, 0, 0, total);
        buffer = larger;
      }
      const {bytesRead} = await handle.read(buffer, total, buffer.length - total, null);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    return buffer.subarray(0, total);
  } finally {
    await handle.close();
  }
}

/**
 * The precise parser, and with it the `yaml` package and zod, load only for a file the fast
 * parsers give up on.
 */
export async function preciseParser(text: string, file: string): Promise<LoadResult> {
  const {parseTopology} = await import('../core/load.js');
  return parseTopology(text, file, {fast: false});
}
