/**
 * Characters a terminal acts on rather than shows: C0 controls (ESC, BEL, CR, LF, TAB…), DEL,
 * C1 controls, the line and paragraph separators, and the bidirectional controls that reorder
 * what is shown (the "Trojan Source" characters).
 */
// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

const named: Record<string, string> = {
  '\u001b': '\\e',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

function escaped(char: string): string {
  const code = char.charCodeAt(0);
  return (
    named[char] ??
    (code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`)
  );
}

/**
 * Text from files, events and APIs as it may reach a terminal: every control character written
 * as an escape (`\e`, `\n`, `\x07`, `\u202e`), everything else unchanged.
 */
export function printable(text: string): string {
  return text.replace(unsafe, escaped);
}

/** The first control character in `text`, escaped, or undefined when there is none. */
export function firstControl(text: string): string | undefined {
  const match = unsafeOne.exec(text);
  return match ? escaped(match[0]) : undefined;
}

const unsafeOne = new RegExp(unsafe.source);
