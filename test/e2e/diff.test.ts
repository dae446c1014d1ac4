import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {onlyCa, shopTopology} from '../support/shop-topology.js';
import {hasTmux, Pane} from './tmux.js';

/** `failsight diff` as a reviewer runs it in a git checkout: a temporary repository per suite. */

const binary = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function environment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NO_COLOR: '1',
    LANG: 'C.UTF-8',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
  };
  for (const name of ['FORCE_COLOR', 'LC_ALL', 'LC_CTYPE', 'GIT_DIR', 'GIT_WORK_TREE'])
    delete env[name];
  return env;
}

function exec(program: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(program, args, {cwd, env: environment()}, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({code, stdout, stderr});
    });
    child.stdin?.end();
  });
}

const failsight = (cwd: string, ...args: string[]) =>
  exec(process.execPath, [binary, ...args], cwd);

async function git(cwd: string, ...args: string[]): Promise<void> {
  const result = await exec('git', args, cwd);
  if (result.code !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

/** An unknown entry; the error points at it: its line and column, 1-based. */
const broken = shopTopology().replace('entry: shop-gslb', 'entry: shop-gslbb');
const brokenLines = broken.split('\n');
const brokenLine = brokenLines.findIndex((line) => line.includes('shop-gslbb'));
const brokenAt = `${brokenLine + 1}:${brokenLines[brokenLine]!.indexOf('shop-gslbb') + 1}`;

let root = '';
let repo = '';

beforeAll(async () => {
  if (!existsSync(binary)) throw new Error(`${binary} is missing: run npm run build first`);
  root = await mkdtemp(join(tmpdir(), 'failsight-diff-'));
  repo = join(root, 'repo');
  await mkdir(join(repo, 'infra'), {recursive: true});
  await git(repo, 'init', '-q', '-b', 'main');
  await writeFile(join(repo, 'topology.yaml'), shopTopology());
  await writeFile(join(repo, 'infra', 'topology.yaml'), shopTopology());
  await writeFile(
    join(repo, 'broken.yaml'),
    shopTopology().replace('entry: shop-gslb', 'entry: shop-gslbb'),
  );
  await git(repo, 'add', '.');
  await git(repo, 'commit', '-q', '-m', 'topology');
});

afterAll(async () => {
  await rm(root, {recursive: true, force: true});
});

describe('deleting one GSLB target, then reverting it', () => {
  it('says "worse", names the service and the zone, exit 1; reverted, exit 0', async () => {
    await writeFile(join(repo, 'topology.yaml'), shopTopology({targets: onlyCa}));
    const worse = await failsight(repo, 'diff', 'HEAD:topology.yaml', 'topology.yaml');
    expect(worse.code, worse.stderr).toBe(1);
    // 9 worse findings: 4 new SPOFs (KR-CA, shop-ca, its router, lb-ca), 4 kinds no longer
    // survived (router, account, lb, zone), and lower availability; the zone heads them.
    expect(worse.stdout.split('\n')[1]).toBe('worse: shop-web now dies with zone KR-CA (+8 more)');
    expect(worse.stdout).toContain('~ gslb shop-gslb: targets');

    await writeFile(join(repo, 'topology.yaml'), shopTopology());
    const reverted = await failsight(repo, 'diff', 'HEAD:topology.yaml', 'topology.yaml');
    expect(reverted.code, reverted.stderr).toBe(0);
    expect(reverted.stdout.split('\n')[1]).toBe('same: the topologies are the same');
  });

  it('reads REV:path relative to the current directory, as git show REV:./path does', async () => {
    const infra = join(repo, 'infra');
    await writeFile(join(infra, 'topology.yaml'), shopTopology({targets: onlyCa}));
    const result = await failsight(infra, 'diff', 'HEAD:topology.yaml', 'topology.yaml');
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain('failsight diff  HEAD:topology.yaml → topology.yaml');
    await writeFile(join(infra, 'topology.yaml'), shopTopology());
  });

  it('--json is one document with the verdict and the findings', async () => {
    await writeFile(join(repo, 'topology.yaml'), shopTopology({targets: onlyCa}));
    const result = await failsight(repo, 'diff', 'HEAD:topology.yaml', 'topology.yaml', '--json');
    expect(result.code).toBe(1);
    const doc = JSON.parse(result.stdout) as {
      verdict: string;
      findings: {kind: string; service: string; component: string}[];
      old: {source: string};
    };
    expect(doc.verdict).toBe('worse');
    expect(doc.old.source).toBe('HEAD:topology.yaml');
    expect(doc.findings[0]).toMatchObject({
      kind: 'spofGained',
      service: 'shop-web',
      component: 'KR-CA',
    });
    await writeFile(join(repo, 'topology.yaml'), shopTopology());
  });
});

describe('a change that leaves a service DOWN', () => {
  it('text, JSON and markdown name it DOWN first and list nothing better', async () => {
    // Before: only lb-ca over two 500-user VMs; KR-CA, shop-ca, its router and lb-ca are SPOFs.
    // After: the two VMs at 100 each serve 200 of 1000 < minimum 500, DOWN, with no SPOF to list.
    const dir = join(root, 'down');
    await mkdir(dir, {recursive: true});
    await writeFile(join(dir, 'old.yaml'), shopTopology({targets: onlyCa}));
    await writeFile(
      join(dir, 'new.yaml'),
      shopTopology({targets: onlyCa, capacities: [100, 100, 500, 500]}),
    );
    const text = await failsight(dir, 'diff', 'old.yaml', 'new.yaml');
    expect(text.code, text.stderr).toBe(1);
    expect(text.stdout.split('\n')[1]).toMatch(/^worse: shop-web falls below its minimum/);
    expect(text.stdout).not.toMatch(/^\s*better /m);
    expect(text.stdout).not.toContain('SPOFs lost');
    const json = await failsight(dir, 'diff', 'old.yaml', 'new.yaml', '--json');
    const doc = JSON.parse(json.stdout) as {findings: {direction: string; kind: string}[]};
    expect(doc.findings[0]!.kind).toBe('belowMinimum');
    expect(doc.findings.filter((f) => f.direction === 'better')).toEqual([]);
    const markdown = await failsight(dir, 'diff', 'old.yaml', 'new.yaml', '--format', 'markdown');
    expect(markdown.stdout).not.toMatch(/better/i);
  });
});

describe('the pull-request step of the GitHub Actions example', () => {
  it('failsight diff origin/main:topology.yaml topology.yaml --format markdown: a valid table', async () => {
    const clone = join(root, 'clone');
    await git(root, 'clone', '-q', repo, clone);
    await writeFile(join(clone, 'topology.yaml'), shopTopology({targets: onlyCa}));
    const result = await failsight(
      clone,
      'diff',
      'origin/main:topology.yaml',
      'topology.yaml',
      '--format',
      'markdown',
    );
    expect(result.code, result.stderr).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toContain('**worse: shop-web now dies with zone KR-CA (+8 more)**');
    const header = lines.indexOf('| | before | after |');
    expect(header).toBeGreaterThan(0);
    expect(lines[header - 2]).toBe('#### shop-web');
    expect(lines[header + 1]).toBe('|---|---|---|');
    const rows = lines.slice(header + 2, lines.indexOf('', header));
    expect(rows.length).toBeGreaterThan(5);
    // Every row has exactly three cells: four unescaped pipes.
    for (const row of rows) expect(row.match(/(?<!\\)\|/g), row).toHaveLength(4);
    expect(rows).toContain('| served with zone KR-CA down | 1000 | 0 |');
    expect(rows).toContain('| strategy | multi-zone | vm-redundancy |');
  });
});

describe('bad input in either file: exit 2, the message names that file', () => {
  it('OLD: a REV:path named as written, with line and column', async () => {
    const result = await failsight(repo, 'diff', 'HEAD:broken.yaml', 'topology.yaml');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`failsight: HEAD:broken.yaml:${brokenAt}: unknown entry`);
    expect(result.stderr).not.toContain('topology.yaml:');
  });

  it('NEW: the file', async () => {
    const result = await failsight(repo, 'diff', 'HEAD:topology.yaml', 'broken.yaml');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`failsight: broken.yaml:${brokenAt}: unknown entry`);
    expect(result.stderr).not.toContain('HEAD:topology.yaml:');
  });

  it('a path that is not in the revision', async () => {
    const result = await failsight(repo, 'diff', 'HEAD:missing.yaml', 'topology.yaml', '--json');
    expect(result.code).toBe(2);
    const doc = JSON.parse(result.stdout) as {errors: {file: string; message: string}[]};
    expect(doc.errors[0]!.file).toBe('HEAD:missing.yaml');
    expect(doc.errors[0]!.message).toContain("path 'missing.yaml' does not exist in 'HEAD'");
    // A whole-file error points at no line, in JSON and in text, as a missing file does.
    expect(doc.errors[0]).not.toHaveProperty('line');
    expect(doc.errors[0]).not.toHaveProperty('column');
    expect(result.stderr).toContain('failsight: HEAD:missing.yaml: git show');
  });
});

describe.skipIf(!hasTmux && !process.env['CI'])(
  'failsight NEW --compare OLD in a real terminal',
  () => {
    it('d opens the findings; Enter shows the component in the tree; q quits with 0', async () => {
      const pane = Pane.open([
        'fixtures/multi-account.yaml',
        '--compare',
        'fixtures/multi-zone.yaml',
      ]);
      try {
        await pane.waitForText('Topology · by zone');
        pane.keys('d');
        const panel = await pane.waitForText('worse: app now dies with zone KR-CA');
        expect(panel).toContain('vs fixtures/multi-zone.yaml');
        pane.keys('Down');
        await pane.waitForText('›✖ worse  app now dies with LB lb-app');
        pane.keys('Enter');
        await pane.waitForText('Impact · LB lb-app');
        pane.keys('q');
        await pane.waitForText('EXIT=0');
      } finally {
        pane.close();
      }
    });
  },
);
