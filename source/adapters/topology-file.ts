import {readSync} from 'node:fs';
import {open, stat} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {maxTopologyBytes, tooLarge, utf8Decoder} from '../core/load/decode.js';
import {completeUtf8} from '../core/utf8.js';
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
    const text = info.isFile() ? await readUtf8(file) : undefined;
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

/** The most read at once: below glibc's 128 KiB, so a read's buffer never comes from mmap. */
const readChunkBytes = 64 * 1024;

/**
 * A file's text, read and decoded a piece at a time; undefined if it is not UTF-8 or is over
 * the limit. No buffer the size of the file is made. A buffer that size is malloc'd by Node,
 * and freeing one over 128 KiB raises glibc's mmap and trim thresholds for the rest of the
 * process (to 2× its size, so 32 MB after a 100k-VM file), after which every thread's malloc
 * arena keeps that much freed memory instead of giving it back: measured at 10k VMs, a third
 * of the resident memory a flood of events added. The text itself lives on V8's heap.
 */
export async function readUtf8(
  file: string,
  chunkBytes = readChunkBytes,
): Promise<string | undefined> {
  const first = utf8Decoder(true);
  const rest = utf8Decoder(false);
  if (!first || !rest) return undefined;
  const handle = await open(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(chunkBytes);
    const parts: string[] = [];
    let carried = 0;
    let total = 0;
    for (;;) {
      // Read synchronously: a 16 MB file is 256 reads, and a round trip through libuv's thread
      // pool for each doubled the time to read it (22 → 45 ms); the file is parsed just after,
      // synchronously, for far longer.
      const bytesRead = readSync(handle.fd, chunk, carried, chunk.length - carried, null);
      total += bytesRead;
      if (total > maxTopologyBytes) return undefined;
      const end = carried + bytesRead;
      // A character cut by the chunk's end waits for the rest of its bytes; at the end of the
      // file, what is left is decoded whole, and the decoder refuses a cut character.
      const whole = bytesRead === 0 ? end : completeUtf8(chunk, end);
      if (whole === 0 && bytesRead > 0) {
        carried = end;
        continue;
      }
      // The first piece drops a byte order mark; later ones keep U+FEFF as text.
      parts.push((parts.length === 0 ? first : rest).decode(chunk.subarray(0, whole)));
      if (bytesRead === 0) return parts.join('');
      chunk.copy(chunk, 0, whole, end);
      carried = end - whole;
    }
  } catch (error) {
    if (error instanceof TypeError) return undefined; // not UTF-8: the decoder refused it
    throw error;
  } finally {
    await handle.close();
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
