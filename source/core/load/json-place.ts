import type {FilePath} from '../model.js';

/**
 * Where values sit in the text of valid JSON without duplicate keys: the offset of the value at
 * each path (its opening quote, bracket or first character, as the YAML parser places it), or
 * undefined for a path the text does not hold. One walk, into the wanted parts only, so that a
 * clean file with a warning or two is placed in milliseconds, not re-read by the YAML parser.
 */
export function jsonOffsets(text: string, paths: readonly FilePath[]): Array<number | undefined> {
  const root = new Step();
  paths.forEach((path, index) => {
    let step = root;
    for (const part of path) {
      let next = step.children.get(part);
      if (!next) step.children.set(part, (next = new Step()));
      step = next;
    }
    step.wanted.push(index);
  });
  const offsets: Array<number | undefined> = paths.map(() => undefined);
  new Walk(text, offsets).value(root);
  return offsets;
}

/** A node of the tree of wanted paths. */
class Step {
  readonly children = new Map<string | number, Step>();
  readonly wanted: number[] = [];
}

class Walk {
  private at = 0;

  constructor(
    private readonly text: string,
    private readonly offsets: Array<number | undefined>,
  ) {}

  value(step: Step) {
    this.space();
    for (const index of step.wanted) this.offsets[index] = this.at;
    const char = this.text.charCodeAt(this.at);
    if (step.children.size === 0) this.skip();
    else if (char === 0x7b) this.object(step);
    else if (char === 0x5b) this.array(step);
    else this.skip();
  }

  private object(step: Step) {
    this.at++;
    this.space();
    if (this.text.charCodeAt(this.at) === 0x7d) {
      this.at++;
      return;
    }
    for (;;) {
      this.space();
      const key = this.string();
      this.space();
      this.at++; // the colon
      const child = step.children.get(key);
      if (child) this.value(child);
      else this.skip();
      this.space();
      if (this.text.charCodeAt(this.at++) === 0x7d) return; // else a comma
    }
  }

  private array(step: Step) {
    this.at++;
    this.space();
    if (this.text.charCodeAt(this.at) === 0x5d) {
      this.at++;
      return;
    }
    for (let index = 0; ; index++) {
      const child = step.children.get(index);
      if (child) this.value(child);
      else this.skip();
      this.space();
      if (this.text.charCodeAt(this.at++) === 0x5d) return; // else a comma
    }
  }

  /** A string token's value; the text is valid JSON, so only escapes need JSON.parse. */
  private string(): string {
    const start = this.at;
    this.skipString();
    const token = this.text.slice(start, this.at);
    return token.includes('\\') ? (JSON.parse(token) as string) : token.slice(1, -1);
  }

  private skipString() {
    let close = this.text.indexOf('"', this.at + 1);
    while (this.text.charCodeAt(close - 1) === 0x5c) {
      let slashes = 1;
      while (this.text.charCodeAt(close - 1 - slashes) === 0x5c) slashes++;
      if (slashes % 2 === 0) break;
      close = this.text.indexOf('"', close + 1);
    }
    this.at = close + 1;
  }

  /** Past the value here: a string, a nested object or array, or a number or literal. */
  private skip() {
    this.space();
    const char = this.text.charCodeAt(this.at);
    if (char === 0x22) return this.skipString();
    if (char !== 0x7b && char !== 0x5b) {
      while (this.at < this.text.length && !isEnd(this.text.charCodeAt(this.at))) this.at++;
      return;
    }
    let depth = 0;
    for (;;) {
      const code = this.text.charCodeAt(this.at);
      if (code === 0x22) {
        this.skipString();
        continue;
      }
      this.at++;
      if (code === 0x7b || code === 0x5b) depth++;
      else if ((code === 0x7d || code === 0x5d) && --depth === 0) return;
    }
  }

  private space() {
    for (;;) {
      const code = this.text.charCodeAt(this.at);
      if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) return;
      this.at++;
    }
  }
}

/** What ends a number or literal: a comma, a closing bracket or white space. */
function isEnd(code: number): boolean {
  return (
    code === 0x2c ||
    code === 0x7d ||
    code === 0x5d ||
    code === 0x20 ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0x09
  );
}

/** Line and column (both from 1) of each offset, in one walk over the text's line ends. */
export function linesAndColumns(
  text: string,
  offsets: readonly number[],
): Array<{line: number; column: number}> {
  const order = offsets.map((_, index) => index).sort((a, b) => offsets[a]! - offsets[b]!);
  const placed: Array<{line: number; column: number}> = [];
  let line = 1;
  let lineStart = 0;
  for (const index of order) {
    const offset = offsets[index]!;
    for (let end = text.indexOf('\n', lineStart); end >= 0 && end < offset;) {
      line++;
      lineStart = end + 1;
      end = text.indexOf('\n', lineStart);
    }
    placed[index] = {line, column: offset - lineStart + 1};
  }
  return placed;
}
