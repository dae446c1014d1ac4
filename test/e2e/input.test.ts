import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {expectNoStackTrace, run} from './run.js';
import {hasTmux, Pane} from './tmux.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'failsight-input-'));
});
afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

/** n services, each on its own VM, each depending on the next: s0 → s1 → … → s(n-1). */
function chain(n: number): string {
  const vms = Array.from({length: n}, (_, i) => ({
    id: `v${i}`,
    account: 'a',
    zone: 'KR-CA',
    capacity: 10,
  }));
  const services = Array.from({length: n}, (_, i) => ({
    id: `s${i}`,
    entry: `v${i}`,
    demand: 10,
    dependsOn: i + 1 < n ? [`s${i + 1}`] : [],
  }));
  return JSON.stringify({version: 1, zones: [{id: 'KR-CA'}], accounts: [{id: 'a'}], vms, services});
}

describe('more bad input, handled', () => {
  it('a chain of 5,000 dependsOn loads: the last VM takes every service down', async () => {
    const file = join(dir, 'chain.json');
    await writeFile(file, chain(5000));
    const result = await run('impact', file, '--fail', 'v4999', '--json');
    expect(expectNoStackTrace(result.stderr), result.stderr).toBe(true);
    const impact = JSON.parse(result.stdout) as {services: {id: string; after: number}[]};
    // v4999 serves s4999, which every other service needs through the chain.
    expect(impact.services).toHaveLength(5000);
    expect(impact.services.every((s) => s.after === 0)).toBe(true);
  });

  it('--json with an unknown flag still prints one JSON document', async () => {
    const result = await run('check', 'fixtures/demo.yaml', '--json', '--bogus');
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({errors: [{message: 'unknown flag --bogus'}]});
    expect(result.stderr).toContain('unknown flag --bogus');
  });

  it('a missing file says "no such file", with no position in it', async () => {
    const file = join(dir, 'missing.yaml');
    const result = await run('check', file);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`failsight: ${file}: no such file\n`);
    const json = await run('check', file, '--json');
    expect(JSON.parse(json.stdout)).toEqual({errors: [{file, message: 'no such file'}]});
  });

  it('failsight demo | cat prints the narration as plain text', async () => {
    const result = await run('demo');
    expect(result.code).toBe(0);
    // eslint-disable-next-line no-control-regex
    expect(result.stdout).not.toMatch(/\u001b/);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toBe('[1/7] +0 s  Normal: 3 services, all served. Next: zone KR-CA fails.');
    expect(lines[6]).toMatch(/^\[7\/7\] \+100 s {2}Zone KR-CA is back/);
  });

  it('check --ascii and impact --ascii print ASCII only', async () => {
    for (const args of [
      ['check', 'fixtures/demo.yaml', '--ascii'],
      ['impact', 'fixtures/demo.yaml', '--fail', 'KR-CA', '--ascii'],
    ]) {
      const result = await run(...args);
      expect(result.stdout.length).toBeGreaterThan(0);
      expect(result.stdout).toMatch(/^[\n\x20-\x7e]*$/);
    }
  });

  it('check lists the tolerance of only the kinds the topology has', async () => {
    const result = await run('check', 'fixtures/single-server.yaml', '--json');
    const report = JSON.parse(result.stdout) as {services: {tolerance: Record<string, unknown>}[]};
    // One VM of one account in one zone: no load balancer, no site.
    expect(Object.keys(report.services[0]!.tolerance).sort()).toEqual([
      'account',
      'router',
      'vm',
      'zone',
    ]);
  });

  it('check lists no tolerance of a kind the service does not use, in text and JSON', async () => {
    const json = await run('check', 'fixtures/demo.yaml', '--json');
    const report = JSON.parse(json.stdout) as {
      services: {id: string; tolerance: Record<string, unknown>}[];
    };
    const admin = report.services.find((s) => s.id === 'shop-admin')!;
    // shop-admin is the VM admin-1 alone: the demo's load balancers and site are not its.
    expect(Object.keys(admin.tolerance).sort()).toEqual(['account', 'router', 'vm', 'zone']);
    const text = await run('check', 'fixtures/demo.yaml');
    const block = text.stdout.slice(text.stdout.indexOf('shop-admin  single'));
    const table = block.slice(0, block.indexOf('availability:'));
    expect(table).toMatch(/^ {4}zone {5}no/m);
    expect(table).not.toMatch(/^ {4}(lb|site) /m);
  });
});

let pane: Pane | undefined;
afterEach(() => {
  pane?.close();
  pane = undefined;
});

describe.skipIf(!hasTmux && !process.env['CI'])('stdin not a terminal (tmux)', () => {
  it.each([
    [['fixtures/demo.yaml'], 'the dashboard'],
    [['demo'], 'the demo'],
  ])('failsight %j < /dev/null says it needs a terminal, exit 2', async (args, what) => {
    pane = Pane.open(args, {stdin: '/dev/null'});
    const {status} = await pane.exited();
    expect(status).toBe(2);
    const screen = pane.screen();
    expect(screen).toContain(`failsight: ${what} needs a terminal: stdin is not one`);
    expect(expectNoStackTrace(screen)).toBe(true);
  });
});

describe('impact for an incident channel', () => {
  it('changed services first with why, the rest counted; --all lists them after', async () => {
    const result = await run('impact', 'fixtures/demo.yaml', '--fail', 'KR-CA');
    const lines = result.stdout.split('\n');
    expect(lines[1]).toBe('services after: 2 DOWN · 0 DEGRADED · 1 OK');
    expect(lines.slice(3, 7)).toEqual([
      'service   demand  before  after  status  why',
      '--------  ------  ------  -----  ------  --------------------',
      // 500 from lb-cb, times 0/1000 from shop-db: down through its dependency.
      'shop-web    1000    1000      0  DOWN    needs shop-db (DOWN)',
      'shop-db     1000    1000      0  DOWN',
    ]);
    expect(lines[7]).toBe('1 other service unchanged (--all lists it)');
    const all = await run('impact', 'fixtures/demo.yaml', '--fail', 'KR-CA', '--all');
    expect(all.stdout).toMatch(/shop-db .*\nshop-admin +50 +50 +50 +OK\n/);
    expect(all.stdout).not.toContain('unchanged');
  });

  it('--brief gives the blast radius as counts only', async () => {
    const result = await run('impact', 'fixtures/demo.yaml', '--fail', 'KR-CA', '--brief');
    expect(result.stdout).toContain('fails with it: 2 routers · 1 LB · 3 VMs');
    expect(result.stdout).not.toContain('✖');
    expect(result.stdout).not.toContain('(zone KR-CA failed)');
  });

  it('exit 1 when a service is DOWN after the failure, 0 when all stay above their minimum', async () => {
    expect((await run('impact', 'fixtures/demo.yaml', '--fail', 'KR-CA')).code).toBe(1);
    // web-1 leaves shop-web 750 of 1000: DEGRADED, not DOWN.
    const degraded = await run('impact', 'fixtures/demo.yaml', '--fail', 'web-1');
    expect(degraded.code).toBe(0);
    expect(degraded.stdout).toContain('services after: 0 DOWN · 1 DEGRADED · 2 OK');
    expect((await run('impact', 'fixtures/multi-zone.yaml', '--fail', 'KR-CA')).code).toBe(0);
  });
});
