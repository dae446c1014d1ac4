import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import fc from 'fast-check';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {readUtf8} from '../../source/adapters/read-utf8.js';
import {loadTopologyFile} from '../../source/adapters/topology-file.js';
import {completeUtf8} from '../../source/core/utf8.js';
import {parseTopologyBytes} from '../../source/core/load.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'failsight-read-'));
});
afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

/** The whole file decoded at once, as a strict decoder does it; undefined if it refuses. */
function decodedWhole(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', {fatal: true}).decode(bytes);
  } catch {
    return undefined;
  }
}

const encoder = new TextEncoder();
/** Pieces that make chunk boundaries interesting: characters of 1 to 4 bytes, BOMs, bad bytes. */
const piece = fc.oneof(
  fc
    .constantFrom('a', '\n', 'é', '한', '국', '€', '😀', '\ufeff')
    .map((text) => encoder.encode(text)),
  fc
    .constantFrom(0x80, 0xbf, 0xc0, 0xc3, 0xe2, 0xed, 0xf0, 0xf4, 0xf8, 0xff)
    .map((byte) => Uint8Array.of(byte)),
  fc.string({unit: 'grapheme', maxLength: 6}).map((text) => encoder.encode(text)),
);
const concat = (pieces: Uint8Array[]) => Uint8Array.from(pieces.flatMap((bytes) => [...bytes]));

describe('reading a topology file a piece at a time', () => {
  it('gives the text a strict decoder gives the whole file, or refuses what it refuses', async () => {
    let file = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, {maxLength: 40}),
        fc.integer({min: 4, max: 24}),
        fc.boolean(),
        async (pieces, chunkBytes, valid) => {
          // Half the runs keep only the pieces that are UTF-8 by themselves: a valid file.
          const kept = valid ? pieces.filter((bytes) => decodedWhole(bytes) !== undefined) : pieces;
          const bytes = concat(kept);
          const path = join(dir, `piece-${file++}.txt`);
          await writeFile(path, bytes);
          expect(readUtf8(path, Infinity, chunkBytes)).toBe(decodedWhole(bytes));
        },
      ),
      {numRuns: 400},
    );
  });

  it('cuts a chunk before a character whose bytes are not all in it', () => {
    const bytes = encoder.encode('a한😀');
    // 'a' is 1 byte, '한' 3 and '😀' 4: the whole string is 8 bytes.
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((end) => completeUtf8(bytes, end))).toEqual([
      1, 1, 1, 4, 4, 4, 4, 8,
    ]);
  });

  it('loads a file with Korean text across its first 64 KiB read as its bytes say', async () => {
    const demo = await readFile(new URL('../../fixtures/demo.yaml', import.meta.url), 'utf8');
    const head = '\ufeff# ';
    // Padded so that the comment's first Korean character, 3 bytes, starts a byte before the
    // first read's end.
    const pad = 'x'.repeat(65_535 - encoder.encode(head).length);
    const text = `${head}${pad}한국 zone\n${demo}`;
    const path = join(dir, 'across.yaml');
    await writeFile(path, text);
    const bytes = encoder.encode(text);
    expect(bytes.indexOf(0xed, 65_530)).toBe(65_535); // 한 is ED 95 9C
    expect(readUtf8(path)).toBe(text.slice(1));
    const loaded = await loadTopologyFile(path);
    expect(loaded.ok).toBe(true);
    expect(loaded).toEqual(parseTopologyBytes(bytes, path));
  });
});
