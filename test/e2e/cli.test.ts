import {execFile, spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdir, mkdtemp, readFile, rm, truncate, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import './fresh-build.js';

/** The built binary, run as a user would: stdin closed, no colour, stdout a pipe (not a TTY). */

const root = fileURLToPath(new URL('../../', import.meta.url));
const binary = join(root, 'dist', 'cli.js');
const badDir = 'test/fixtures/bad';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function environment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1', LANG: 'C.UTF-8'};
  for (const name of ['FORCE_COLOR', 'LC_ALL', 'LC_CTYPE', 'LC_MESSAGES']) delete env[name];
  return env;
}

function run(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [binary, ...args],
      {cwd: root, env: environment(), timeout: 30_000, maxBuffer: 16 * 1024 * 1024},
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({code, stdout, stderr});
      },
    );
    child.stdin?.end();
  });
}

/** Exit 2 with the message on stderr as file:line:column, no stack trace, nothing on stdout. */
function expectCleanRejection(result: Run) {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toMatch(/\bError:|node:internal|TypeError|ReferenceError/);
}

function parseOne(stdout: string): unknown {
  // JSON.parse rejects anything after the first document, so this is "exactly one".
  return JSON.parse(stdout);
}

beforeAll(() => {
  if (!existsSync(binary)) throw new Error(`${binary} is missing: run npm run build first`);
});

interface Expectation {
  line: number;
  column: number;
  message: string[];
}

const manifest = JSON.parse(await readFile(join(root, badDir, 'expected.json'), 'utf8')) as {
  files: Record<string, Expectation>;
};

describe('every bad topology: exit 2, located message, no stack trace', () => {
  it.each(Object.entries(manifest.files))('check %s', async (name, expected) => {
    const file = `${badDir}/${name}`;
    const result = await run('check', file);
    expectCleanRejection(result);
    const lines = result.stderr.split('\n');
    const located = lines.find((line) =>
      line.startsWith(`failsight: ${file}:${expected.line}:${expected.column}: `),
    );
    expect(located, result.stderr).toBeDefined();
    for (const part of expected.message) expect(located).toContain(part);
  });

  it('impact rejects a bad topology the same way', async () => {
    const result = await run('impact', `${badDir}/cycle-two.yaml`, '--fail', 'KR-CA');
    expectCleanRejection(result);
    expect(result.stderr).toContain(`${badDir}/cycle-two.yaml:14:17: dependency cycle`);
  });

  it('with --json, stdout is one JSON document listing the errors', async () => {
    const result = await run('check', `${badDir}/unknown-vm-account.yaml`, '--json');
    expect(result.code).toBe(2);
    expect(parseOne(result.stdout)).toEqual({
      errors: [
        {
          file: `${badDir}/unknown-vm-account.yaml`,
          line: 9,
          column: 14,
          message: 'unknown account "shop-mian" (did you mean "shop-main"?)',
        },
      ],
    });
    expect(result.stderr).toContain('unknown-vm-account.yaml:9:14: unknown account "shop-mian"');
  });
});

