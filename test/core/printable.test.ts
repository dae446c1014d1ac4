import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseEventLine} from '../../source/core/live.js';
import {firstControl, printable} from '../../source/core/printable.js';

// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

describe('printable: text from outside, safe for a terminal', () => {
  it('writes the escape sequence of a hostile id as visible text', () => {
    expect(printable('v1\u001b[2J\u001b]0;pwned\u0007')).toBe('v1\\e[2J\\e]0;pwned\\x07');
    expect(printable('a\nb\r\tc\u007f')).toBe('a\\nb\\r\\tc\\x7f');
    expect(printable('KR-CA\u009b2J')).toBe('KR-CA\\x9b2J');
    expect(printable('KR-\u202eAC')).toBe('KR-\\u202eAC');
  });

  it('leaves ordinary text alone, Korean included', () => {
    expect(printable('중부 A · shop-web → 500')).toBe('중부 A · shop-web → 500');
  });

  it('never lets a control character through, and changes nothing else', () => {
    fc.assert(
      fc.property(fc.string({unit: 'binary'}), (text) => {
        const shown = printable(text);
        expect(shown).not.toMatch(controls);
        if (!controls.test(text)) expect(shown).toBe(text);
        expect(firstControl(text) === undefined).toBe(!controls.test(text));
      }),
    );
  });
});

describe('an event stream’s reason', () => {
  it('arrives escaped', () => {
    const parsed = parseEventLine(
      JSON.stringify({id: 'KR-CA', state: 'down', reason: 'probe\u001b[2J\nfailed'}),
    );
    expect(parsed).toEqual({
      ok: true,
      event: {id: 'KR-CA', state: 'down', reason: 'probe\\e[2J\\nfailed'},
    });
  });
});
