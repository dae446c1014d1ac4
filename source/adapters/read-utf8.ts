import {closeSync, openSync, readSync} from 'node:fs';
import {utf8Decoder} from '../core/load/decode.js';
import {completeUtf8} from '../core/utf8.js';

/** The most read at once: below glibc's 128 KiB, so a read's buffer never comes from mmap. */
const readChunkBytes = 64 * 1024;

/**
 * A file's text, read and decoded a piece at a time; undefined if it is not UTF-8 or is over
 * `limit` bytes (the topology loader then reads the bytes to say where and why). No buffer
 * the size of the file is made. A buffer that size is malloc'd by Node, and freeing one over
 * 128 KiB raises glibc's mmap and trim thresholds for the rest of the process (to 2× its
 * size, so 32 MB after a 100k-VM file), after which every thread's malloc arena keeps that
 * much freed memory instead of giving it back: measured at 10k VMs, a third of the resident
 * memory a flood of events added. The text itself lives on V8's heap.
 */
export function readUtf8(
  file: string,
  limit = Infinity,
  chunkBytes = readChunkBytes,
): string | undefined {
  const first = utf8Decoder(true);
  const rest = utf8Decoder(false);
  if (!first || !rest) return undefined;
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(chunkBytes);
    const parts: string[] = [];
    let carried = 0;
    let total = 0;
    for (;;) {
      // Synchronously: a 16 MB file is 256 reads, and a round trip through libuv's thread pool
      // for each doubled the time to read it (22 → 45 ms); a topology is parsed just after,
      // synchronously, for far longer.
      const bytesRead = readSync(fd, chunk, carried, chunk.length - carried, null);
      total += bytesRead;
      if (total > limit) return undefined;
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
    closeSync(fd);
  }
}