describe('files that are not topologies', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'failsight-e2e-'));
    await mkdir(join(dir, 'a-directory.yaml'));
    // 300 MB, over the 256 MB limit: a valid start, then a hole (a sparse file: nothing is
    // written, and the size alone refuses it). Generated here, never committed.
    await writeFile(join(dir, 'big.yaml'), 'version: 1\nzones:\n  - id: KR-CA\n');
    await truncate(join(dir, 'big.yaml'), 300 * 1024 * 1024);
  });
  afterAll(async () => {
    await rm(dir, {recursive: true, force: true});
  });

  it('refuses a 300 MB file at once with its size', async () => {
    const file = join(dir, 'big.yaml');
    const started = Date.now();
    const result = await run('check', file);
    expectCleanRejection(result);
    expect(result.stderr).toContain(
      `${file}: file is too large (300.0 MB): topologies are limited to 256 MB`,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('reports a directory given as FILE', async () => {
    const file = join(dir, 'a-directory.yaml');
    const result = await run('check', file);
    expectCleanRejection(result);
    expect(result.stderr).toContain(`${file}: is a directory, not a topology file`);
  });

  it('reports a missing file', async () => {
    const file = join(dir, 'missing.yaml');
    const result = await run('impact', file, '--fail', 'KR-CA');
    expectCleanRejection(result);
    expect(result.stderr).toContain(`${file}: no such file`);
  });
});

interface ImpactJson {
  failed: string[];
  down: {id: string; kind: string; cause: string}[];
  services: {id: string; demand: number; before: number; after: number; status: string}[];
}

const kinds = ['zone', 'site', 'account', 'router', 'vm', 'lb', 'gslb', 'service'];

function expectImpactShape(value: unknown): asserts value is ImpactJson {
  const impact = value as ImpactJson;
  expect(Object.keys(impact)).toEqual(expect.arrayContaining(['failed', 'down', 'services']));
  expect(Array.isArray(impact.failed)).toBe(true);
  for (const entry of impact.down) {
    expect(Object.keys(entry).sort()).toEqual(['cause', 'id', 'kind']);
    expect(kinds).toContain(entry.kind);
    expect(typeof entry.cause).toBe('string');
  }
  for (const service of impact.services) {
    // The fields of docs/semantics.md, and `through`: the dependencies that took it down.
    expect(Object.keys(service).sort()).toEqual([
      'after',
      'before',
      'demand',
      'id',
      'status',
      'through',
    ]);
    expect(['OK', 'DEGRADED', 'DOWN']).toContain(service.status);
  }
}

describe('impact', () => {
  const zoneDown = [
    {id: 'KR-CA', kind: 'zone'},
    {id: 'shop-main/KR-CA', kind: 'router'},
    {id: 'shop-sub/KR-CA', kind: 'router'},
    {id: 'lb-ca', kind: 'lb'},
    {id: 'web-1', kind: 'vm'},
    {id: 'web-2', kind: 'vm'},
    {id: 'db-1', kind: 'vm'},
  ];
  const zoneServices = [
    // shop-web keeps 500 through lb-cb but needs shop-db, which has no target left.
    {id: 'shop-web', demand: 1000, before: 1000, after: 0, status: 'DOWN', through: ['shop-db']},
    {id: 'shop-db', demand: 1000, before: 1000, after: 0, status: 'DOWN', through: []},
    {id: 'shop-admin', demand: 50, before: 50, after: 50, status: 'OK', through: []},
  ];

  it('--fail zone:KR-CA prints the blast radius and the services it changes, exit 1', async () => {
    const result = await run('impact', 'fixtures/demo.yaml', '--fail', 'zone:KR-CA');
    expect(result.code, result.stderr).toBe(1); // shop-web and shop-db are DOWN
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('failing KR-CA');
    for (const {id, kind} of zoneDown.slice(1))
      expect(result.stdout).toMatch(new RegExp(`${kind} ${id}\\s+\\(zone KR-CA failed\\)`));
    expect(result.stdout).toMatch(/shop-web\s+1000\s+1000\s+0\s+DOWN\s+needs shop-db \(DOWN\)/);
    expect(result.stdout).toMatch(/shop-db\s+1000\s+1000\s+0\s+DOWN/);
    expect(result.stdout).toContain('1 other service unchanged (--all lists it)');
    expect(result.stdout).not.toContain('\u001b['); // NO_COLOR
  });

  it('--fail zone:KR-CA --json is one document in the shape of docs/semantics.md', async () => {
    const result = await run('impact', 'fixtures/demo.yaml', '--fail', 'zone:KR-CA', '--json');
    expect(result.code, result.stderr).toBe(1);
    const impact = parseOne(result.stdout);
    expectImpactShape(impact);
    expect(impact.failed).toEqual(['KR-CA']);
    expect(impact.down).toHaveLength(zoneDown.length);
    expect(impact.down).toEqual(
      expect.arrayContaining(zoneDown.map((entry) => ({...entry, cause: 'zone KR-CA failed'}))),
    );
    expect(impact.services).toEqual(zoneServices);
  });

  it('--fail KR-CA (no kind) gives the same answer', async () => {
    const bare = await run('impact', 'fixtures/demo.yaml', '--fail', 'KR-CA', '--json');
    const typed = await run('impact', 'fixtures/demo.yaml', '--fail', 'zone:KR-CA', '--json');
    expect(bare.code).toBe(1);
    expect(parseOne(bare.stdout)).toEqual(parseOne(typed.stdout));
  });

  it('--fail router:shop-main/KR-CA names an implicit router', async () => {
    const result = await run(
      'impact',
      'fixtures/demo.yaml',
      '--fail',
      'router:shop-main/KR-CA',
      '--json',
    );
    expect(result.code, result.stderr).toBe(1); // shop-db loses db-1
    const impact = parseOne(result.stdout);
    expectImpactShape(impact);
    expect(impact.failed).toEqual(['shop-main/KR-CA']);
    const cause = 'router shop-main/KR-CA failed';
    expect(impact.down).toEqual(
      expect.arrayContaining([
        {id: 'shop-main/KR-CA', kind: 'router', cause},
        {id: 'web-1', kind: 'vm', cause},
        {id: 'db-1', kind: 'vm', cause},
      ]),
    );
    expect(impact.down).toHaveLength(3);
    // The zone load balancer does not fall with one account's router; web-2 still serves.
    expect(impact.services.find((s) => s.id === 'shop-db')).toMatchObject({after: 0});
  });

  it('several --fail and comma lists add up', async () => {
    const result = await run(
      'impact',
      'fixtures/demo.yaml',
      '--fail',
      'web-1,web-2',
      '--fail',
      'lb-cb',
      '--json',
    );
    expect(result.code, result.stderr).toBe(1); // shop-web is left 300 of 1000, below its minimum
    const impact = parseOne(result.stdout);
    expectImpactShape(impact);
    expect(impact.failed).toEqual(['web-1', 'web-2', 'lb-cb']);
  });

  it('without --fail reports the current state', async () => {
    const result = await run('impact', 'fixtures/demo.yaml', '--json');
    expect(result.code).toBe(0);
    const impact = parseOne(result.stdout);
    expectImpactShape(impact);
    expect(impact.failed).toEqual([]);
    expect(impact.down).toEqual([]);
    expect(impact.services.map((s) => s.after)).toEqual([1000, 1000, 50]);
  });

  it('an unknown name is exit 2 with the nearest id', async () => {
    const result = await run('impact', 'fixtures/demo.yaml', '--fail', 'KR-M3');
    expectCleanRejection(result);
    expect(result.stderr).toContain('unknown component "KR-M3" (did you mean "KR-M2"?)');
    const typed = await run('impact', 'fixtures/demo.yaml', '--fail', 'zone:KR-M3');
    expectCleanRejection(typed);
    expect(typed.stderr).toContain('(did you mean "zone:KR-M2"?)');
  });

  it('a kind that does not match the id is exit 2 and names the right kind', async () => {
    const result = await run('impact', 'fixtures/demo.yaml', '--fail', 'vm:KR-CA');
    expectCleanRejection(result);
    expect(result.stderr).toContain('"KR-CA" is a zone, not a vm');
    expect(result.stderr).toContain('zone:KR-CA');
  });

  it('--failover on the service, its GSLB or the standby does what o does, with its time', async () => {
    // After KR-CA, o on shop-db, on db-gslb (no healthy target: the standby behind it) and on
    // db-2 each promote db-2. db-gslb then moves shop-db after 5 s × 3 checks + TTL 10 s = 25 s,
    // the time the dashboard's countdown shows for the same two steps.
    const answers = await Promise.all(
      ['shop-db', 'db-gslb', 'db-2'].map((id) =>
        run('impact', 'fixtures/demo.yaml', '--fail', 'KR-CA', '--failover', id, '--json'),
      ),
    );
    const documents = answers.map((answer) => {
      expect(answer.code, answer.stderr).toBe(0);
      return parseOne(answer.stdout) as {
        services: unknown[];
        failovers: {id: string; what: string}[];
        failover: {gslb: string; detectS: number; totalS: number}[];
      };
    });
    for (const document of documents) {
      expect(document.failovers[0]!.what).toBe('promoted db-2');
      expect(document.services).toEqual(documents[2]!.services);
      expect(document.failover.find((w) => w.gslb === 'db-gslb')).toMatchObject({
        detectS: 15,
        totalS: 25,
      });
    }
    const text = await run(
      'impact',
      'fixtures/demo.yaml',
      '--fail',
      'KR-CA',
      '--failover',
      'shop-db',
    );
    expect(text.stdout).toContain(
      "GSLB db-gslb moves shop-db's traffic after ~25 s (detect 15 s + TTL 10 s)",
    );
  });

  it('a service is not a component that can fail', async () => {
    const result = await run('impact', 'fixtures/demo.yaml', '--fail', 'shop-db');
    expectCleanRejection(result);
    expect(result.stderr).toContain('"shop-db" is a service, not a component that can fail');
  });

  it('an unknown kind is exit 2', async () => {
    const result = await run('impact', 'fixtures/demo.yaml', '--fail', 'host:KR-CA');
    expectCleanRejection(result);
    expect(result.stderr).toContain('unknown kind "host"');
  });

  it('--fail without a component is exit 2', async () => {
    const result = await run('impact', 'fixtures/demo.yaml', '--fail');
    expectCleanRejection(result);
    expect(result.stderr).toContain('--fail needs a value');
  });

  it('an unknown name with --json still prints one JSON document', async () => {
    const result = await run('impact', 'fixtures/demo.yaml', '--fail', 'KR-M3', '--json');
    expect(result.code).toBe(2);
    expect(parseOne(result.stdout)).toEqual({
      errors: [{message: expect.stringContaining('did you mean "KR-M2"?')}],
    });
  });
});

interface CheckJson {
  services: {
    id: string;
    strategy: string;
    demand: number;
    served: number;
    status: string;
    spof: string[];
    weak: string[];
    tolerance: Record<string, {survives: boolean; full: boolean; worstPercent: number}>;
    recommendation: string;
    availability: {ok: number; up: number; downtimeMinutesPerYear: number; exact: boolean};
    failover: {
      gslb: string;
      detectS: number;
      ttlS: number;
      totalS: number;
      capacityAfter: number;
    }[];
  }[];
}

function expectCheckShape(value: unknown): asserts value is CheckJson {
  const check = value as CheckJson;
  expect(Array.isArray(check.services)).toBe(true);
  for (const service of check.services) {
    expect(Object.keys(service)).toEqual(
      expect.arrayContaining([
        'id',
        'strategy',
        'demand',
        'served',
        'status',
        'spof',
        'weak',
        'tolerance',
        'recommendation',
        'availability',
        'failover',
      ]),
    );
    expect(['single', 'vm-redundancy', 'multi-account', 'multi-zone']).toContain(service.strategy);
    expect(['OK', 'DEGRADED', 'DOWN']).toContain(service.status);
    expect(typeof service.demand).toBe('number');
    expect(typeof service.served).toBe('number');
    expect(service.spof.every((id) => typeof id === 'string')).toBe(true);
    expect(service.weak.every((id) => typeof id === 'string')).toBe(true);
    // Only the kinds the topology has; every topology has zones and VMs.
    expect(Object.keys(service.tolerance)).toEqual(expect.arrayContaining(['vm', 'zone']));
    for (const kind of Object.keys(service.tolerance))
      expect(['vm', 'router', 'account', 'lb', 'zone', 'site', 'gslb']).toContain(kind);
    for (const tolerance of Object.values(service.tolerance)) {
      expect(typeof tolerance.survives).toBe('boolean');
      expect(typeof tolerance.full).toBe('boolean');
      expect(Number.isInteger(tolerance.worstPercent)).toBe(true);
    }
    expect(typeof service.recommendation).toBe('string');
    expect(service.recommendation.length).toBeGreaterThan(0);
    const {ok, up, downtimeMinutesPerYear, exact} = service.availability;
    expect(ok).toBeGreaterThanOrEqual(0);
    expect(ok).toBeLessThanOrEqual(up);
    expect(up).toBeLessThanOrEqual(1);
    expect(downtimeMinutesPerYear).toBeGreaterThanOrEqual(0);
    expect(typeof exact).toBe('boolean');
    for (const failover of service.failover)
      expect(Object.keys(failover)).toEqual(
        expect.arrayContaining(['gslb', 'detectS', 'ttlS', 'totalS', 'capacityAfter']),
      );
  }
}

describe('check', () => {
  const fixtures: [string, number, Record<string, string>][] = [
    ['single-server.yaml', 1, {app: 'single'}],
    ['vm-redundancy.yaml', 1, {app: 'vm-redundancy'}],
    ['multi-account.yaml', 1, {app: 'multi-account'}],
    ['multi-zone.yaml', 0, {app: 'multi-zone'}],
    ['demo.yaml', 1, {'shop-web': 'multi-zone', 'shop-db': 'multi-zone', 'shop-admin': 'single'}],
  ];

  it.each(fixtures)('%s: exit %i, a readable report', async (name, code, strategies) => {
    const result = await run('check', `fixtures/${name}`);
    expect(result.code, result.stderr).toBe(code);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('failsight check');
    for (const [service, strategy] of Object.entries(strategies))
      expect(result.stdout).toMatch(new RegExp(`${service}\\s+${strategy}`));
    expect(result.stdout).toContain('recommendation:');
    expect(result.stdout).not.toContain('\u001b[');
  });

  it.each(fixtures)(
    '%s --json: one document in the shape of docs/semantics.md',
    async (name, code, strategies) => {
      const result = await run('check', `fixtures/${name}`, '--json');
      expect(result.code, result.stderr).toBe(code);
      const check = parseOne(result.stdout);
      expectCheckShape(check);
      expect(Object.fromEntries(check.services.map((s) => [s.id, s.strategy]))).toEqual(strategies);
      expect(check.services.some((s) => s.spof.length > 0)).toBe(code === 1);
    },
  );

  it('names the SPOFs and tolerance the guide gives (vm-redundancy)', async () => {
    const result = await run('check', 'fixtures/vm-redundancy.yaml', '--json');
    const check = parseOne(result.stdout);
    expectCheckShape(check);
    const [app] = check.services;
    expect(app!.spof.sort()).toEqual(['KR-CA', 'lb-app', 'solo', 'solo/KR-CA']);
    expect(app!.weak.sort()).toEqual(['app-1', 'app-2']);
    expect(app!.tolerance['vm']).toEqual({survives: true, full: false, worstPercent: 50});
    expect(app!.tolerance['router']).toEqual({survives: false, full: false, worstPercent: 0});
    expect(app!.demand).toBe(1000);
    expect(app!.served).toBe(1000);
    expect(app!.status).toBe('OK');
  });

  it('multi-zone: no SPOF, survives a zone with 80%, and reports the GSLB failover time', async () => {
    const result = await run('check', 'fixtures/multi-zone.yaml', '--json');
    const check = parseOne(result.stdout);
    expectCheckShape(check);
    const [app] = check.services;
    expect(app!.spof).toEqual([]);
    expect(app!.tolerance['zone']).toEqual({survives: true, full: false, worstPercent: 80});
    // healthCheck intervalS 10 × threshold 3 = 30 s detection, then the 30 s TTL.
    expect(app!.failover).toEqual([
      expect.objectContaining({gslb: 'app-gslb', detectS: 30, ttlS: 30, totalS: 60}),
    ]);
  });

  it('--include-gslb counts the GSLB: multi-zone then has it as its one SPOF', async () => {
    const result = await run('check', 'fixtures/multi-zone.yaml', '--json', '--include-gslb');
    expect(result.code).toBe(1);
    const check = parseOne(result.stdout);
    expectCheckShape(check);
    expect(check.services[0]!.spof).toEqual(['app-gslb']);
  });
});

describe('topologies written at test time', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'failsight-e2e-'));
  });
  afterAll(async () => {
    await rm(dir, {recursive: true, force: true});
  });

  it('warnings go to stderr; with --json stdout is still one document', async () => {
    const file = join(dir, 'tcp.yaml');
    await writeFile(
      file,
      `version: 1
zones: [{id: KR-CA}, {id: KR-CB}]
accounts: [{id: shop}]
vms:
  - {id: web-1, account: shop, zone: KR-CA, capacity: 100}
  - {id: web-2, account: shop, zone: KR-CB, capacity: 100}
loadBalancers:
  - {id: lb-ca, account: shop, zone: KR-CA, members: [web-1]}
  - {id: lb-cb, account: shop, zone: KR-CB, members: [web-2]}
gslbs:
  - id: shop-gslb
    healthCheck: {type: tcp}
    targets: [{ref: lb-ca}, {ref: lb-cb, priority: 2}]
services:
  - {id: web, demand: 100, entry: shop-gslb}
`,
    );
    const result = await run('check', file, '--json');
    // web-1 dead leaves lb-ca up with no members: its tcp check still passes, so the GSLB keeps
    // all 100 users on lb-ca, which serves 0. web-1, the router it sits behind and the one
    // account are each a SPOF, so check exits 1; a zone takes lb-ca with it and is survived.
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}:12:25: shop-gslb checks lb-ca with tcp`);
    expect(result.stderr).toContain('(warning)');
    const check = parseOne(result.stdout);
    expectCheckShape(check);
    expect(check.services[0]!.spof).toEqual(['shop', 'shop/KR-CA', 'web-1']);
  });

  it('a service below its minimum now is exit 1 even without a SPOF to find', async () => {
    const file = join(dir, 'short.yaml');
    await writeFile(
      file,
      `version: 1
zones: [{id: KR-CA}]
accounts: [{id: shop}]
vms:
  - {id: web-1, account: shop, zone: KR-CA, capacity: 100}
  - {id: web-2, account: shop, zone: KR-CA, capacity: 100, role: standby}
services:
  - {id: web, demand: 1000, minimum: 500, entry: web-1}
`,
    );
    const result = await run('check', file, '--json');
    expect(result.code, result.stderr).toBe(1);
    const check = parseOne(result.stdout);
    expectCheckShape(check);
    expect(check.services[0]).toMatchObject({served: 100, status: 'DOWN'});
  });
});

describe('the command line', () => {
  it('--help prints the usage and exits 0', async () => {
    const result = await run('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage');
    expect(result.stdout).toContain('failsight check [FILE]');
    expect(result.stdout).toContain('failsight impact [FILE]');
    expect(result.stdout).toContain('Exit codes');
  });

  it('--version prints the package version', async () => {
    const {version} = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
      version: string;
    };
    const result = await run('--version');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });

  it('an unknown flag is exit 2 without a stack trace', async () => {
    const result = await run('check', 'fixtures/demo.yaml', '--bogus');
    expectCleanRejection(result);
    expect(result.stderr).toContain('--bogus');
  });

  it('a bad flag value is exit 2 without a stack trace', async () => {
    const result = await run('check', 'fixtures/demo.yaml', '--lang', 'fr');
    expectCleanRejection(result);
    expect(result.stderr).toContain('--lang');
  });

  it('--json: the usage and the refusal name every command that takes it, and each does', async () => {
    const usage = (await run('--help')).stdout;
    const line = usage.split('\n').find((l) => l.trim().startsWith('--json'))!;
    const refused = await run('demo', '--json');
    // Asked for JSON, even the refusal is one JSON document on stdout.
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.stdout)).toHaveProperty('errors');
    for (const command of ['check', 'impact', 'diff', 'explain', 'report']) {
      expect(line).toContain(command);
      expect(refused.stderr).toContain(command);
    }
    // Each of them answers --json with one JSON document (or refuses its input as JSON).
    const diff = await run('diff', 'fixtures/demo.yaml', 'fixtures/demo.yaml', '--json');
    expect(() => JSON.parse(diff.stdout) as unknown).not.toThrow();
    const explain = await run('explain', 'fixtures/demo.yaml', '--down', 'web-1', '--json');
    expect(() => JSON.parse(explain.stdout) as unknown).not.toThrow();
    const imported = await run('import', 'cloudstack', '--json');
    expect(imported.stderr).toContain('--json goes with check, impact, diff, explain or report');
  });

  it('--fail belongs to impact', async () => {
    const result = await run('check', 'fixtures/demo.yaml', '--fail', 'KR-CA');
    expectCleanRejection(result);
    expect(result.stderr).toContain('--fail goes with impact');
  });

  it('two files are exit 2', async () => {
    const result = await run('check', 'fixtures/demo.yaml', 'fixtures/multi-zone.yaml');
    expectCleanRejection(result);
  });

  it('failsight with stdout not a terminal prints the check report of the demo', async () => {
    const result = await run();
    expect(result.code, result.stderr).toBe(1); // the demo has single points of failure
    expect(result.stdout).toContain('failsight check');
    expect(result.stdout).toContain('shop-prod');
    expect(result.stdout).toMatch(/shop-web\s+multi-zone/);
  });

  it('failsight FILE with stdout not a terminal prints that file’s check report', async () => {
    const result = await run('fixtures/multi-zone.yaml');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('multi-zone');
    expect(result.stdout).toContain('single points of failure: none');
  });

  it('a reader that closes the pipe early is not a crash', async () => {
    const child = spawn(process.execPath, [binary, 'check', 'fixtures/demo.yaml', '--json'], {
      cwd: root,
      env: environment(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });
});
