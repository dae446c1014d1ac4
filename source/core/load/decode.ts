import {lineColumn} from './place.js';

/**
 * Larger files are refused before parsing: a topology of 1M VMs is about 110 MB as YAML and
 * 170 MB as indented JSON, and V8's strings end at 512 MB. (Files over 32 MB that the fast
 * parsers do not take are not read the precise way: see load/large.)
 */
export const maxTopologyBytes = 256 * 1024 * 1024;

/** Nesting deeper than this is refused: no topology needs it, and parsers run out of stack. */
export const maxDepth = 64;

/** The message for a file over the limit; a pipe read up to the limit shows as "more than". */
export function tooLarge(bytes: number): string {
  const limit = maxTopologyBytes / 1048576;
  const size = (bytes / 1048576).toFixed(1);
  const shown = Number(size) <= limit ? `more than ${limit}` : size;
  return `file is too large (${shown} MB): topologies are limited to ${limit} MB`;
}

/** Why some text cannot be a topology at all, and where; undefined when it is text to parse. */
export type Refusal = {message: string; line: number; column: number};

/**
 * The text of a file's raw bytes, or why they are refused: bytes that are not UTF-8 (binary
 * data, or text saved in another encoding) at the first bad byte. A BOM is dropped.
 */
export function decodeTopology(bytes: Uint8Array): {text: string} | Refusal {
  if (bytes.length > maxTopologyBytes) return {message: tooLarge(bytes.length), line: 1, column: 1};
  // The decoder checks the bytes as it decodes them: a second walk over them only for bad ones.
  if (strictUtf8)
    try {
      return {text: strictUtf8.decode(bytes)};
    } catch {
      // not UTF-8: placed below
    }
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return {text: new TextDecoder('utf-8').decode(bytes)};
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
  // A control character before the bad byte is the better explanation: binary data.
  if (findBinary(before) !== undefined) return {text: before};
  const {line, column} = lineColumn(before, before.length);
  const hex = bytes[bad]!.toString(16).padStart(2, '0');
  return {
    message: `not UTF-8 text: byte 0x${hex} is not valid UTF-8 (binary data, or text saved in another encoding such as EUC-KR: save it as UTF-8)`,
    line,
    column,
  };
}

/** A decoder that refuses bad bytes; Node built without ICU has none, and walks the bytes. */
const strictUtf8 = strictDecoder(false);
/** The same, keeping a byte order mark as U+FEFF: for text after a file's first piece. */
const strictUtf8KeepingBom = strictDecoder(true);

function strictDecoder(ignoreBOM: boolean): TextDecoder | undefined {
  try {
    return new TextDecoder('utf-8', {fatal: true, ignoreBOM});
  } catch {
    return undefined;
  }
}

/**
 * A decoder that throws a TypeError at bytes that are not UTF-8, for a file read a piece at a
 * time: the first piece drops a byte order mark, as `decodeTopology` does; later pieces keep
 * U+FEFF as text. Undefined where Node has none (built without ICU).
 */
export function utf8Decoder(first: boolean): TextDecoder | undefined {
  return first ? strictUtf8 : strictUtf8KeepingBom;
}

/** Refuses text that is too large, binary or empty before any parser sees it. */
export function refuseText(text: string): Refusal | undefined {
  if (text.length > maxTopologyBytes) return {message: tooLarge(text.length), line: 1, column: 1};
  const binary = findBinary(text);
  if (binary !== undefined)
    return {
      message:
        binary.code === 0xfffd
          ? 'not UTF-8 text: undecodable bytes (binary data, or text saved in another encoding: save it as UTF-8)'
          : `not a text topology: binary data (byte 0x${binary.code.toString(16).padStart(2, '0')})`,
      line: binary.line,
      column: binary.column,
    };
  if (text.trim() === '')
    return {
      message: 'file is empty: expected a topology starting with "version: 1"',
      line: 1,
      column: 1,
    };
  return undefined;
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const first = bytes[index]!;
    if (first < 0x80) {
      index++;
      continue;
    }
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (first >= 0xc2 && first <= 0xdf) length = 2;
    else if (first >= 0xe0 && first <= 0xef) {
      length = 3;
      if (first === 0xe0) low = 0xa0;
      if (first === 0xed) high = 0x9f;
    } else if (first >= 0xf0 && first <= 0xf4) {
      length = 4;
      if (first === 0xf0) low = 0x90;
      if (first === 0xf4) high = 0x8f;
    } else return index;
    for (let k = 1; k < length; k++) {
      const next = bytes[index + k];
      if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf))
        return index;
    }
    index += length;
  }
  return -1;
}

function findBinary(text: string): {code: number; line: number; column: number} | undefined {
  // Control characters other than tab/newline/CR, or U+FFFD from undecodable bytes.
  // eslint-disable-next-line no-control-regex
  const match = /[\u0000-\u0008\u000e-\u001f\ufffd]/.exec(text);
  if (!match) return undefined;
  return {code: match[0].charCodeAt(0), ...lineColumn(text, match.index)};
}
