import fc from 'fast-check';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {afterAll, describe, expect, it} from 'vitest';

type Patch = (path: string, text: string) => string;
interface Patches {
  replaceOnce: (path: string, text: string, from: string, to: string) => string;
  lazyEmoji: Patch;
  lazySegmenter: Patch;
  simpleWidths: Patch;
  simpleColumns: string;
  sameStylesNoDiff: Patch;
  yogaWithoutFetch: Patch;
}
const patches = (await import(pathToFileURL(resolve('bundle-patches.js')).href)) as Patches;

// Patched copies live under node_modules, so their own imports resolve as the originals' do.
mkdirSync(join('node_modules', '.cache'), {recursive: true});
const dir = mkdtempSync(join('node_modules', '.cache', 'failsight-patches-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

let copies = 0;
async function patched<T>(original: string, patch: Patch): Promise<T> {
  const file = join(dir, `copy-${copies++}.mjs`);
  // Relative imports name the original's neighbours.
  const beside = (name: string) => pathToFileURL(resolve(dirname(original), name)).href;
  const text = patch(original, readFileSync(original, 'utf8')).replace(
    /from (["'])(\.\.?\/[^"']+)\1/g,
    (_, quote: string, name: string) => `from ${quote}${beside(name)}${quote}`,
  );
  writeFileSync(file, text);
  return (await import(pathToFileURL(resolve(file)).href)) as T;
}

type Width = (text: string, options?: {ambiguousIsNarrow?: boolean}) => number;

describe('replaceOnce', () => {
  it('refuses a text that is missing or there twice, so a moved target fails the build', () => {
    expect(patches.replaceOnce('f', 'a b', 'b', 'c')).toBe('a c');
    expect(() => patches.replaceOnce('f', 'a b', 'x', 'c')).toThrow(/f: expected one/);
    expect(() => patches.replaceOnce('f', 'b b', 'b', 'c')).toThrow(/f: expected one/);
  });
});

describe('string-width with the simple-columns path', async () => {
  const file = 'node_modules/string-width/index.js';
  const original = ((await import('string-width')) as {default: Width}).default;
  const fast = (
    await patched<{default: Width}>(file, (path, text) =>
      patches.simpleWidths(path, patches.lazySegmenter(path, patches.lazyEmoji(path, text))),
    )
  ).default;
  const simple = new RegExp(patches.simpleColumns.slice(1, -1));
  const members: string[] = [];
  for (let code = 0; code < 0x10000; code++) {
    const character = String.fromCharCode(code);
    if (simple.test(character)) members.push(character);
  }

  it('covers the characters of the frames: borders, marks, Korean', () => {
    for (const character of '┌─┐│└┘▾▸●✖✔⚡·…→한글') expect(members).toContain(character);
    // Combining marks, joiners and variation selectors change their neighbours' width: never.
    for (const character of ['\u0301', '\u200d', '\ufe0f', '\u00ad', '\u1100'])
      expect(members).not.toContain(character);
  });

  it('agrees with the original on every member, alone and repeated, both ambiguous widths', () => {
    for (const ambiguousIsNarrow of [true, false])
      for (const character of members) {
        const text = `a${character}${character}a`;
        expect([fast(character, {ambiguousIsNarrow}), fast(text, {ambiguousIsNarrow})]).toEqual([
          original(character, {ambiguousIsNarrow}),
          original(text, {ambiguousIsNarrow}),
        ]);
      }
  });

  it('agrees with the original on any text, members or not', () => {
    const character = fc.oneof(
      fc.constantFrom(...members),
      fc.constantFrom('\u0301', '\u200d', '\ufe0f', '\u1100', '\u1161', '👍', '\u001b[31m'),
      fc.string({unit: 'grapheme', maxLength: 2}),
    );
    fc.assert(
      fc.property(fc.array(character, {maxLength: 12}), fc.boolean(), (parts, narrow) => {
        const text = parts.join('');
        expect(fast(text, {ambiguousIsNarrow: narrow})).toBe(
          original(text, {ambiguousIsNarrow: narrow}),
        );
      }),
      {numRuns: 2000},
    );
  });
});

describe('diffAnsiCodes with the same-styles shortcut', async () => {
  interface Code {
    type: 'ansi';
    code: string;
    endCode: string;
  }
  type Diff = (from: Code[], to: Code[]) => Code[];
  const file = 'node_modules/@alcalzone/ansi-tokenize/build/diff.js';
  const tokenize = (await import('@alcalzone/ansi-tokenize')) as unknown as {
    tokenize: (text: string) => ({type: 'ansi'; code: string; endCode: string} | {type: 'char'})[];
    reduceAnsiCodes: (codes: Code[]) => Code[];
    diffAnsiCodes: Diff;
  };
  const fast = (await patched<{diffAnsiCodes: Diff}>(file, patches.sameStylesNoDiff)).diffAnsiCodes;
  // Reduced style lists, as Ink passes them: made from real escape codes.
  const codes = ['\u001b[1m', '\u001b[2m', '\u001b[31m', '\u001b[32m', '\u001b[39m', '\u001b[7m']
    .map((text) => tokenize.tokenize(text)[0])
    .filter((token): token is Code => token?.type === 'ansi');
  const styles = fc
    .array(fc.constantFrom(...codes), {maxLength: 4})
    .map((list) => tokenize.reduceAnsiCodes(list));

  it('gives what the original gives, for equal and for different styles', () => {
    expect(codes).toHaveLength(6);
    fc.assert(
      fc.property(styles, styles, fc.boolean(), (from, other, same) => {
        const to = same ? from.map((code) => ({...code})) : other;
        expect(fast(from, to)).toEqual(tokenize.diffAnsiCodes(from, to));
      }),
      {numRuns: 2000},
    );
  });
});

describe('yoga without the fetch probe', () => {
  it('lays out from the inline wasm without touching fetch', async () => {
    const file = 'node_modules/yoga-layout/dist/binaries/yoga-wasm-base64-esm.js';
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
    let touched = 0;
    Object.defineProperty(globalThis, 'fetch', {
      configurable: true,
      get() {
        touched++;
        return undefined;
      },
    });
    try {
      const load = (
        await patched<{default: () => Promise<Record<string, unknown>>}>(
          file,
          patches.yogaWithoutFetch,
        )
      ).default;
      const yoga = await load();
      expect(typeof yoga['Node']).toBe('function');
      expect(touched).toBe(0);
    } finally {
      if (descriptor) Object.defineProperty(globalThis, 'fetch', descriptor);
    }
  });
});
