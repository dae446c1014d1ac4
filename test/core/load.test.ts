import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, mkdir, readdir, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {parse as parseYaml} from 'yaml';
import {generateTopology} from '../../bench/generate.js';
import {loadTopologyFile} from '../../source/adapters/topology-file.js';
import {
  formatLocated,
  maxTopologyBytes,
  parseTopology,
  parseTopologyBytes,
  type LoadResult,
  type Located,
} from '../../source/core/load.js';
import type {Model} from '../../source/core/model.js';

const badDir = new URL('../fixtures/bad/', import.meta.url);
const fixturesDir = new URL('../../fixtures/', import.meta.url);

interface Expectation {
  line: number;
  column: number;
  message: string[];
  /** The text at line:column in the file, when that place is text. */
  at?: string;
}

const manifest = JSON.parse(await readFile(new URL('expected.json', badDir), 'utf8')) as {
  files: Record<string, Expectation>;
};
const corpus = Object.entries(manifest.files);
const fixtureNames = (await readdir(fixturesDir)).filter((name) => /\.ya?ml$/.test(name)).sort();

function errorsOf(result: LoadResult): Located[] {
  if (result.ok) throw new Error(`expected errors, the file loaded (${result.model.name})`);
  return result.errors;
}

function modelOf(result: LoadResult): Model {
  if (!result.ok)
    throw new Error(`expected a model, got ${result.errors.map(formatLocated).join('; ')}`);
  return result.model;
}

/** The error of `errors` at the expected place with every expected substring, if any. */
function matching(errors: Located[], expected: Expectation): Located | undefined {
  return errors.find(
    (error) =>
      error.line === expected.line &&
      error.column === expected.column &&
      expected.message.every((part) => error.message.includes(part)),
  );
}

describe('the bad-input corpus', () => {
  it('has at least 30 files, each listed in expected.json', async () => {
    const files = (await readdir(badDir)).filter((name) => name !== 'expected.json').sort();
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(Object.keys(manifest.files).sort()).toEqual(files);
  });

  describe.each(corpus)('%s', (name, expected) => {
    it('is rejected at its line:column with the expected message', async () => {
      const bytes = await readFile(new URL(name, badDir));
      const result = parseTopologyBytes(bytes, `bad/${name}`);
      expect(result.ok).toBe(false);
      expect('model' in result).toBe(false);
      const errors = errorsOf(result);
      expect(errors.length).toBeGreaterThan(0);
      const found = matching(errors, expected);
      expect(found, `errors were:\n${errors.map(formatLocated).join('\n')}`).toBeDefined();
      for (const error of errors) {
        expect(error.file).toBe(`bad/${name}`);
        expect(error.line).toBeGreaterThanOrEqual(1);
        expect(error.column).toBeGreaterThanOrEqual(1);
        expect(error.message).not.toMatch(/undefined|\[object|NaN/);
      }
    });

    if (expected.at !== undefined) {
      const at = expected.at;
      it(`points at ${JSON.stringify(at)} in the file`, async () => {
        const lines = (await readFile(new URL(name, badDir), 'utf8')).split(/\r?\n/);
        const line = lines[expected.line - 1];
        expect(line).toBeDefined();
        expect(line!.slice(expected.column - 1).startsWith(at)).toBe(true);
      });
    }

    it('is rejected as text too (parseTopology), at the same place', async () => {
      const text = new TextDecoder('utf-8').decode(await readFile(new URL(name, badDir)));
      const errors = errorsOf(parseTopology(text, name));
      expect(errors.some((e) => e.line === expected.line && e.column === expected.column)).toBe(
        true,
      );
    });
  });

  it('reports the same places with Windows line endings', async () => {
    for (const name of [
      'unknown-vm-account.yaml',
      'lb-member-other-zone.yaml',
      'cycle-three.yaml',
    ]) {
      const expected = manifest.files[name]!;
      const text = (await readFile(new URL(name, badDir), 'utf8')).replace(/\n/g, '\r\n');
      expect(matching(errorsOf(parseTopology(text, name)), expected)).toBeDefined();
    }
  });

  it('reports a misspelt field once, not also as a missing required field', async () => {
    const text = await readFile(new URL('unknown-field-capcity.yaml', badDir), 'utf8');
    const errors = errorsOf(parseTopology(text, 'f.yaml'));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('did you mean "capacity"');
  });

  it('does not report references to a VM whose account is unknown', async () => {
    const text = await readFile(new URL('unknown-vm-account.yaml', badDir), 'utf8');
    const errors = errorsOf(parseTopology(text, 'f.yaml'));
    expect(errors.map((e) => e.message)).toEqual([
      'unknown account "shop-mian" (did you mean "shop-main"?)',
    ]);
  });

  it('reports every unknown field of a mapping where it is', async () => {
    const text = await readFile(new URL('unknown-fields-two.yaml', badDir), 'utf8');
    const errors = errorsOf(parseTopology(text, 'f.yaml'));
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [5, 5],
      [6, 5],
    ]);
    expect(errors[1]!.message).toContain('unknown field "colour" in zones[0]');
  });
});

