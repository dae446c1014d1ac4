import fc from 'fast-check';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {setFlagsFromString} from 'node:v8';
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
  sharedStyles: Patch;
  inkFrameCaches: Patch;
  yogaWithoutFetch: Patch;
  tokenizeSimpleText: Patch;
  simpleGraphemes: string;
  sliceSegmenter: Patch;
  nestedWidthSegmenter: Patch;
  meowWithoutPackageLookup: Patch;
  meowPackageLookupUnused: Patch;
}
const patches = (await import(pathToFileURL(resolve('bundle-patches.js')).href)) as Patches;

// Patched copies live under node_modules, so their own imports resolve as the originals' do.
mkdirSync(join('node_modules', '.cache'), {recursive: true});
const dir = mkdtempSync(join('node_modules', '.cache', 'failsight-patches-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

let copies = 0;
async function patched<T>(
  original: string,
  patch: Patch,
  neighbours: Record<string, string> = {},
): Promise<T> {
  const file = join(dir, `copy-${copies++}.mjs`);
  // Relative imports name the original's neighbours, or the copies given for them.
  const beside = (name: string) =>
    neighbours[name] ?? pathToFileURL(resolve(dirname(original), name)).href;
  const text = patch(original, readFileSync(original, 'utf8')).replace(
    /from (["'])(\.\.?\/[^"']+)\1/g,
    (_, quote: string, name: string) => `from ${quote}${beside(name)}${quote}`,
  );
  writeFileSync(file, text);
  return (await import(pathToFileURL(resolve(file)).href)) as T;
}

/** The file URL the last copy was written to, for another copy to import it. */
const lastCopy = () => pathToFileURL(resolve(join(dir, `copy-${copies - 1}.mjs`))).href;

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

describe('styled characters sharing one style list per run', async () => {
  type Pipeline = {
    tokenize: (text: string) => unknown[];
    styledCharsFromTokens: (tokens: unknown[]) => {value: string; styles: unknown[]}[];
    styledCharsToString: (chars: {value: string; styles: unknown[]}[]) => string;
  };
  const build = 'node_modules/@alcalzone/ansi-tokenize/build';
  const original = (await import('@alcalzone/ansi-tokenize')) as unknown as Pipeline;
  await patched(`${build}/diff.js`, patches.sameStylesNoDiff);
  const fast = await patched<Pipeline>(`${build}/styledChars.js`, patches.sharedStyles, {
    './diff.js': lastCopy(),
  });
  const piece = fc.constantFrom(
    'a',
    ' ',
    '│',
    '한',
    '👍',
    '\u001b[31m',
    '\u001b[32m',
    '\u001b[39m',
    '\u001b[1m',
    '\u001b[2m',
    '\u001b[22m',
    '\u001b[7m',
    '\u001b[27m',
    '\u001b[0m',
  );

  it('turns every line into the same text as the original', () => {
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 40}), (parts) => {
        const line = parts.join('');
        const chars = fast.styledCharsFromTokens(original.tokenize(line));
        expect(fast.styledCharsToString(chars)).toBe(
          original.styledCharsToString(original.styledCharsFromTokens(original.tokenize(line))),
        );
      }),
      {numRuns: 3000},
    );
  });

  it('makes the same cells as the original, each of one shape', () => {
    const lines = ['plain', '\u001b[1mbold\u001b[22m and \u001b[31mred\u001b[39m', '한글 👍 │'];
    const cells = lines.flatMap((line) => {
      const made = fast.styledCharsFromTokens(original.tokenize(line));
      expect(made).toEqual(original.styledCharsFromTokens(original.tokenize(line)));
      return made;
    });
    // One hidden class for all: a spread of the token gave each cell its own once styles varied.
    setFlagsFromString('--allow-natives-syntax');
    const sameClass = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (
      a: unknown,
      b: unknown,
    ) => boolean;
    setFlagsFromString('--no-allow-natives-syntax');
    for (const cell of cells) expect(sameClass(cell, cells[0])).toBe(true);
  });
});

