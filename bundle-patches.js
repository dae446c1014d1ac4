// Source patches applied to packages while esbuild bundles them (see bundle.js). Each replaces an
// exact text and throws when the text is not there, so an upgrade that moves it fails the build
// instead of silently dropping the patch. test/bundle-patches.test.ts holds each to the original.

/** Replaces `from` by `to` in `text`, exactly once; `path` names the file in the error. */
export function replaceOnce(path, text, from, to) {
  const at = text.indexOf(from);
  if (at === -1 || text.indexOf(from, at + 1) !== -1)
    throw new Error(`${path}: expected one ${JSON.stringify(from.slice(0, 60))}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/**
 * string-width compiles /^\p{RGI_Emoji}$/v when it loads: 15-20 ms, more than the rest of a
 * `check`. Its ASCII fast path never needs it, so it is compiled on first use.
 */
export function lazyEmoji(path, text) {
  return replaceOnce(
    path,
    text,
    String.raw`const rgiEmojiRegex = /^\p{RGI_Emoji}$/v;`,
    String.raw`let rgiEmojiCompiled;
const rgiEmojiRegex = {test: (text) => (rgiEmojiCompiled ??= new RegExp('^\\p{RGI_Emoji}$', 'v')).test(text)};`,
  );
}

/**
 * string-width makes its grapheme segmenter when it loads: the first Intl.Segmenter of a process
 * costs 8-15 ms (ICU's break rules). Most text takes a fast path that never segments, so it is
 * made on first use.
 */
export function lazySegmenter(path, text) {
  return replaceOnce(
    path,
    text,
    'const segmenter = new Intl.Segmenter();',
    `let segmenterMade;
const segmenter = {segment: (text) => (segmenterMade ??= new Intl.Segmenter()).segment(text)};`,
  );
}

/**
 * Characters that are each a grapheme cluster of their own, whatever stands beside them, and
 * whose width string-width takes from East Asian Width alone: Latin-1, punctuation, arrows,
 * symbols, box drawing, shapes, dingbats and Hangul syllables — every frame's borders, marks and
 * Korean text. Without it, the first such character compiles string-width's Unicode-property
 * regular expressions and starts a grapheme segmenter: 20-30 ms before the first frame.
 * The test compares every code point of the class, alone and in pairs, with the original path.
 */
export const simpleColumns = String.raw`/^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u00FF\u2010-\u2027\u2030-\u205E\u2190-\u2BFF\uAC00-\uD7A3]*$/`;

export function simpleWidths(path, text) {
  const asciiFastPath = String.raw`	if (/^[\u0020-\u007E]*$/.test(string)) {
		return string.length;
	}
`;
  return replaceOnce(
    path,
    text,
    asciiFastPath,
    `${asciiFastPath}
	if (${simpleColumns}.test(string)) {
		let simpleWidth = 0;
		for (let index = 0; index < string.length; index++) {
			simpleWidth += eastAsianWidth(string.charCodeAt(index), {ambiguousAsWide: !ambiguousIsNarrow});
		}

		return simpleWidth;
	}
`,
  );
}

/**
 * Ink turns every cell of a frame into text through diffAnsiCodes(previous cell's styles, this
 * cell's), which builds three Sets and four arrays per cell even when the two styles are the same
 * — the common case, spaces and runs of one colour. The same styles need no codes: an empty diff.
 */
export function sameStylesNoDiff(path, text) {
  const head = 'export function diffAnsiCodes(from, to) {\n';
  return replaceOnce(
    path,
    text,
    head,
    `${head}    if (from === to || (from.length === to.length && from.every((code, index) => code.code === to[index].code && code.endCode === to[index].endCode)))
        return [];
`,
  );
}

/**
 * Each character of a run of one style got its own copy of the style list; one list per run
 * does (no reader changes it: a new style makes a new list), and then two characters of a run
 * need no diff at all: they hold the same list.
 *
 * Each cell was also a spread of its token. Once that spread has seen a few token shapes, V8
 * gives every copy a hidden class of its own: measured, a cell then cost four times as long to
 * make, and 21k cells held in Ink's cache held 21k classes (4 MB). A character token is always
 * {type, value, fullWidth} (tokenize.js), so the cell is written out with those fields.
 */
export function sharedStyles(path, text) {
  const shared = replaceOnce(
    path,
    text,
    `            ret.push({
                ...token,
                styles: [...codes],
            });`,
    `            ret.push({
                type: token.type,
                value: token.value,
                fullWidth: token.fullWidth,
                styles: codes,
            });`,
  );
  // Between two cells of one run (the same list) there is nothing to write: no diff is made.
  return replaceOnce(
    path,
    shared,
    `        else {
            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));`,
    `        else if (chars[i - 1].styles !== char.styles) {
            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));`,
  );
}

/**
 * yoga-layout's Emscripten loader asks `typeof fetch` before it decodes its inline wasm; in Node
 * that getter loads undici (~16 ms) and then fetches the data: URL (~8 ms). The wasm is inline,
 * so it is decoded directly, as the loader does anyway when fetch is missing or fails.
 */
export function yogaWithoutFetch(path, text) {
  return replaceOnce(
    path,
    text,
    'return w||"function"!=typeof fetch?Promise.resolve()',
    'return w||!0?Promise.resolve()',
  );
}

/**
 * meow reads and normalizes package.json (read-package-up, normalize-package-data with its
 * licence lists: most of the entry's code) to learn what the bundle already knows. cli.tsx
 * passes it as \`pkg\`, so those are never called; without them they leave the bundle. Should
 * \`pkg\` ever go missing, the command line fails at once rather than quietly losing --version.
 */
export function meowPackageLookupUnused(path, text) {
  // Evaluated at load for read-package-up alone (babel's code frame for JSON errors, and
  // normalize-package-data): marked pure, they go with it.
  const pure = (from) => (code) =>
    replaceOnce(path, code, from, from.replace(/= (\w)/, '= /* @__PURE__ */ $1'));
  // A leftover of a module tree-shaken away, and the only reason child_process loads.
  const unusedPromisify = (code) =>
    replaceOnce(path, code, '\npromisify(execFile);', '\n/* @__PURE__ */ promisify(execFile);');
  return [
    pure('var libExports = requireLib$1();'),
    pure('var normalizeExports = requireNormalize();'),
    pure('const normalizePackageData = getDefaultExportFromCjs(normalizeExports);'),
    unusedPromisify,
  ].reduce((code, patch) => patch(code), text);
}

export function meowWithoutPackageLookup(path, text) {
  return replaceOnce(
    path,
    text,
    "import { a as readPackageUpSync, n as normalizePackageData } from './dependencies.js';",
    `const readPackageUpSync = () => {
	throw new Error('meow is built without read-package-up: pass pkg');
};
const normalizePackageData = () => {};`,
  );
}

/**
 * Makes the grapheme segmenter `name`, made by `made` when the module loads, on first use. The
 * first Intl.Segmenter of a process loads ICU's break rules, 10-15 ms; Ink's text modules each
 * make one at load, and a frame of simple text (see simpleGraphemes) never asks them.
 */
function lazyGraphemes(path, text, name, made) {
  return replaceOnce(
    path,
    text,
    `const ${name} = ${made};`,
    `let ${name}Made;
