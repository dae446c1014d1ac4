/**
 * A parser for the plain YAML a topology is written in — block mappings and lists, one-line
 * flow lists and mappings, plain and simply quoted scalars, comments — ten times faster than a
 * document with positions. Anything beyond that subset (anchors, tags, block scalars, escapes,
 * multi-line values, duplicate keys, deep nesting, tabs, CR) gives undefined, and the file goes
 * the precise way, which also places every error. Where it answers, its data equals what
 * `yaml` makes of the same text (a differential test holds it to that).
 */
export function plainYaml(text: string, maxDepth: number): unknown {
  try {
    return new Reader(text, maxDepth).document();
  } catch (error) {
    if (error === outside) return undefined;
    throw error;
  }
}

/** For every mapping and list read, the offset of each of its values (of the key, when empty). */
type Places = Map<object, Map<string | number, number>>;

/**
 * The offset of the value at each path (of its key, for an empty value), as the YAML parser
 * places them, or undefined where the text does not say; undefined for text outside the subset.
 * For a clean file's warnings only: it reads the text again, noting places.
 */
export function yamlOffsets(
  text: string,
  maxDepth: number,
  paths: ReadonlyArray<ReadonlyArray<string | number>>,
): Array<number | undefined> | undefined {
  const places: Places = new Map();
  let data: unknown;
  try {
    data = new Reader(text, maxDepth, places, new Set(paths.map((path) => path[0]!))).document();
  } catch (error) {
    if (error === outside) return undefined;
    throw error;
  }
  return paths.map((path) => {
    let node = data;
    let offset: number | undefined;
    for (const part of path) {
      if (typeof node !== 'object' || node === null) return undefined;
      offset = places.get(node)?.get(part);
      if (offset === undefined) return undefined;
      node = (node as Record<string | number, unknown>)[part];
    }
    return offset;
  });
}

/** Thrown where the text leaves the subset; caught at the top. */
const outside = new Error('outside the plain subset');
const bail = (): never => {
  throw outside;
};

const key = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;
const comment = /^#/;

class Reader {
  /** The lines that hold something: indent and content (no comment-only or blank lines). */
  private readonly indents: number[] = [];
  private readonly texts: string[] = [];
  /** The offset in the file of each line's text. */
  private readonly starts: number[] = [];
  private at = 0;

  /** Where places are noted now: only inside the sections asked about. */
  private noting: Places | undefined;