describe("Ink's frames: rows and caches kept from one frame to the next", async () => {
  type Write = {x: number; y: number; text: string};
  interface OutputClass {
    new (options: {width: number; height: number}): {
      write: (x: number, y: number, text: string, options: {transformers: unknown[]}) => void;
      clip: (clip: {x1?: number; x2?: number; y1?: number; y2?: number}) => void;
      unclip: () => void;
      get: () => {output: string; height: number};
    };
  }
  const original = (await import(pathToFileURL(resolve('node_modules/ink/build/output.js')).href))
    .default as OutputClass;
  const fast = (
    await patched<{default: OutputClass}>(
      'node_modules/ink/build/output.js',
      patches.inkFrameCaches,
    )
  ).default;
  const piece = fc.constantFrom(
    'a',
    'b',
    ' ',
    '│',
    '한',
    '\u001b[31m',
    '\u001b[39m',
    '\u001b[1m',
    '\u001b[22m',
  );
  const write = fc.record({
    x: fc.integer({min: 0, max: 12}),
    y: fc.integer({min: 0, max: 5}),
    text: fc
      .array(
        fc.array(piece, {maxLength: 10}).map((parts) => parts.join('')),
        {minLength: 1, maxLength: 3},
      )
      .map((lines) => lines.join('\n')),
  });
  // A sequence of frames as a dashboard draws them: each the one before with a few writes
  // changed (a cursor key), moved (y and x taken from elsewhere), dropped or added, on screens of
  // two widths (a resize); negative and past-the-end places included.
  const place = fc.record({x: fc.integer({min: -2, max: 16}), y: fc.integer({min: -2, max: 7})});
  const change = fc.oneof(
    fc.record({type: fc.constant('replace' as const), at: fc.nat(), write}),
    fc.record({type: fc.constant('move' as const), at: fc.nat(), to: place}),
    fc.record({type: fc.constant('drop' as const), at: fc.nat()}),
    fc.record({type: fc.constant('add' as const), write}),
  );
  type Change = {
    type: 'replace' | 'move' | 'drop' | 'add';
    at?: number;
    write?: Write;
    to?: {x: number; y: number};
  };
  const next = (frame: Write[], {type, at = 0, write, to}: Change): Write[] => {
    const copy = [...frame];
    const k = copy.length === 0 ? 0 : at % copy.length;
    if (type === 'add' || copy.length === 0) return [...copy, write ?? {x: 0, y: 0, text: 'a'}];
    if (type === 'drop') copy.splice(k, 1);
    else if (type === 'replace') copy[k] = write!;
    else copy[k] = {...copy[k]!, ...to};
    return copy;
  };
  const frames = fc
    .tuple(
      fc.array(write, {maxLength: 6}),
      fc.array(fc.tuple(fc.array(change, {minLength: 1, maxLength: 2}), fc.constantFrom(14, 9)), {
        maxLength: 8,
      }),
    )
    .map(([first, steps]) => {
      const sequence: {frame: Write[]; width: number}[] = [{frame: first, width: 14}];
      for (const [changes, width] of steps)
        sequence.push({frame: changes.reduce(next, sequence.at(-1)!.frame), width});
      return sequence;
    });

  const draw = (Output: OutputClass, frame: Write[], clipped: boolean, width = 14) => {
    const output = new Output({width, height: 6});
    if (clipped) output.clip({x1: 2, x2: 10, y1: 1, y2: 4});
    for (const {x, y, text} of frame) output.write(x, y, text, {transformers: []});
    if (clipped) output.unclip();
    return output.get();
  };

  it('draws every frame of a sequence as the original draws it alone', () => {
    fc.assert(
      fc.property(frames, fc.boolean(), (sequence, clipped) => {
        for (const {frame, width} of sequence)
          expect(draw(fast, frame, clipped, width)).toEqual(draw(original, frame, clipped, width));
      }),
      {numRuns: 1000},
    );
  });
});

