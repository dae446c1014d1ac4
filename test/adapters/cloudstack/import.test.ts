import {mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {parseTopology} from '../../../source/core/load.js';
import {runCheck} from '../../../source/commands/check/check.js';
import {runImport, type ImportArgs} from '../../../source/commands/cloudstack/import.js';
import {FakeCloud} from './fake-cloud.js';

let cloud: FakeCloud | undefined;
afterEach(async () => {
  await cloud?.close();
  cloud = undefined;
});

const secret = 'fake-secret-Zx9/+*';
const at = new Date('2026-11-30T03:00:00Z');
/** Everything failsight printed in this file's tests: scanned for the key and secret at the end. */
const printed: string[] = [];

async function importFrom(fake: FakeCloud, args: Partial<ImportArgs> = {}, env = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runImport(
    {
      zones: [],
      kt: false,
      env: {
        CLOUDSTACK_ENDPOINT: fake.endpoint,
        CLOUDSTACK_KEY: fake.apiKey,
        CLOUDSTACK_SECRET: secret,
        ...env,
      },
      now: () => at,
      client: {backoffMs: 1, timeoutMs: 2_000, retries: 1},
      ...args,
    },
    {stdout: (text) => out.push(text), stderr: (text) => err.push(text)},
  );
  printed.push(...out, ...err);
  const written = args.out ?? args.merge;
  if (written !== undefined) printed.push(readFileSync(written, 'utf8'));
  return {code, stdout: out.join(''), stderr: err.join('')};
}

const dir = () => mkdtempSync(join(tmpdir(), 'failsight-import-'));

describe('failsight import cloudstack (fake cloud)', () => {
  it('writes a topology failsight loads, with a real N-1 report', async () => {
    cloud = await FakeCloud.start();
    const {code, stdout, stderr} = await importFrom(cloud);
    expect(code).toBe(0);
    expect(cloud.allSigned()).toBe(true);
    expect(stdout).toMatch(
      new RegExp(
        `^# Imported by failsight from ${cloud.url}/server/v1/client/api at 2026-11-30T03:00:00Z\n`,
      ),
    );
    expect(stderr).toContain('imported 2 zones, 1 account, 5 VMs, 2 load balancers');
    const loaded = parseTopology(stdout, 'cloud.yaml');
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const {model} = loaded;
    expect(model.zones.map((z) => z.id)).toEqual(['KR-CA', 'KR-CB']);
    expect(model.vms.map((vm) => [vm.id, vm.capacity, vm.router])).toEqual([
      ['batch-1', 8, 'shop/KR-CB'],
      ['web-1', 2, 'shop/KR-CA'],
      ['web-2', 2, 'shop/KR-CA'],
      ['web-3', 4, 'shop/KR-CB'],
      ['web-4', 4, 'shop/KR-CB'],
    ]);
    expect(model.loadBalancers.map((lb) => [lb.id, lb.runsOn, lb.members])).toEqual([
      ['web-ca', 'router', ['web-1', 'web-2']],
      ['web-cb', 'router', ['web-3', 'web-4']],
    ]);
    // One service per rule; demand is what its members serve: 2 + 2 and 4 + 4 vCPU.
    expect(model.services.map((s) => [s.id, s.demand, s.entry])).toEqual([
      ['web-ca-service', 4, 'web-ca'],
      ['web-cb-service', 8, 'web-cb'],
    ]);
    const report: string[] = [];
    // A rule on the account's router: the router, the account and the zone each take it down.
    expect(runCheck(model, {json: false, includeGslb: false}, (t) => report.push(t))).toBe(1);
    expect(report.join('')).toMatch(/web-ca-service +vm-redundancy +4\/4 vCPU served +OK/);
    expect(report.join('')).toContain('single points of failure: KR-CA, shop, shop/KR-CA, web-ca');
  });

  it('writes the same file twice from the same cloud, whatever order the API lists in', async () => {
    cloud = await FakeCloud.start();
    const first = (await importFrom(cloud)).stdout;
    cloud.state.vms.reverse();
    cloud.state.zones.reverse();
    expect((await importFrom(cloud)).stdout).toBe(first);
  });

  it('imports the zones asked for and refuses a zone it does not know', async () => {
    cloud = await FakeCloud.start();
    const one = await importFrom(cloud, {zones: ['kr-cb']});
    expect(one.code).toBe(0);
    const loaded = parseTopology(one.stdout, 'x.yaml');
    expect(loaded.ok && loaded.model.vms.map((vm) => vm.id)).toEqual(['batch-1', 'web-3', 'web-4']);
    const none = await importFrom(cloud, {zones: ['KR-XX']});
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      'failsight: import cloudstack: --zone KR-XX: no such zone; the key sees KR-CA, KR-CB\n',
    );
  });

  it('skips listRouters with a note when the key may not use it (432)', async () => {
    cloud = await FakeCloud.start();
    cloud.forbidden.add('listRouters');
    const {code, stdout, stderr} = await importFrom(cloud);
    expect(code).toBe(0);
    expect(stderr).toContain('failsight: note: listRouters is not allowed for this key (432)');
    expect(stdout).toContain('# note: listRouters is not allowed for this key (432)');
  });

  it('skips load-balancer rules with a note when the key may not list them (432)', async () => {
    cloud = await FakeCloud.start();
    cloud.forbidden.add('listLoadBalancerRules');
    const {code, stdout, stderr} = await importFrom(cloud);
    expect(code).toBe(0);
    expect(stderr).toContain('note: listLoadBalancerRules is not allowed for this key (432)');
    expect(stdout).toContain('loadBalancers: []');
  });

  it('marks accounts with redundant routers', async () => {
    cloud = await FakeCloud.start();
    for (const router of cloud.state.routers) router['isredundantrouter'] = true;
    const {stdout} = await importFrom(cloud);
    const loaded = parseTopology(stdout, 'x.yaml');
    expect(loaded.ok && loaded.model.accounts.map((a) => [a.id, a.redundantRouter])).toEqual([
      ['shop', true],
    ]);
  });

  it.each([
    [
      'a wrong secret',
      {env: {CLOUDSTACK_SECRET: 'not-the-secret-77'}},
      'refused the key or secret (401',
    ],
    [
      'a command the key may not use',
      {forbid: 'listVirtualMachines'},
      'this key may not use listVirtualMachines (432',
    ],
    [
      'a parameter error',
      {inject: {command: 'listZones', status: 431, errortext: 'invalid value: page'}},
      'the API refused a parameter (431: invalid value: page)',
    ],
    [
      'a timeout',
      {inject: {command: 'listZones', delayMs: 4_000}},
      'listZones: no answer within 2 s',
    ],
    [
      'an HTML page',
      {inject: {html: true}},
      'answered with an HTML page (HTTP 200), not the CloudStack API',
    ],
    ['an empty account', {empty: true}, 'the account has no VMs: there is nothing to import'],
    ['no credentials', {env: {CLOUDSTACK_KEY: ''}}, 'set CLOUDSTACK_KEY in the environment'],
  ] as const)('refuses %s with exit 2 and writes nothing', async (_what, setup, message) => {
    cloud = await FakeCloud.start();
    const s = setup as {
      env?: Record<string, string>;
      forbid?: string;
      inject?: object;
      empty?: boolean;
    };
    if (s.forbid) cloud.forbidden.add(s.forbid);
    if (s.inject) cloud.injected.push(s.inject);
    if (s.empty) cloud.state.vms.length = 0;
    const where = dir();
    const out = join(where, 'cloud.yaml');
    writeFileSync(out, 'previous contents\n');
    const result = await importFrom(cloud, {out}, s.env ?? {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(readFileSync(out, 'utf8')).toBe('previous contents\n');
    expect(readdirSync(where)).toEqual(['cloud.yaml']);
  });

  it('--merge updates the inventory and keeps what was written by hand', async () => {
    cloud = await FakeCloud.start();
    const where = dir();
    const file = join(where, 'cloud.yaml');
    expect((await importFrom(cloud, {out: file})).code).toBe(0);
    const edited = readFileSync(file, 'utf8')
      .replace('demand: 4\n', 'demand: 400 # measured in October\n    minimum: 200\n')
      .replace('unit: vCPU', 'unit: users')
      .replace(
        '  - id: web-1\n    account: shop\n    zone: KR-CA\n    capacity: 2\n',
        '  - id: web-1\n    account: shop\n    zone: KR-CA\n    capacity: 250 # load-tested\n    probe: http://10.0.0.1/healthz\n',
      )
      .concat(
        'gslbs:\n  - id: shop-gslb\n    targets: [{ref: web-ca}, {ref: web-cb, priority: 2}]\n',
      );
    writeFileSync(file, edited.replace(/ {2}- id: web-cb-service\n( {4}.*\n)+/, ''));
    expect(parseTopology(readFileSync(file, 'utf8'), file).ok).toBe(true);

    // The cloud changes: web-2 is gone, web-5 is new in KR-CA and joins the rule.
    const web5 = {...cloud.vm('web-2'), id: 'v6000000-0000-4000-8000-000000000006', name: 'web-5'};
    cloud.state.vms = cloud.state.vms.filter((vm) => vm['name'] !== 'web-2').concat(web5);
    cloud.state.rules[0]!.members = ['v1000000-0000-4000-8000-000000000001', web5.id];

    const merged = await importFrom(cloud, {merge: file});
    expect(merged.code).toBe(0);
    expect(merged.stderr).toContain('added 1, removed 1 (web-2)');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('demand: 400 # measured in October\n    minimum: 200');
    expect(text).toContain('unit: users');
    expect(text).toContain('capacity: 250 # load-tested\n    probe: http://10.0.0.1/healthz\n');
    expect(text).toContain('- id: shop-gslb');
    // web-cb is behind the hand-written GSLB: no second service is made up for it.
    expect(text).not.toContain('web-cb-service');
    const loaded = parseTopology(text, file);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(loaded.model.loadBalancers.find((lb) => lb.id === 'web-ca')!.members).toEqual([
      'web-1',
      'web-5',
    ]);
    expect(text.match(/Imported by failsight/g)).toHaveLength(1);
  });

  it('--merge with --zone updates that zone and leaves the others as they are', async () => {
    cloud = await FakeCloud.start();
    const file = join(dir(), 'cloud.yaml');
    await importFrom(cloud, {out: file});
    const before = readFileSync(file, 'utf8');
    cloud.state.vms = cloud.state.vms.filter((vm) => vm['name'] !== 'web-2');
    cloud.state.rules[0]!.members = ['v1000000-0000-4000-8000-000000000001'];
    const merged = await importFrom(cloud, {merge: file, zones: ['KR-CA']});
    expect(merged.code).toBe(0);
    expect(merged.stderr).toContain('removed 1 (web-2)');
    const text = readFileSync(file, 'utf8');
    const block = (t: string) => t.slice(t.indexOf('  - id: web-3'), t.indexOf('loadBalancers:'));
    expect(block(text)).toBe(block(before));
    expect(text).toContain('  - id: KR-CB\n');
    expect(text).toContain('members: [ web-3, web-4 ]');
  });

  it('keeps a JSON topology JSON, on import and on --merge', async () => {
    cloud = await FakeCloud.start();
    const file = join(dir(), 'cloud.json');
    expect((await importFrom(cloud, {out: file})).code).toBe(0);
    const json = JSON.parse(readFileSync(file, 'utf8')) as {services: Array<{demand: number}>};
    json.services[0]!.demand = 40;
    writeFileSync(file, JSON.stringify(json));
    expect((await importFrom(cloud, {merge: file})).code).toBe(0);
    const merged = JSON.parse(readFileSync(file, 'utf8')) as typeof json & {vms: unknown[]};
    expect(merged.services[0]!.demand).toBe(40);
    expect(merged.vms).toHaveLength(5);
  });

  it('--merge refuses a result that would not load, and leaves the file alone', async () => {
    cloud = await FakeCloud.start();
    const file = join(dir(), 'cloud.yaml');
    await importFrom(cloud, {out: file});
    writeFileSync(
      file,
      readFileSync(file, 'utf8') + '  - {id: batch, demand: 8, entry: batch-1}\n',
    );
    const before = readFileSync(file, 'utf8');
    cloud.state.vms = cloud.state.vms.filter((vm) => vm['name'] !== 'batch-1');
    const result = await importFrom(cloud, {merge: file});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the merged topology would not load, nothing written');
    expect(result.stderr).toContain('batch-1');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it("reads KT Cloud's load balancer API with --kt", async () => {
    cloud = await FakeCloud.start();
    cloud.state.rules = [];
    cloud.state.ktLbs = [
      {
        loadbalancerid: 19871,
        name: 'shop-lb',
        zoneid: cloud.state.zones[1]!['id'] as string,
        serviceip: '172.25.0.181',
        serviceport: '80',
        state: 'UP',
        members: ['v3000000-0000-4000-8000-000000000003', 'v4000000-0000-4000-8000-000000000004'],
      },
    ];
    const {code, stdout, stderr} = await importFrom(cloud, {kt: true});
    expect(code).toBe(0);
    expect(stderr).toContain('failsight: note: KT Cloud GSLBs are not read');
    const loaded = parseTopology(stdout, 'kt.yaml');
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(loaded.model.loadBalancers.map((lb) => [lb.id, lb.zone, lb.runsOn, lb.members])).toEqual(
      [['shop-lb', 'KR-CB', 'zone', ['web-3', 'web-4']]],
    );
    const kt = cloud.requests.filter((r) => r.path === '/loadbalancer/v1/client/api');
    expect(kt.map((r) => r.command)).toContain('listLoadBalancerWebServers');
    expect(cloud.allSigned()).toBe(true);
  });

  it('never prints the key or the secret', () => {
    expect(printed.length).toBeGreaterThan(10);
    const all = printed.join('\n');
    for (const secretText of [
      secret,
      'fake-api-key-Qw7',
      'not-the-secret-77',
      encodeURIComponent(secret),
    ])
      expect(all).not.toContain(secretText);
  });
});
