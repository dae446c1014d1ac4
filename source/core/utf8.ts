/** The length of `bytes[0, end)` without a trailing character whose bytes are not all there. */
export function completeUtf8(bytes: Uint8Array, end: number): number {
  for (let back = 1; back <= 3 && back <= end; back++) {
    const byte = bytes[end - back]!;
    if (byte < 0x80) return end; // ASCII: nothing is cut
    if (byte >= 0xc0) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return length > back ? end - back : end;
    }
  }
  return end; // only continuation bytes: not UTF-8, and the decoder will say so
}