describe('ansi-tokenize reading simple text unit by unit', async () => {
  type Token = {type: string; value?: string; code?: string};
  type Tokenize = (text: string, endChar?: number) => Token[];
  const original = ((await import('@alcalzone/ansi-tokenize')) as unknown as {tokenize: Tokenize})
    .tokenize;
  const fast = (
    await patched<{tokenize: Tokenize}>(
      'node_modules/@alcalzone/ansi-tokenize/build/tokenize.js',
      patches.tokenizeSimpleText,
    )
  ).tokenize;
  const simple = new RegExp(patches.simpleGraphemes.slice(1, -1));
  const members: string[] = [];
  for (let code = 0; code < 0x10000; code++) {
    const character = String.fromCharCode(code);
    if (simple.test(character)) members.push(character);
  }

  it('takes the frames characters and colour codes, never what joins clusters', () => {
    for (const character of '┌─┐│└┘▾▸●✖✔⚡·…→한글\u001b') expect(members).toContain(character);
    for (const character of [
      '\u0301',
      '\u200d',
      '\ufe0f',
      '\u00ad',
      '\u1100',
      '\r',
      '\n',
      '\u2028',
    ])
      expect(members).not.toContain(character);
  });

  it('skips the width lookup only where it says narrow: below U+1100', async () => {
    const {default: isFullwidthCodePoint} = (await import('is-fullwidth-code-point')) as {
      default: (codePoint: number) => boolean;
    };
    const wide: number[] = [];
    for (let code = 0; code < 0x1100; code++) if (isFullwidthCodePoint(code)) wide.push(code);
    expect(wide).toEqual([]);
    expect(isFullwidthCodePoint(0x1100)).toBe(true);
  });

  it('agrees with the original on every member, alone and beside others and colour codes', () => {
    for (const character of members) {
      const line = `a${character}${character}\u001b[31m${character}한\u001b[39m${character}`;
      expect([fast(character), fast(line)]).toEqual([original(character), original(line)]);
    }
  });

  it('agrees with the original on any line, simple or not, cut anywhere', () => {
    const piece = fc.oneof(
      fc.constantFrom(...members),
      fc.constantFrom(
        '\u001b[31m',
        '\u001b[1;32m',
        '\u001b[39m',
        '\u001b[0m',
        '\u001b]8;;https://example.com\u0007',
        '\u001b]8;;\u0007',
        '\u001b[',
        '\u0301',
        '\u200d',
        '\ufe0f',
        '\u1100\u1161',
        '👍',
        '🇰🇷',
        '\r\n',
      ),
      fc.string({unit: 'grapheme', maxLength: 2}),
    );
    fc.assert(
      fc.property(
        fc.array(piece, {maxLength: 16}),
        fc.option(fc.nat(20), {nil: undefined}),
        (parts, end) => {
          const line = parts.join('');
          expect(fast(line, end)).toEqual(original(line, end));
        },
      ),
      {numRuns: 3000},
    );
  });

  it('makes no segmenter for a line of simple text, one for the first other line', async () => {
    const fresh = (
      await patched<{tokenize: Tokenize}>(
        'node_modules/@alcalzone/ansi-tokenize/build/tokenize.js',
        patches.tokenizeSimpleText,
      )
    ).tokenize;
    const Segmenter = Intl.Segmenter;
    const intl = Intl as {Segmenter: typeof Segmenter};
    let made = 0;
    intl.Segmenter = class extends Segmenter {
      constructor(...options: ConstructorParameters<typeof Segmenter>) {
        super(...options);
        made++;
      }
    };
    try {
      fresh('\u001b[1m┌─ zone KR-CA ─┐\u001b[22m 한국어 · 99.9% → ok');
      expect(made).toBe(0);
      expect(fresh('e\u0301 x')).toEqual(original('e\u0301 x'));
      fresh('e\u0301');
      expect(made).toBe(1);
    } finally {
      intl.Segmenter = Segmenter;
    }
  });
});