describe('many errors', () => {
  it('a renamed account breaking 20k VMs is reported quickly, every VM located', () => {
    const vms = Array.from(
      {length: 20_000},
      (_, i) => `  - {id: vm-${i}, account: shop-old, zone: KR-CA, capacity: 1}`,
    );
    const text = `version: 1\nzones: [{id: KR-CA}]\naccounts: [{id: shop-new}]\nvms:\n${vms.join('\n')}\n`;
    const started = Date.now();
    const errors = errorsOf(parseTopology(text, 'renamed.yaml'));
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(errors).toHaveLength(20_000);
    expect(errors[0]).toEqual({
      file: 'renamed.yaml',
      line: 5,
      column: 25,
      message: 'unknown account "shop-old" (did you mean "shop-new"?)',
    });
    expect(errors[19_999]!.line).toBe(20_004);
  });
});

describe('deep nesting', () => {
  it('deep block nesting is refused with a location, not a crash', () => {
    const levels = Array.from({length: 3000}, (_, i) => `${' '.repeat(i)}- `).join('\n');
    const errors = errorsOf(parseTopology(`version: 1\nzones:\n${levels}\n`, 'deep.yaml'));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toBe('invalid YAML: nested more than 64 levels deep');
    expect(errors[0]!.line).toBeGreaterThan(2);
  });

  it('deep JSON nesting is reported at the bracket that goes too deep', () => {
    const json = `{"version": 1, "zones": ${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`;
    const errors = errorsOf(parseTopology(json, 'deep.json'));
    // The 65th opening brace: 1 at column 1, then '{"a":' from column 25 on, 5 columns each.
    expect(errors).toEqual([
      {
        file: 'deep.json',
        line: 1,
        column: 25 + 63 * 5,
        message: 'invalid JSON: nested more than 64 levels deep',
      },
    ]);
  });

  it('nesting the parser can handle is left to the schema', () => {
    const errors = errorsOf(parseTopology('version: 1\nzones: [[[[1]]]]\n', 'shallow.yaml'));
    expect(errors[0]!.message).toContain('zones[0]: expected a mapping, got a list');
  });
});

