import {mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {parse} from 'yaml';
import {afterEach, describe, expect, it} from 'vitest';
import {FakeCloud} from '../adapters/cloudstack/fake-cloud.js';
import {expectNoStackTrace, runWith} from './run.js';

let cloud: FakeCloud | undefined;

afterEach(async () => {
  await cloud?.close();
  cloud = undefined;
});

const run = (args: string[], env: Record<string, string> = {}) => runWith(args, env);

const envFor = (fake: FakeCloud) => ({
  CLOUDSTACK_ENDPOINT: fake.endpoint,
  CLOUDSTACK_KEY: fake.apiKey,
  CLOUDSTACK_SECRET: 'fake-secret-Zx9/+*',
});

/** An import of the fake cloud, as a file the test then edits by hand. */
async function imported(): Promise<{file: string; dir: string; fake: FakeCloud}> {
  const fake = (cloud = await FakeCloud.start());
  const dir = mkdtempSync(join(tmpdir(), 'failsight-e2e-anchors-'));
  const file = join(dir, 'cloud.yaml');
  const result = await run(['import', 'cloudstack', '--out', file], envFor(fake));
  expect(result.code).toBe(0);
  return {file, dir, fake};
}

/** Replaces `from` (which must occur once) in the file. */
function edit(file: string, from: string | RegExp, to: string) {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  expect(next, `${String(from)} in\n${text}`).not.toBe(text);
  writeFileSync(file, next);
}

describe('--merge into a file whose anchors sit on what the cloud no longer has', () => {
  it('an anchor on a gone VM moves to the first alias that remains; later aliases follow it', async () => {
    const {file, dir, fake} = await imported();
    // batch-1's capacity is anchored; web-3, web-4 and a service's demand refer to it.
    edit(file, /(id: batch-1\n(?: {4}.*\n)*? {4}capacity:) 8/, '$1 &cpu 8');
    edit(file, /(id: web-3\n(?: {4}.*\n)*? {4}capacity:) 4/, '$1 *cpu');
    edit(file, /(id: web-4\n(?: {4}.*\n)*? {4}capacity:) 4/, '$1 *cpu');
    edit(file, /(id: web-cb-service\n {4}demand:) 8/, '$1 *cpu');
    const before = await run(['check', file, '--json']);
    expect(before.code, before.stderr).toBe(1);
    fake.state.vms.pop(); // batch-1 leaves the cloud.
    const merged = await run(['import', 'cloudstack', '--merge', file], envFor(fake));
    expect(expectNoStackTrace(merged.stderr)).toBe(true);
    expect(merged.stderr).toContain('removed 1 (batch-1)');
    expect(merged.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('batch-1');
    // The anchored 8 now sits where the first alias was; the others still refer to it.
    expect(text).toMatch(/id: web-3\n(?: {4}.*\n)*? {4}capacity: &cpu 8\n/);
    expect(text).toMatch(/id: web-4\n(?: {4}.*\n)*? {4}capacity: \*cpu\n/);
    const data = parse(text) as {
      vms: Array<{id: string; capacity: number}>;
      services: Array<{id: string; demand: number}>;
    };
    expect(data.vms.map((vm) => [vm.id, vm.capacity])).toEqual([
      ['web-1', 2],
      ['web-2', 2],
      ['web-3', 8],
      ['web-4', 8],
    ]);
    expect(data.services.find((s) => s.id === 'web-cb-service')?.demand).toBe(8);
    expect(readdirSync(dir)).toEqual(['cloud.yaml']);
    const check = await run(['check', file, '--json']);
    expect(check.code, check.stderr).toBe(1);
  });

  it('an anchor on a gone VM whose only alias is in a later section: the value moves there', async () => {
    const {file, dir, fake} = await imported();
    edit(file, /(id: batch-1\n {4}account:) shop\n/, '$1 &owner shop\n');
    // A failure group, written by hand after the services, is labelled through the alias.
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8')}failureGroups:\n  - id: rack-7\n    label: *owner\n    members: [web-1, web-3]\n`,
    );
    expect((await run(['check', file])).code).toBe(1);
    fake.state.vms.pop();
    const merged = await run(['import', 'cloudstack', '--merge', file], envFor(fake));
    expect(expectNoStackTrace(merged.stderr)).toBe(true);
    expect(merged.code, merged.stderr).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/id: rack-7\n {4}label: &owner shop\n/);
    expect(readdirSync(dir)).toEqual(['cloud.yaml']);
    expect((await run(['check', file])).code).toBe(1);
  });

  it('a probe address anchored on a gone VM is written out where it is used', async () => {
    const {file, fake} = await imported();
    // A field the cloud does not own, anchored on batch-1 and used by web-4.
    edit(
      file,
      /(id: batch-1\n(?: {4}.*\n)*? {4}capacity: 8\n)/,
      '$1    probe: &probe "tcp://127.0.0.1:9"\n',
    );
    edit(file, /(id: web-4\n(?: {4}.*\n)*? {4}capacity: 4\n)/, '$1    probe: *probe\n');
    expect((await run(['check', file])).code).toBe(1);
    fake.state.vms.pop();
    const merged = await run(['import', 'cloudstack', '--merge', file], envFor(fake));
    expect(expectNoStackTrace(merged.stderr)).toBe(true);
    expect(merged.code, merged.stderr).toBe(0);
    const data = parse(readFileSync(file, 'utf8')) as {vms: Array<{id: string; probe?: string}>};
    expect(data.vms.find((vm) => vm.id === 'web-4')?.probe).toBe('tcp://127.0.0.1:9');
  });
});
