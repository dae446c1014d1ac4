import {spawnSync, type SpawnSyncOptions} from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {parse} from 'yaml';
import {environment} from './run.js';
import {root} from './tmux.js';

/**
 * failsight as a team installs it outside this checkout: a tarball from `npm pack`, installed
 * globally into a prefix of its own, run from another directory. The package carries only the
 * bundle (no dependencies), so the install needs no registry: `--offline`.
 */
const place = mkdtempSync(join(tmpdir(), 'failsight-install-'));
// Readable by the unprivileged user the read-only test runs as.
chmodSync(place, 0o755);
afterAll(() => rmSync(place, {recursive: true, force: true}));

function sh(command: string, args: string[], options: SpawnSyncOptions = {}) {
  const result = spawnSync(command, args, {encoding: 'utf8', env: environment(), ...options});
  return {status: result.status, stdout: String(result.stdout), stderr: String(result.stderr)};
}

function ok(result: {status: number | null; stdout: string; stderr: string}) {
  if (result.status !== 0) throw new Error(`exit ${result.status}: ${result.stderr}`);
  return result;
}

/** Packs the checkout as built (the e2e tests refuse a stale dist/), into `into`. */
function pack(into: string): string {
  mkdirSync(into, {recursive: true});
  ok(sh('npm', ['pack', '--ignore-scripts', '--pack-destination', into], {cwd: root}));
  const tarball = readdirSync(into).find((name) => /^failsight-.*\.tgz$/.test(name));
  if (!tarball) throw new Error(`npm pack wrote no tarball in ${into}`);
  return join(into, tarball);
}

function installGlobally(tarball: string, prefix: string) {
  ok(
    sh('npm', ['install', '--global', '--offline', '--no-audit', '--no-fund', tarball], {
      cwd: place,
      env: {...environment(), npm_config_prefix: prefix},
    }),
  );
  return join(prefix, 'bin', 'failsight');
}

const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {version: string})
  .version;

describe('installed from a tarball', () => {
  const tarball = pack(join(place, 'pack'));
  const prefix = join(place, 'prefix');
  const failsight = installGlobally(tarball, prefix);
  const installed = join(prefix, 'lib', 'node_modules', 'failsight');

  it('holds the bundle and the fixtures only, and no dependencies', () => {
    expect(readdirSync(join(installed, 'dist')).sort()).toEqual([
      'cli-body.js',
      'cli-body.js.LEGAL.txt',
      'cli.js',
    ]);
    expect(readdirSync(installed)).not.toContain('node_modules');
    expect(readdirSync(join(installed, 'fixtures'))).toContain('demo.yaml');
  });

  it('runs from any directory: --version, check, impact, a command --help', () => {
    expect(ok(sh(failsight, ['--version'], {cwd: '/'})).stdout.trim()).toBe(version);
    const check = sh(failsight, ['check', join(installed, 'fixtures', 'multi-zone.yaml')], {
      cwd: '/',
    });
    // multi-zone has no single point of failure: exit 0 and a report that says so.
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('failsight check');
    const impact = sh(failsight, ['impact', '--fail', 'KR-CA', '--json'], {cwd: '/'});
    // No FILE: the bundled demo, found beside the installed program and not in the cwd.
    expect(impact.status).toBe(1);
    expect(JSON.parse(impact.stdout)).toHaveProperty('services');
    for (const command of ['check', 'impact', 'diff', 'explain', 'report', 'completion']) {
      const help = sh(failsight, [command, '--help'], {cwd: '/'});
      expect(help.status, command).toBe(0);
      expect(help.stdout, command).toMatch(/Usage/);
    }
  });

  it("keeps its compile cache under the user's cache directory when the install is read-only", () => {
    // An install of its own: the runs above wrote their caches beside the writable one.
    const readOnly = join(place, 'read-only-prefix');
    const failsight = installGlobally(tarball, readOnly);
    const installed = join(readOnly, 'lib', 'node_modules', 'failsight');
    const home = join(place, 'home');
    mkdirSync(home);
    const asRoot = process.getuid?.() === 0;
    // Root writes through any mode bits: run as nobody, who cannot write the install.
    const runner = asRoot ? 'setpriv' : failsight;
    const prefixArgs = asRoot
      ? ['--reuid=65534', '--regid=65534', '--clear-groups', failsight]
      : [];
    if (asRoot) ok(sh('chown', ['65534:65534', home]));
    else chmodSync(join(installed, 'dist'), 0o555);
    const env: NodeJS.ProcessEnv = {...environment(), HOME: home};
    delete env['XDG_CACHE_HOME'];
    const result = sh(
      runner,
      [...prefixArgs, 'check', join(installed, 'fixtures', 'multi-zone.yaml')],
      {
        cwd: '/',
        env,
      },
    );
    if (!asRoot) chmodSync(join(installed, 'dist'), 0o755);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readdirSync(join(installed, 'dist')).filter((name) => name.endsWith('.cache'))).toEqual(
      [],
    );
    // A check of a topology under 1 MB has a cache of its own (V8's baseline tiers only).
    expect(readdirSync(join(home, '.cache', 'failsight'))).toEqual([
      expect.stringMatching(/^cli-body\.[0-9a-f]{16}\.check-baseline\.cache$/),
    ]);
  });
});

