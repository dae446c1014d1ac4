import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import {homedir, tmpdir} from 'node:os';
import {join} from 'node:path';
import fc from 'fast-check';
import {afterAll, describe, expect, it} from 'vitest';
import {
  cacheDirectories,
  cacheFileName,
  cacheKey,
  readOutsideMalloc,
  smallInputs,
  writeCache,
} from '../../source/runtime/compile-cache.js';
import {commandNames} from '../../source/commands/shared/names.js';
import {readUtf8} from '../../source/adapters/read-utf8.js';

const dir = mkdtempSync(join(tmpdir(), 'failsight-cache-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));
let files = 0;
const scratch = (contents: string | Uint8Array) => {
  const path = join(dir, `file-${files++}`);
  writeFileSync(path, contents);
  return path;
};

describe('the cache a command line uses', () => {
  it("is its command's, else the dashboard's", () => {
    const key = (...argv: string[]) => cacheKey(argv, commandNames);
    expect(key()).toBe('dashboard');
    expect(key('topology.yaml')).toBe('dashboard');
    expect(key('check', 'topology.yaml')).toBe('check');
    expect(key('--json', 'impact', '--fail', 'KR-CA')).toBe('impact');
    expect(key('demo')).toBe('demo');
    expect(key('--no-color', 'topology.yaml', '--events', 'e.jsonl')).toBe('dashboard');
  });

  it("keeps to V8's baseline tiers for topology files under 1 MB only", () => {
    const small = scratch('zones: []\n');
    const large = scratch(new Uint8Array(1024 * 1024));
    expect(smallInputs([small])).toBe(true);
    // Flag values and ids name no file; a directory is no topology.
    expect(smallInputs(['--fail', 'KR-CA', small, '--order', '2'])).toBe(true);
    expect(smallInputs([small, small])).toBe(true);
    expect(smallInputs([small, large])).toBe(false);
    expect(smallInputs([large])).toBe(false);
    expect(smallInputs(['-'])).toBe(false);
    expect(smallInputs(['KR-CA', dir])).toBe(false);
    expect(smallInputs([])).toBe(false);
  });

  it('is named after the build and the command', () => {
    expect(cacheFileName({path: '/x/dist/cli-body.js', hash: '0123abcd'}, 'check')).toBe(
      'cli-body.0123abcd.check.cache',
    );
  });

  it("lives beside the body, else in the user's cache directory, never a relative one", () => {
    expect(cacheDirectories('/opt/failsight/dist', {XDG_CACHE_HOME: '/home/u/.c'})).toEqual([
      '/opt/failsight/dist',
      '/home/u/.c/failsight',
    ]);
    expect(cacheDirectories('/opt/failsight/dist', {XDG_CACHE_HOME: 'relative'})).toEqual([
      '/opt/failsight/dist',
      join(homedir(), '.cache', 'failsight'),
    ]);
  });
});

describe('reading the body', () => {
  it('gives the text of any UTF-8 file, whatever characters its chunks cut', () => {
    fc.assert(
      fc.property(
        fc.string({unit: 'grapheme', maxLength: 200}),
        fc.integer({min: 4, max: 32}),
        (text, chunkBytes) => {
          expect(readUtf8(scratch(text), Infinity, chunkBytes)).toBe(text);
        },
      ),
      {numRuns: 300},
    );
  });

  it('reads a file of several 64 KiB chunks whole', () => {
    const text = '한국 zone, '.repeat(30_000);
    expect(readUtf8(scratch(text))).toBe(text);
  });
});

describe('reading a cache', () => {
  it('gives its bytes, in memory mapped by V8 rather than malloc', () => {
    const bytes = Uint8Array.from({length: 200_000}, (_, i) => (i * 7) % 256);
    const read = readOutsideMalloc(scratch(bytes));
    expect(read && Buffer.compare(read, bytes)).toBe(0);
    // A WebAssembly memory: whole 64 KiB pages.
    expect(read!.buffer.byteLength % 65_536).toBe(0);
  });

  it('gives nothing for a missing file', () => {
    expect(readOutsideMalloc(join(dir, 'missing'))).toBeUndefined();
  });
});

describe('writing a cache', () => {
  it('writes to the first place that takes it, and removes the caches of other builds', () => {
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, 'a file where a directory would be');
    const place = join(dir, 'cache', 'failsight');
    mkdirSync(place, {recursive: true});
    const keep = [
      'cli-body.aaaa.dashboard.cache',
      'cli-body.bbbb.dashboard.cache.123.tmp',
      'notes.txt',
    ];
    for (const name of ['cli-body.cccc.check.cache', ...keep]) writeFileSync(join(place, name), '');
    writeCache([blocked, place], 'cli-body.aaaa.check.cache', Uint8Array.of(1, 2, 3));
    expect(readFileSync(join(place, 'cli-body.aaaa.check.cache'))).toEqual(Buffer.of(1, 2, 3));
    expect(readdirSync(place).sort()).toEqual([...keep, 'cli-body.aaaa.check.cache'].sort());
  });

  it('leaves nothing behind where it cannot write', () => {
    const place = join(dir, 'read-only');
    mkdirSync(place);
    chmodSync(place, 0o500);
    try {
      writeCache([place], 'cli-body.aaaa.check.cache', Uint8Array.of(1));
      // root may write anyway; either way no temporary file is left.
      expect(readdirSync(place).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    } finally {
      chmodSync(place, 0o700);
    }
  });
});