describe('files too large to parse', () => {
  it('refuses bytes over the limit before looking at them', () => {
    const started = Date.now();
    const errors = errorsOf(parseTopologyBytes(new Uint8Array(maxTopologyBytes + 1), 'big.yaml'));
    expect(errors).toEqual([
      {
        file: 'big.yaml',
        line: 1,
        column: 1,
        message: 'file is too large (more than 256 MB): topologies are limited to 256 MB',
      },
    ]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses text over the limit', () => {
    const errors = errorsOf(parseTopology('#'.repeat(maxTopologyBytes + 1), 'big.yaml'));
    expect(errors[0]!.message).toMatch(/^file is too large \(/);
  });
});

describe('the file adapter', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'failsight-load-'));
    await mkdir(join(dir, 'topology.yaml'));
  });
  afterAll(async () => {
    await rm(dir, {recursive: true, force: true});
  });

  // Line 0: about the file as a whole, printed without a position.
  it('reports a directory as FILE, at no line', async () => {
    const file = join(dir, 'topology.yaml');
    const errors = errorsOf(await loadTopologyFile(file));
    expect(errors).toEqual([
      {file, line: 0, column: 0, message: 'is a directory, not a topology file'},
    ]);
    expect(formatLocated(errors[0]!)).toBe(`${file}: is a directory, not a topology file`);
  });

  it('reports a missing file, at no line', async () => {
    const file = join(dir, 'missing.yaml');
    const errors = errorsOf(await loadTopologyFile(file));
    expect(errors).toEqual([{file, line: 0, column: 0, message: 'no such file'}]);
    expect(formatLocated(errors[0]!)).toBe(`${file}: no such file`);
  });

  it('reads a file larger than a read chunk as the bytes it holds', async () => {
    const file = join(dir, 'generated.json');
    await writeFile(file, JSON.stringify(generateTopology({vms: 10_000}), null, 2));
    const bytes = await readFile(file);
    expect(bytes.length).toBeGreaterThan(1 << 20);
    const loaded = await loadTopologyFile(file);
    modelOf(loaded);
    expect(loaded).toEqual(parseTopologyBytes(bytes, file));
  });

  it.skipIf(process.platform === 'win32')(
    'reads a pipe, which has no size, to its end',
    async () => {
      const fifo = join(dir, 'pipe.json');
      execFileSync('mkfifo', [fifo]);
      const text = JSON.stringify(generateTopology({vms: 2000}), null, 2);
      // Far more than the first buffer a sizeless file gets: it must grow, keeping what it read.
      expect(text.length).toBeGreaterThan(4 << 16);
      const [loaded] = await Promise.all([loadTopologyFile(fifo), writeFile(fifo, text)]);
      expect(loaded).toEqual(parseTopology(text, fifo));
    },
  );

  it.skipIf(!existsSync('/dev/zero'))('stops reading an endless device at the limit', async () => {
    const errors = errorsOf(await loadTopologyFile('/dev/zero'));
    expect(errors).toEqual([
      {
        file: '/dev/zero',
        line: 1,
        column: 1,
        message: 'file is too large (more than 256 MB): topologies are limited to 256 MB',
      },
    ]);
  });

  it('reads every corpus file without throwing', async () => {
    for (const [name, expected] of corpus) {
      const result = await loadTopologyFile(fileURLPath(new URL(name, badDir)));
      expect(matching(errorsOf(result), expected), name).toBeDefined();
    }
  });
});

function fileURLPath(url: URL): string {
  return decodeURIComponent(url.pathname);
}