describe('segmenters made on first use', async () => {
  type Slice = (text: string, start?: number, end?: number) => string;
  const original = ((await import('slice-ansi')) as {default: Slice}).default;
  await patched('node_modules/slice-ansi/tokenize-ansi.js', patches.sliceSegmenter);
  const slice = (
    await patched<{default: Slice}>('node_modules/slice-ansi/index.js', (_, text) => text, {
      './tokenize-ansi.js': lastCopy(),
    })
  ).default;
  const nestedFile = 'node_modules/wrap-ansi/node_modules/string-width/index.js';
  const nestedOriginal = (
    (await import(pathToFileURL(resolve(nestedFile)).href)) as {default: Width}
  ).default;
  const nested = (await patched<{default: Width}>(nestedFile, patches.nestedWidthSegmenter))
    .default;
  const text = fc
    .array(
      fc.oneof(
        fc.constantFrom('a', ' ', '─', '한', '\u001b[31m', '\u001b[39m', '\u0301', '👍', '🇰🇷'),
        fc.string({unit: 'grapheme', maxLength: 2}),
      ),
      {maxLength: 12},
    )
    .map((parts) => parts.join(''));

  it('slice-ansi cuts as the original does', () => {
    fc.assert(
      fc.property(text, fc.nat(14), fc.nat(14), (line, from, width) => {
        expect(slice(line, from, from + width)).toBe(original(line, from, from + width));
      }),
      {numRuns: 2000},
    );
  });

  it("wrap-ansi's string-width measures as the original does", () => {
    fc.assert(
      fc.property(text, fc.boolean(), (line, narrow) => {
        expect(nested(line, {ambiguousIsNarrow: narrow})).toBe(
          nestedOriginal(line, {ambiguousIsNarrow: narrow}),
        );
      }),
      {numRuns: 2000},
    );
  });
});

describe('meow without its package.json lookup', () => {
  const options = 'node_modules/meow/build/options.js';
  const dependencies = 'node_modules/meow/build/dependencies.js';

  it('replaces the import of read-package-up by a stub that refuses to run', () => {
    const text = readFileSync(options, 'utf8');
    const out = patches.meowWithoutPackageLookup(options, text);
    expect(text).toContain("from './dependencies.js';");
    expect(out).not.toContain("from './dependencies.js';");
    expect(out).toContain("throw new Error('meow is built without read-package-up: pass pkg');");
    // Nothing else of the file changes.
    expect(out.length - text.length).toBeGreaterThan(0);
    expect(
      out.replace(/const readPackageUpSync[\s\S]*?const normalizePackageData = \(\) => \{\};/, ''),
    ).toBe(text.replace(/import \{ a as readPackageUpSync[^\n]*/, ''));
  });

  it('marks the lookups evaluated at load as pure, so they leave the bundle with it', () => {
    const text = readFileSync(dependencies, 'utf8');
    const out = patches.meowPackageLookupUnused(dependencies, text);
    for (const marked of [
      'var libExports = /* @__PURE__ */ requireLib$1();',
      'var normalizeExports = /* @__PURE__ */ requireNormalize();',
      'const normalizePackageData = /* @__PURE__ */ getDefaultExportFromCjs(normalizeExports);',
      '/* @__PURE__ */ promisify(execFile);',
    ])
      expect(out).toContain(marked);
    expect(out.replaceAll('/* @__PURE__ */ ', '')).toBe(text);
  });
});

describe('the built program', () => {
  const body = readFileSync('dist/cli-body.js', 'utf8');
  const applied = JSON.parse(readFileSync('dist/bundle-patches.json', 'utf8')) as Record<
    string,
    string
  >;

  it('was built with every patch that bundle.js names, each on one file', () => {
    const named = [...readFileSync('bundle.js', 'utf8').matchAll(/patching\(\s*'([^']+)'/g)].map(
      (match) => match[1],
    );
    expect(named.length).toBeGreaterThanOrEqual(9);
    expect(Object.keys(applied).sort()).toEqual([...named].sort());
    for (const file of Object.values(applied)) expect(file).toMatch(/^node_modules\/.+\.js$/);
  });

  it("holds meow's stub and none of normalize-package-data's licence list", () => {
    expect(body).toContain('meow is built without read-package-up: pass pkg');
    expect(body).not.toContain('Apache-2.0');
  });

  it('compiles the emoji expression on first use, not at load', () => {
    expect(body).toContain('RGI_Emoji');
    expect(body).not.toMatch(/\/\^\\p\{RGI_Emoji\}\$\/v/);
  });
});