  constructor(
    text: string,
    private readonly maxDepth: number,
    private readonly places?: Places,
    private readonly sections?: ReadonlySet<string | number>,
  ) {
    if (text.includes('\t') || text.includes('\r')) bail();
    // By index rather than split and trim: a large file has a million lines, and garbage is the cost.
    for (let start = 0; start <= text.length;) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      let from = start;
      while (from < end && text.charCodeAt(from) === 0x20) from++;
      if (from < end && text.charCodeAt(from) !== 0x23) {
        if (from === start && /^(---|\.\.\.|%)/.test(text.slice(start, start + 3))) bail();
        let to = end;
        while (to > from && text.charCodeAt(to - 1) === 0x20) to--;
        this.indents.push(from - start);
        this.texts.push(text.slice(from, to));
        this.starts.push(from);
      }
      start = end + 1;
    }
  }

  document(): unknown {
    if (this.texts.length === 0 || this.indents[0] !== 0 || isItem(this.texts[0]!)) bail();
    const data = this.mapping(0, 1);
    if (this.at < this.texts.length) bail();
    return data;
  }

  /** Key names as one string each: a property stored under a name it has seen is stored fast. */
  private readonly names = new Map<string, string>();

  private keyName(name: string): string {
    const known = this.names.get(name);
    if (known !== undefined) return known;
    this.names.set(name, name);
    return name;
  }

  private block(indent: number, depth: number): unknown {
    if (depth > this.maxDepth) bail();
    return isItem(this.texts[this.at]!) ? this.list(indent, depth) : this.mapping(indent, depth);
  }

  private mapping(indent: number, depth: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    while (this.at < this.texts.length) {
      const lineIndent = this.indents[this.at]!;
      const text = this.texts[this.at]!;
      if (lineIndent < indent) break;
      if (lineIndent > indent || isItem(text)) bail();
      const colon = keyEnd(text);
      const name = this.keyName(text.slice(0, colon));
      if (Object.hasOwn(result, name) || name === '__proto__') bail();
      const rest = keyRest(text, colon);
      const keyAt = this.starts[this.at]!;
      this.at++;
      if (depth === 1) this.noting = this.sections?.has(name) ? this.places : undefined;
      if (rest !== '' && !comment.test(rest)) {
        const at = keyAt + text.length - rest.length;
        note(this.noting, result, name, at);
        result[name] = inline(rest, depth + 1, this.maxDepth, this.noting, at);
        // A value continued on the next lines is a multi-line scalar: not in the subset.
        if (this.at < this.texts.length && this.indents[this.at]! > indent) bail();
        continue;
      }
      const nextIndent = this.indents[this.at] ?? -1;
      const block = nextIndent > indent || (nextIndent === indent && isItem(this.texts[this.at]!));
      // A block starts at its first key or dash; an empty value is placed at its key.
      note(this.noting, result, name, block ? this.starts[this.at]! : keyAt);
      if (nextIndent > indent) result[name] = this.block(nextIndent, depth + 1);
      else if (block) result[name] = this.list(indent, depth + 1);
      else result[name] = null;
    }
    return result;
  }

  private list(indent: number, depth: number): unknown[] {
    if (depth > this.maxDepth) bail();
    const result: unknown[] = [];
    while (this.at < this.texts.length) {
      const lineIndent = this.indents[this.at]!;
      const text = this.texts[this.at]!;
      if (lineIndent !== indent || !isItem(text)) {
        if (lineIndent > indent) bail();
        break;
      }
      const rest = text.slice(1).trimStart();
      const restAt = this.starts[this.at]! + text.length - rest.length;
      if (rest === '' || comment.test(rest)) {
        this.at++;
        const nextIndent = this.indents[this.at] ?? -1;
        note(
          this.noting,
          result,
          result.length,
          this.starts[this.at - (nextIndent > indent ? 0 : 1)]!,
        );
        result.push(nextIndent > indent ? this.block(nextIndent, depth + 1) : null);
        continue;
      }
      if (key.test(rest)) {
        // `- id: x`: a mapping whose first field shares the dash's line.
        const column = indent + text.length - rest.length;
        this.indents[this.at] = column;
        this.texts[this.at] = rest;
        this.starts[this.at] = restAt;
        note(this.noting, result, result.length, restAt);
        if (depth + 1 > this.maxDepth) bail();
        result.push(this.mapping(column, depth + 1));
        continue;
      }
      this.at++;
      note(this.noting, result, result.length, restAt);
      result.push(inline(rest, depth + 1, this.maxDepth, this.noting, restAt));
      if (this.at < this.texts.length && this.indents[this.at]! > indent) bail();
    }
    return result;
  }
}

/** Records where a value sits, when places are asked for. */
function note(places: Places | undefined, container: object, key: string | number, at: number) {
  if (!places) return;
  let inner = places.get(container);
  if (!inner) places.set(container, (inner = new Map()));
  inner.set(key, at);
}

/**
 * Where the key of `name: rest` ends (its colon), as `key` reads it, without a match to
 * allocate: a name of letters, digits, `_` and `-` (not first), then a colon.
 */
function keyEnd(text: string): number {
  const first = text.charCodeAt(0);
  if (!(isLetter(first) || first === 0x5f)) bail();
  let at = 1;
  for (let code = text.charCodeAt(at); ; code = text.charCodeAt(++at)) {
    if (isLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x2d)
      continue;
    if (code !== 0x3a) bail();
    return at;
  }
}

/** The rest after `name:`: nothing, or what follows one or more spaces (on the line). */
function keyRest(text: string, colon: number): string {
  if (colon + 1 === text.length) return '';
  if (text.charCodeAt(colon + 1) !== 0x20) bail();
  let at = colon + 2;
  while (text.charCodeAt(at) === 0x20) at++;
  const rest = text.slice(at);
  // `.` of the key pattern stops at line terminators; a rest holding one is not a plain line.
  if (/[\n\r\u2028\u2029]/.test(rest)) bail();
  return rest;
}

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

const isItem = (text: string) => text === '-' || text.startsWith('- ');

/** A value on the rest of a line: a flow collection, a quoted string or a plain scalar. */
function inline(
  text: string,
  depth: number,
  maxDepth: number,
  places: Places | undefined,
  at: number,
): unknown {
  const first = text[0];
  if (first === '[' || first === '{' || first === '"' || first === "'") {
    const flow = new Flow(text, maxDepth, places, at);
    const value = flow.value(depth);
    flow.end();
    return value;
  }
  const hash = text.indexOf(' #');
  return plain(hash >= 0 ? text.slice(0, hash).trimEnd() : text, false);
}