const ${name} = {segment: (text) => (${name}Made ??= ${made}).segment(text)};`,
  );
}

/** wrap-ansi's older copy of string-width: its segmenter made on first use. */
export function nestedWidthSegmenter(path, text) {
  return lazyGraphemes(path, text, 'segmenter', 'new Intl.Segmenter()');
}

/** slice-ansi (Ink's clipping and truncation): its segmenter made on first use. */
export function sliceSegmenter(path, text) {
  return lazyGraphemes(
    path,
    text,
    'GRAPHEME_SEGMENTER',
    "new Intl.Segmenter(undefined, {granularity: 'grapheme'})",
  );
}

/**
 * Text whose every UTF-16 unit is a grapheme cluster of its own, whatever stands beside it:
 * simpleColumns' characters and ESC, which starts the colour codes (a control, a cluster alone).
 */
export const simpleGraphemes = String.raw`/^[\u001B\u0020-\u007E\u00A0-\u00AC\u00AE-\u00FF\u2010-\u2027\u2030-\u205E\u2190-\u2BFF\uAC00-\uD7A3]*$/`;

/**
 * ansi-tokenize cuts every line of every frame into grapheme clusters with Intl.Segmenter, one
 * object per cluster. For simple text (simpleGraphemes) each UTF-16 unit is a cluster: the same
 * segments are read off directly, and the segmenter is made only for other text.
 */
export function tokenizeSimpleText(path, text) {
  const made = lazyGraphemes(
    path,
    text,
    'segmenter',
    'new Intl.Segmenter(undefined, { granularity: "grapheme" })',
  );
  const loop = '    for (const { segment, index } of segmenter.segment(str)) {';
  // No code point below U+1100 is East Asian Wide or Fullwidth: the lookup (hundreds of range
  // tests, and the first frame's hottest call) is skipped for them. The tests check every one.
  const narrow = replaceOnce(
    path,
    made,
    '    if (isFullwidthCodePoint(baseCodePoint))',
    '    if (baseCodePoint >= 0x1100 && isFullwidthCodePoint(baseCodePoint))',
  );
  return replaceOnce(
    path,
    replaceOnce(
      path,
      narrow,
      'export function tokenize(',
      `const simpleGraphemes = ${simpleGraphemes};
