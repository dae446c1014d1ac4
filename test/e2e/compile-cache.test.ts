import {spawnSync} from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {afterAll, describe, expect, it} from 'vitest';
import {generateTopology} from '../../bench/generate.js';
import {hasTmux, Pane} from './tmux.js';

/**
 * A copy of the built command of its own (dist/cli.js and the body it runs), so that the
 * caches it writes beside itself are this test's alone.
 */
const install = mkdtempSync(join(tmpdir(), 'failsight-install-'));
mkdirSync(join(install, 'dist'));
mkdirSync(join(install, 'fixtures'));
for (const name of ['cli.js', 'cli-body.js'])
  copyFileSync(join('dist', name), join(install, 'dist', name));
copyFileSync('fixtures/demo.yaml', join(install, 'fixtures', 'demo.yaml'));
const cli = join(install, 'dist', 'cli.js');
const demo = join(install, 'fixtures', 'demo.yaml');
afterAll(() => rmSync(install, {recursive: true, force: true}));

/** The cache files beside the body, by command: name → its bytes and when they were written. */
function caches(): Map<string, {bytes: Buffer; written: number}> {
  const found = new Map<string, {bytes: Buffer; written: number}>();
  for (const name of readdirSync(join(install, 'dist'))) {
    const match = /^cli-body\.[0-9a-f]{16}\.([\w-]+)\.cache$/.exec(name);
    if (!match) continue;
    const path = join(install, 'dist', name);
    found.set(match[1]!, {bytes: readFileSync(path), written: statSync(path).mtimeMs});
  }
  return found;
}

function check(...nodeFlags: string[]) {
  return checkOf(demo, ...nodeFlags);
}

function checkOf(file: string, ...nodeFlags: string[]) {
  const run = spawnSync(process.execPath, [...nodeFlags, cli, 'check', file], {encoding: 'utf8'});
  return {status: run.status, stdout: run.stdout, stderr: run.stderr};
}

describe('the compile cache', () => {
  it('is made by the first run of a command, taken by the next, remade under other V8 flags', () => {
    // The demo is under 1 MB: a check of it keeps to V8's baseline tiers, with a cache of its own.
    const key = 'check-baseline';
    expect(caches().has(key)).toBe(false);
    // A run that ends at a usage error makes none: it compiled little of what a check needs.
    const refused = spawnSync(process.execPath, [cli, 'check', demo, '--no-such-flag']);
    expect(refused.status).toBe(2);
    expect(caches().has(key)).toBe(false);
    const first = check();
    expect(first.stderr).toBe('');
    const made = caches().get(key);
    expect(made).toBeDefined();

    // Taken: the same report, and the cache is not written again.
    expect(check()).toEqual(first);
    expect(caches().get(key)).toEqual(made);

    // V8 refuses a cache made under other flags; the run reports the same and makes its own.
    expect(check('--no-lazy-feedback-allocation')).toEqual(first);
    const other = caches().get(key)!;
    expect(other.bytes.equals(made!.bytes)).toBe(false);
    // And back: the default flags refuse that one in turn, and take what they remade.
    expect(check()).toEqual(first);
    const remade = caches().get(key)!;
    expect(remade.bytes.equals(other.bytes)).toBe(false);
    expect(check()).toEqual(first);
    expect(caches().get(key)).toEqual(remade);

    // The same topology padded past 1 MB (a comment) is checked with every tier, from the
    // command's own cache, and says the same.
    const padded = join(install, 'fixtures', 'padded.yaml');
    writeFileSync(padded, `${readFileSync(demo, 'utf8')}\n# ${'x'.repeat(1024 * 1024)}\n`);
    expect(checkOf(padded).stdout).toBe(first.stdout);
    expect(caches().has('check')).toBe(true);
    expect(caches().get(key)).toEqual(remade);
  });

  it('lets V8 optimize when a small file holds many VMs, and still makes the cache baseline runs take', () => {
    // 160 VMs behind load balancers and a GSLB: some 30 kB, so the check starts in baseline tiers.
    const many = join(install, 'fixtures', 'many.json');
    const topology = generateTopology({vms: 100});
    expect(topology.vms?.length).toBeGreaterThanOrEqual(150);
    writeFileSync(many, JSON.stringify(topology, null, 2));
    expect(statSync(many).size).toBeLessThan(1024 * 1024);
    const optimized = (run: {stdout: string}) => /^\[compiling method/m.test(run.stdout);
    // V8 says what it optimizes (the flag is the same in every run, so each takes one cache).
    expect(optimized(check('--trace-opt'))).toBe(false);
    expect(optimized(checkOf(many, '--trace-opt'))).toBe(true);

    // The cache that run makes is made under the baseline flags, so the demo's next check
    // takes it rather than compile and write its own.
    const key = 'check-baseline';
    for (const name of readdirSync(join(install, 'dist')))
      if (name.endsWith('.cache')) rmSync(join(install, 'dist', name));
    const report = checkOf(many);
    expect(report.status).toBe(0);
    const made = caches().get(key);
    expect(made).toBeDefined();
    expect(check().stderr).toBe('');
    expect(caches().get(key)).toEqual(made);
    expect(checkOf(many)).toEqual(report);
    expect(caches().get(key)).toEqual(made);
  });

  it.skipIf(!hasTmux && !process.env['CI'])(
    'is made by the dashboard once it is still, and outlives its idle collections',
    async () => {
      const open = async () => {
        const pane = Pane.open([demo], {cli});
        await pane.waitFor((screen) => screen.includes('KR-CA'), 'the dashboard');
        return pane;
      };
      const first = await open();
      try {
        const deadline = Date.now() + 20_000;
        while (!caches().has('dashboard') && Date.now() < deadline) await sleep(100);
        expect(caches().has('dashboard')).toBe(true);
        // Past the idle collector's young collection (8 s), which changes V8's flags: a cache
        // written after that would be refused by the next run, and remade by it.
        await sleep(9_000);
        first.keys('q');
        await first.waitFor((screen) => screen.includes('EXIT=0'), 'the exit');
      } finally {
        first.close();
      }
      const made = caches().get('dashboard');
      const second = await open();
      try {
        second.keys('q');
        await second.waitFor((screen) => screen.includes('EXIT=0'), 'the exit');
      } finally {
        second.close();
      }
      expect(caches().get('dashboard')).toEqual(made);
    },
    40_000,
  );
});