/**
 * The GitHub Actions example (docs/examples/resilience-diff.yml), its shell steps run as the
 * runner runs them (bash -e) in a repository of its own: main holds a topology, the working
 * tree a change that makes it worse.
 */
describe('the GitHub Actions example', () => {
  interface Step {
    name?: string;
    id?: string;
    if?: string;
    run?: string;
    env?: Record<string, string>;
  }
  const workflow = parse(
    readFileSync(join(root, 'docs', 'examples', 'resilience-diff.yml'), 'utf8'),
  ) as {jobs: {resilience: {steps: Step[]}}};
  const steps = workflow.jobs.resilience.steps;

  it('installs failsight where it is not published, and comments "worse" with exit 1', () => {
    const origin = join(place, 'origin');
    mkdirSync(origin);
    const git = (cwd: string, ...args: string[]) => ok(sh('git', args, {cwd}));
    git(origin, 'init', '-q', '-b', 'main');
    git(origin, 'config', 'user.email', 'ci@example.com');
    git(origin, 'config', 'user.name', 'ci');
    const topology = readFileSync(join(root, 'fixtures', 'multi-zone.yaml'), 'utf8');
    writeFileSync(join(origin, 'topology.yaml'), topology);
    git(origin, 'add', 'topology.yaml');
    git(origin, 'commit', '-q', '-m', 'topology');
    const work = join(place, 'work');
    git(place, 'clone', '-q', `file://${origin}`, work);
    // The change drops lb-cb from the GSLB: with KR-CA down only idc-guro's 300 users are left,
    // below app's minimum of 500, so zone KR-CA becomes a single point of failure.
    const worse = topology.replace(/\n(\s+)- \{ref: lb-cb[^\n]*/, '');
    expect(worse).not.toBe(topology);
    writeFileSync(join(work, 'topology.yaml'), worse);

    const runnerTemp = join(place, 'runner-temp');
    mkdirSync(runnerTemp);
    const output = join(place, 'github-output');
    writeFileSync(output, '');
    const prefix = join(place, 'ci-prefix');
    const tarball = pack(join(place, 'ci-pack'));
    const env = {
      ...environment(),
      RUNNER_TEMP: runnerTemp,
      GITHUB_OUTPUT: output,
      npm_config_prefix: prefix,
      npm_config_offline: 'true',
      PATH: `${join(prefix, 'bin')}:${process.env['PATH'] ?? ''}`,
    };
    for (const step of steps) {
      if (step.run === undefined || step.run.includes('gh pr comment') || step.run === 'exit 1')
        continue;
      // The install step's source is a tarball here; in a team's job, a git URL (tested below).
      const stepEnv = {
        ...env,
        ...step.env,
        ...(step.env?.['FAILSIGHT'] ? {FAILSIGHT: tarball} : {}),
      };
      const result = sh('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], {
        cwd: work,
        env: stepEnv,
      });
      expect(result.status, `${step.name ?? step.run}: ${result.stderr}`).toBe(0);
    }
    // `failsight diff` exits 1 for a worse change: the comment is posted, then the job fails.
    expect(readFileSync(output, 'utf8')).toBe('code=1\n');
    const comment = steps.find((step) => step.run?.includes('gh pr comment'));
    expect(comment?.if).toBe("steps.diff.outputs.code == '0' || steps.diff.outputs.code == '1'");
    const body = readFileSync(join(work, 'diff.md'), 'utf8');
    expect(body.split('\n')[0]).toMatch(/worse/);
    expect(body).toContain('KR-CA');
    const fail = steps.find((step) => step.run === 'exit 1');
    expect(fail?.if).toBe("steps.diff.outputs.code != '0'");
  });
});

/**
 * From a git URL, as the example installs it: npm clones, installs the dev dependencies and
 * builds (`prepare`), then packs. A clone of this repository's HEAD stands for the team's copy.
 */
describe('installed from a git URL', () => {
  it('builds with prepare and runs from another directory', () => {
    const clone = join(place, 'clone');
    ok(sh('git', ['clone', '-q', '--no-local', root, clone]));
    const into = join(place, 'git-pack');
    mkdirSync(into);
    ok(
      sh('npm', ['pack', '--prefer-offline', `git+file://${clone}`, '--pack-destination', into], {
        cwd: into,
      }),
    );
    const tarball = readdirSync(into).find((name) => name.endsWith('.tgz'));
    expect(tarball).toBeDefined();
    const failsight = installGlobally(join(into, tarball!), join(place, 'git-prefix'));
    expect(ok(sh(failsight, ['--version'], {cwd: '/'})).stdout.trim()).toBe(version);
    const check = sh(failsight, ['check'], {cwd: '/'});
    // The bundled demo has single points of failure: exit 1, with the report.
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('single points of failure');
  }, 900_000);
});
