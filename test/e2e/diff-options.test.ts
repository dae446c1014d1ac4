// `failsight diff` through the built binary, in a directory outside any git repository:
// --tolerance, --format json, and REV:path refused there.
import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {binary, environment, expectNoStackTrace} from './run.js';

// mkdtemp under the system temp directory: no repository above it (checked below).
const dir = mkdtempSync(join(tmpdir(), 'failsight-nogit-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

const demo = readFileSync('fixtures/demo.yaml', 'utf8');
writeFileSync(join(dir, 'old.yaml'), demo);
// Only the VMs' availability changes (0.999 → 0.99): no single point, tolerance or zone
// finding, only services up less often.
writeFileSync(
  join(dir, 'new.yaml'),
  demo.replace(/^services:/m, 'availability: {vm: 0.99}\nservices:'),
);

function inDir(...args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [binary, ...args],
      {cwd: dir, env: {...environment(), GIT_CEILING_DIRECTORIES: tmpdir()}},
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({code, stdout, stderr});
      },
    );
    child.stdin?.end();
  });
}

interface DiffJson {
  verdict: string;
  tolerance: number;
  findings: {kind: string; service: string; before?: number; after?: number}[];
}

describe('diff outside a git repository', () => {
  it('is outside one', async () => {
    const git = await new Promise<number>((resolve) =>
      execFile(
        'git',
        ['rev-parse', '--git-dir'],
        {cwd: dir, env: {...process.env, GIT_CEILING_DIRECTORIES: tmpdir()}},
        (error) => resolve(error ? 1 : 0),
      ),
    );
    expect(git).toBe(1);
  });

  it('--format json is the --json document', async () => {
    const json = await inDir('diff', 'old.yaml', 'new.yaml', '--json');
    const format = await inDir('diff', 'old.yaml', 'new.yaml', '--format', 'json');
    expect(format.code).toBe(json.code);
    expect(JSON.parse(format.stdout)).toEqual(JSON.parse(json.stdout));
    expect((JSON.parse(json.stdout) as DiffJson).verdict).toBe('worse');
  });

  it('--tolerance: a drop in availability within it is not worse, beyond it is', async () => {
    const plain = await inDir('diff', 'old.yaml', 'new.yaml', '--json');
    expect(plain.code).toBe(1);
    const doc = JSON.parse(plain.stdout) as DiffJson;
    // Every worse finding is an availability one, so the tolerance alone decides.
    const worse = doc.findings.filter((f) => f.kind !== 'availabilityHigher');
    expect(worse.length).toBeGreaterThan(0);
    expect(worse.every((f) => f.kind === 'availabilityLower')).toBe(true);
    // The largest drop, in percentage points of P(up).
    const drop = Math.max(...worse.map((f) => (f.before! - f.after!) * 100));
    expect(drop).toBeGreaterThan(0);

    const within = await inDir(
      'diff',
      'old.yaml',
      'new.yaml',
      '--json',
      '--tolerance',
      String(drop * 1.01),
    );
    expect(within.code).toBe(0);
    const withinDoc = JSON.parse(within.stdout) as DiffJson;
    expect(withinDoc.tolerance).toBeCloseTo(drop * 1.01, 9);
    expect(withinDoc.findings.filter((f) => f.kind === 'availabilityLower')).toEqual([]);
    expect(withinDoc.verdict).not.toBe('worse');

    const beyond = await inDir('diff', 'old.yaml', 'new.yaml', '--tolerance', String(drop * 0.99));
    expect(beyond.code).toBe(1);
    expect(beyond.stdout.split('\n')[1]).toMatch(/^worse: /);

    const bad = await inDir('diff', 'old.yaml', 'new.yaml', '--tolerance', 'lots');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--tolerance/);
    expect(expectNoStackTrace(bad.stderr)).toBe(true);
  });

  it('REV:path is refused with exit 2, about the source as a whole: no line or column', async () => {
    const text = await inDir('diff', 'HEAD:old.yaml', 'new.yaml');
    expect(text.code).toBe(2);
    expect(text.stderr).toMatch(
      /^failsight: HEAD:old\.yaml: git show HEAD:\.\/old\.yaml: not a git repository/,
    );
    expect(expectNoStackTrace(text.stderr)).toBe(true);
    const json = await inDir('diff', 'HEAD:old.yaml', 'new.yaml', '--json');
    expect(json.code).toBe(2);
    const doc = JSON.parse(json.stdout) as {errors: Record<string, unknown>[]};
    expect(doc.errors).toHaveLength(1);
    expect(doc.errors[0]!['file']).toBe('HEAD:old.yaml');
    expect(doc.errors[0]).not.toHaveProperty('line');
    expect(doc.errors[0]).not.toHaveProperty('column');
  });
});
