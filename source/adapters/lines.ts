/** What a stream of bytes holds: complete lines, and lines cut off because they were too long. */
export type LinePiece = {type: 'line'; text: string} | {type: 'tooLong'; bytes: number};

export const maxLineBytes = 1 << 20;

/**
 * Splits bytes into lines. Lines are cut on the newline byte and decoded whole, so a UTF-8
 * character split across reads decodes right; only the new chunk is scanned for the newline, so
 * a huge line costs linear time; a line longer than `limit` is dropped (reported once) and the
 * bytes up to its newline skipped.
 */
export class LineSplitter {
  private parts: Buffer[] = [];
  private length = 0;
  private skipping = false;

  constructor(private readonly limit = maxLineBytes) {}

  reset() {
    this.parts = [];
    this.length = 0;
    this.skipping = false;
  }

  push(chunk: Buffer): LinePiece[] {
    const pieces: LinePiece[] = [];
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(0x0a, start);
      const end = newline === -1 ? chunk.length : newline;
      if (!this.skipping) {
        this.parts.push(chunk.subarray(start, end));
        this.length += end - start;
        if (this.length > this.limit) {
          pieces.push({type: 'tooLong', bytes: this.length});
          this.parts = [];
          this.length = 0;
          this.skipping = true;
        }
      }
      if (newline === -1) break;
      if (this.skipping) this.skipping = false;
      else {
        pieces.push({type: 'line', text: Buffer.concat(this.parts, this.length).toString('utf8')});
        this.parts = [];
        this.length = 0;
      }
      start = newline + 1;
    }
    return pieces;
  }
}