describe('warnings', () => {
  const crossGroup = `version: 1
zones: [{id: KR-CA}]
accounts:
  - {id: shop, group: shop}
  - {id: pay, group: payments}
vms:
  - {id: web-1, account: shop, zone: KR-CA, capacity: 100}
  - {id: pay-1, account: pay, zone: KR-CA, capacity: 100}
services:
  - id: web
    demand: 100
    entry: web-1
    dependsOn: [payments]
  - id: payments
    demand: 100
    entry: pay-1
`;

  it('warns about a dependsOn across groups (no CIP) and still loads', () => {
    const result = parseTopology(crossGroup, 'cross.yaml');
    const model = modelOf(result);
    expect(model.services.map((s) => s.id)).toEqual(['web', 'payments']);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({file: 'cross.yaml', line: 13, column: 16});
    expect(result.warnings[0]!.message).toMatch(/web depends on payments.*public IPs/);
  });

  it('does not warn about a dependsOn inside one group', () => {
    const sameGroup = crossGroup.replace('group: payments', 'group: shop');
    const result = parseTopology(sameGroup, 'same.yaml');
    modelOf(result);
    expect(result.warnings).toEqual([]);
  });

  const tcpCheck = `version: 1
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
    healthCheck:
      type: tcp
    targets: [{ref: lb-ca}, {ref: lb-cb, priority: 2}]
services:
  - {id: web, demand: 100, entry: shop-gslb}
`;

  it('warns about a tcp health check in front of a load balancer, once per LB target', () => {
    const result = parseTopology(tcpCheck, 'tcp.yaml');
    modelOf(result);
    expect(result.warnings.map((w) => [w.line, w.column])).toEqual([
      [13, 13],
      [13, 13],
    ]);
    expect(result.warnings[0]!.message).toMatch(/shop-gslb checks lb-ca with tcp/);
    expect(result.warnings[1]!.message).toMatch(/shop-gslb checks lb-cb with tcp/);
  });

  it('does not warn about a tcp check on VMs or an http check on load balancers', () => {
    const onVms = tcpCheck
      .replace(/loadBalancers:\n( {2}- \{id: lb-c.*\n)+/, '')
      .replace('[{ref: lb-ca}, {ref: lb-cb, priority: 2}]', '[{ref: web-1}, {ref: web-2}]');
    const onVmsResult = parseTopology(onVms, 'vms.yaml');
    modelOf(onVmsResult);
    expect(onVmsResult.warnings).toEqual([]);
    const http = parseTopology(tcpCheck.replace('type: tcp', 'type: http'), 'http.yaml');
    modelOf(http);
    expect(http.warnings).toEqual([]);
  });
});

describe('the fixtures', () => {
  it('are all there', () => {
    expect(fixtureNames).toEqual(
      expect.arrayContaining([
        'demo.yaml',
        'multi-account.yaml',
        'multi-zone.yaml',
        'single-server.yaml',
        'vm-redundancy.yaml',
      ]),
    );
  });

  it.each(fixtureNames)('%s loads with no errors and no warnings', async (name) => {
    const text = await readFile(new URL(name, fixturesDir), 'utf8');
    const result = parseTopology(text, name);
    const model = modelOf(result);
    expect(result.warnings).toEqual([]);
    expect(model.services.length).toBeGreaterThan(0);
  });

  it.each(fixtureNames)('%s loads the same from JSON as from YAML', async (name) => {
    const text = await readFile(new URL(name, fixturesDir), 'utf8');
    const fromYaml = modelOf(parseTopology(text, name));
    const json = JSON.stringify(parseYaml(text), null, 2);
    const fromJson = modelOf(parseTopology(json, name.replace(/\.ya?ml$/, '.json')));
    expect(fromJson.topology).toEqual(fromYaml.topology);
    expect([...fromJson.components.entries()]).toEqual([...fromYaml.components.entries()]);
    expect(fromJson.serviceOrder.map((s) => s.id)).toEqual(fromYaml.serviceOrder.map((s) => s.id));
  });

  it('loads with a UTF-8 byte order mark', async () => {
    const bytes = await readFile(new URL('demo.yaml', fixturesDir));
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    expect(modelOf(parseTopologyBytes(withBom, 'bom.yaml')).name).toBe('shop-prod');
  });

  it('keeps Korean labels intact', async () => {
    const model = modelOf(await loadTopologyFile(fileURLPath(new URL('demo.yaml', fixturesDir))));
    expect(model.zones.map((z) => z.label)).toEqual(['중부 A', '중부 B', '수도권 2']);
  });
});

describe('defaults (docs/topology-format.md)', () => {
  const minimal = `version: 1
zones: [{id: KR-CA}]
accounts: [{id: solo}]
vms:
  - {id: app-1, account: solo, zone: KR-CA, capacity: 100}
  - {id: app-2, account: solo, zone: KR-CA, capacity: 100}
loadBalancers:
  - {id: lb-1, account: solo, zone: KR-CA, members: [app-1]}
gslbs:
  - id: g
    targets: [{ref: lb-1}, {ref: app-2}]
`;

  it('takes a list whose items are all commented out as an empty list', () => {
    const model = modelOf(
      parseTopology(`${minimal}sites:\n#  - {id: idc, capacity: 300}\nservices:\n`, 'x.yaml'),
    );
    expect(model.sites).toEqual([]);
    expect(model.services).toEqual([]);
  });

  it('applies every default', () => {
    const model = modelOf(parseTopology(minimal, 'minimal.yaml'));
    expect(model.unit).toBe('users');
    expect(model.vms.map((vm) => vm.role)).toEqual(['active', 'active']);
    expect(model.loadBalancers[0]).toMatchObject({runsOn: 'zone', members: ['app-1']});
    expect(model.loadBalancers[0]!.limit).toBeUndefined();
    const gslb = model.gslbs[0]!;
    expect(gslb.targets).toEqual([
      {ref: 'lb-1', priority: 1, weight: 1},
      {ref: 'app-2', priority: 1, weight: 1},
    ]);
    expect(gslb.healthCheck).toEqual({type: 'http', intervalS: 10, threshold: 3});
    expect(gslb.ttlS).toBe(30);
    expect(model.accounts[0]).toMatchObject({id: 'solo', group: 'solo', redundantRouter: false});
    expect(model.routers).toEqual([
      expect.objectContaining({id: 'solo/KR-CA', redundant: false, vms: ['app-1', 'app-2']}),
    ]);
    expect(model.topology.sites).toEqual([]);
    expect(model.topology.services).toEqual([]);
    expect(model.sites).toEqual([]);
    expect(model.services).toEqual([]);
    expect(model.availability).toEqual({
      zone: 0.9999,
      site: 0.999,
      account: 0.9999,
      router: 0.9995,
      vm: 0.999,
      lb: 0.9995,
      gslb: 1,
    });
    expect(model.topology.probes).toEqual({
      intervalS: 5,
      timeoutMs: 2000,
      rise: 2,
      fall: 3,
      concurrency: 32,
    });
  });

  it('defaults every list to empty', () => {
    const model = modelOf(parseTopology('version: 1\nzones: [{id: KR-CA}]\n', 'zones.yaml'));
    const {sites, accounts, vms, loadBalancers, gslbs, services} = model.topology;
    expect({sites, accounts, vms, loadBalancers, gslbs, services}).toEqual({
      sites: [],
      accounts: [],
      vms: [],
      loadBalancers: [],
      gslbs: [],
      services: [],
    });
    expect(model.routers).toEqual([]);
    expect(model.services).toEqual([]);
  });

  it('keeps the values that are given', () => {
    const given = minimal
      .replace(
        'accounts: [{id: solo}]',
        'accounts: [{id: solo, group: team, redundantRouter: true}]',
      )
      .replace('capacity: 100}\n  - {id: app-2', 'capacity: 100, role: standby}\n  - {id: app-2')
      .replace('members: [app-1]}', 'members: [app-1], runsOn: router, capacity: 50}')
      .replace('{ref: lb-1}', '{ref: lb-1, priority: 2, weight: 3}');
    const model = modelOf(parseTopology(`${given}unit: sessions\n`, 'given.yaml'));
    expect(model.unit).toBe('sessions');
    expect(model.vms[0]!.role).toBe('standby');
    expect(model.loadBalancers[0]).toMatchObject({runsOn: 'router', limit: 50});
    expect(model.gslbs[0]!.targets[0]).toEqual({ref: 'lb-1', priority: 2, weight: 3});
    expect(model.accounts[0]).toMatchObject({group: 'team', redundantRouter: true});
    expect(model.routers[0]).toMatchObject({redundant: true, loadBalancers: ['lb-1']});
  });
});