function unitSegments(str) {
    const segments = new Array(str.length);
    for (let index = 0; index < str.length; index++)
        segments[index] = { segment: str[index], index };
    return segments;
}
export function tokenize(`,
    ),
    loop,
    '    for (const { segment, index } of (simpleGraphemes.test(str) ? unitSegments(str) : segmenter.segment(str))) {',
  );
}

/**
 * Ink draws each frame from nothing: every write is turned into styled cells (its ANSI codes
 * tokenized), placed on a grid of blank cells, and each row of the grid turned back into text.
 * A cursor key changes two rows of forty. Two changes, each held to the original by
 * test/bundle-patches.test.ts over sequences of frames:
 * - What a row shows depends only on what is written on it, in order (each write's x and text,
 *   once clipped and transformed): a row written the same as in the frame before is that frame's
 *   text again, and only the rows that changed are placed and turned into text.
 * - The caches of styled cells and widths live across frames (a frame's texts are mostly the
 *   last frame's), dropped whole once they hold many texts; nothing changes a cached cell list.
 *   The blank cells a row starts from are one shared cell, which nothing changes either (a
 *   write replaces cells, never edits them).
 */
export function inkFrameCaches(path, text) {
  const shared = replaceOnce(
    path,
    text,
    '    caches = new OutputCaches();',
    '    caches = frameCaches();',
  );
  // The rows start as lists of what is written on them: [x, text, x, text, …].
  const pieces = replaceOnce(
    path,
    shared,
    `        const output = [];
        for (let y = 0; y < this.height; y++) {
            const row = [];
            for (let x = 0; x < this.width; x++) {
                row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });
            }
            output.push(row);
        }`,
    `        const output = [];
        for (let y = 0; y < this.height; y++) {
            output.push([]);
        }`,
  );
  const placing = `                    const characters = this.caches.getStyledChars(line);
                    let offsetX = x;
                    for (const character of characters) {
                        currentLine[offsetX] = character;`;
  const written = replaceOnce(
    path,
    pieces,
    placing,
    `                    currentLine.push(x, line);
                    offsetY++;
                }
            }
        }
        const rows = output.map((written, y) => this.row(written, y));
        return {
            output: rows.join('\\n'),
            height: output.length,
        };
    }
    /** One row's text from what is written on it; the last frame's when written the same. */
    row(written, y) {
        const key = written.join('\\u0000');
        const known = lastRows[y];
        if (known !== undefined && known.width === this.width && known.key === key)
            return known.text;
        const currentLine = new Array(this.width).fill(blankCell);
        for (let piece = 0; piece < written.length; piece += 2) {
            const x = written[piece];
            const line = written[piece + 1];
${placing}`,
  );
  // What followed the placing loop in get() now ends row(): the row's text, kept for the next frame.
  const rowEnd = replaceOnce(
    path,
    written,
    `                        offsetX += characterWidth;
                    }
                    offsetY++;
                }
            }
        }
        const generatedOutput = output
            .map(line => {
            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742
            const lineWithoutEmptyItems = line.filter(item => item !== undefined);
            return styledCharsToString(lineWithoutEmptyItems).trimEnd();
        })
            .join('\\n');
        return {
            output: generatedOutput,
            height: output.length,
        };
    }`,
    `                        offsetX += characterWidth;
                    }
        }
        // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742
        const text = styledCharsToString(currentLine.filter(item => item !== undefined)).trimEnd();
        lastRows[y] = { width: this.width, key, text };
        return text;
    }`,
  );
  return replaceOnce(
    path,
    rowEnd,
    'export default class Output {',
    `let lastCaches;
function frameCaches() {
    if (lastCaches === undefined || lastCaches.styledChars.size + lastCaches.widths.size > 20000)
        lastCaches = new OutputCaches();
    return lastCaches;
}
const blankCell = { type: 'char', value: ' ', fullWidth: false, styles: [] };
/** Each row's text in the last frame, with what was written on it. */
const lastRows = [];
export default class Output {`,
  );
}