/** One-line flow collections, `[a, b]` and `{k: v}`, nested. */
class Flow {
  private at = 0;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
    private readonly places: Places | undefined,
    /** The offset of the text in the file. */
    private readonly base: number,
  ) {}

  value(depth: number): unknown {
    if (depth > this.maxDepth) bail();
    this.space();
    const char = this.text[this.at];
    if (char === '[') return this.sequence(depth);
    if (char === '{') return this.mapping(depth);
    if (char === '"' || char === "'") return this.quoted();
    const start = this.at;
    while (this.at < this.text.length && !',[]{}#'.includes(this.text[this.at]!)) this.at++;
    return plain(this.text.slice(start, this.at).trimEnd(), true);
  }

  end() {
    this.space();
    if (this.at < this.text.length && this.text[this.at] !== '#') bail();
    if (this.at > 0 && this.text[this.at] === '#' && this.text[this.at - 1] !== ' ') bail();
  }

  private sequence(depth: number): unknown[] {
    this.at++;
    const result: unknown[] = [];
    this.space();
    if (this.text[this.at] === ']') {
      this.at++;
      return result;
    }
    for (;;) {
      this.space();
      note(this.places, result, result.length, this.base + this.at);
      result.push(this.value(depth + 1));
      this.space();
      const char = this.text[this.at++];
      if (char === ']') return result;
      if (char !== ',') bail();
    }
  }

  private mapping(depth: number): Record<string, unknown> {
    this.at++;
    const result: Record<string, unknown> = {};
    this.space();
    if (this.text[this.at] === '}') {
      this.at++;
      return result;
    }
    for (;;) {
      this.space();
      const match = /^([A-Za-z_][A-Za-z0-9_-]*): /.exec(this.text.slice(this.at, this.at + 80));
      if (!match) bail();
      const name = match![1]!;
      if (Object.hasOwn(result, name) || name === '__proto__') bail();
      this.at += match![0].length;
      this.space();
      note(this.places, result, name, this.base + this.at);
      result[name] = this.value(depth + 1);
      this.space();
      const char = this.text[this.at++];
      if (char === '}') return result;
      if (char !== ',') bail();
    }
  }

  private quoted(): string {
    const quote = this.text[this.at]!;
    let value = '';
    for (this.at++; ; this.at++) {
      const char = this.text[this.at];
      if (char === undefined || (quote === '"' && char === '\\')) bail();
      if (char === quote) {
        if (quote === "'" && this.text[this.at + 1] === "'") {
          value += "'";
          this.at++;
          continue;
        }
        this.at++;
        return value;
      }
      value += char;
    }
  }

  private space() {
    while (this.text[this.at] === ' ') this.at++;
  }
}

const nulls = new Set(['~', 'null', 'Null', 'NULL']);
const trues = new Set(['true', 'True', 'TRUE']);
const falses = new Set(['false', 'False', 'FALSE']);
const integer = /^[-+]?[0-9]+$/;
const float = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** A plain scalar as YAML 1.2's core schema reads it; anything unusual leaves the subset. */
function plain(text: string, inFlow: boolean): unknown {
  if (text === '') return inFlow ? bail() : null;
  // The usual value, a word starting with a letter, with no colon or comment: a string, unless it
  // is a spelling of true, false or null (left to the checks below).
  if (
    isLetter(text.charCodeAt(0)) &&
    !text.includes(':') &&
    !text.includes(' #') &&
    !(text.length <= 5 && /^(?:true|false|null)$/i.test(text))
  )
    return detached(text);
  if (nulls.has(text)) return null;
  if (trues.has(text)) return true;
  if (falses.has(text)) return false;
  if (/^[-+]?0[xXoO]/.test(text)) bail();
  if (integer.test(text) || float.test(text)) {
    const value = Number(text);
    return Number.isSafeInteger(value) || !integer.test(text) ? value : bail();
  }
  // Indicators that start something else, words YAML might read otherwise, and `: ` or ` #`.
  if (/^[-?:,[\]{}#&*!|>'"%@`.+~]/.test(text) || /^(?:true|false|null)$/i.test(text)) bail();
  if (/: |:$| #/.test(text) || (inFlow && text.includes(':'))) bail();
  return detached(text);
}

/**
 * The text of a value apart from the file's: V8 keeps a slice of 13 characters or more as a
 * view into the string it was cut from, so one long id or probe address would keep the whole
 * file alive as long as the model. Joined to a character and cut again, it is copied first.
 */
function detached(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}
