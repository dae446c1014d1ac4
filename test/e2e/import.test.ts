import {spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {FakeCloud} from '../adapters/cloudstack/fake-cloud.js';
import {hasTmux, Pane, root} from './tmux.js';
import {recordCapture, registerInvocation} from '../support/secret-scan.js';

const secret = 'fake-secret-Zx9/+*';
let cloud: FakeCloud | undefined;
let pane: Pane | undefined;
/** All the binary printed, to every stream and file: scanned for the secret at the end. */
const seen: string[] = [];

afterEach(async () => {
  if (pane) seen.push(pane.screen());
  pane?.close();
  pane = undefined;
  await cloud?.close();
  cloud = undefined;
});

/** The real binary, asynchronously: the fake cloud answers from this same process meanwhile. */
function run(
  args: string[],
  env: Record<string, string>,
): Promise<{code: number; stdout: string; stderr: string}> {
  registerInvocation(args, env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/cli.js', ...args], {
      cwd: root,
      env: {...process.env, ...env, NO_COLOR: '1'},
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.on('error', reject);
    child.on('close', (code) => {
      seen.push(stdout, stderr);
      recordCapture('stdout', stdout);
      recordCapture('stderr', stderr);
      resolve({code: code ?? -1, stdout, stderr});
    });
  });
}

const envFor = (fake: FakeCloud, overrides: Record<string, string> = {}) => ({
  CLOUDSTACK_ENDPOINT: fake.endpoint,
  CLOUDSTACK_KEY: fake.apiKey,
  CLOUDSTACK_SECRET: secret,
  ...overrides,
});

describe('failsight import cloudstack, as a new user would', () => {
  it('imports, checks, and re-imports with --merge keeping a hand-edited demand', async () => {
    cloud = await FakeCloud.start();
    const dir = mkdtempSync(join(tmpdir(), 'failsight-e2e-import-'));
    const file = join(dir, 'cloud.yaml');
    const imported = await run(['import', 'cloudstack', '--out', file], envFor(cloud));
    expect(imported.stderr).toContain(`into ${file}`);
    expect(imported.code).toBe(0);
    expect(cloud.allSigned()).toBe(true);

    const check = await run(['check', file], {});
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('web-ca-service  vm-redundancy  4/4 vCPU served  OK');
    expect(check.stdout).toContain('single points of failure: KR-CA, shop, shop/KR-CA, web-ca');

    writeFileSync(file, readFileSync(file, 'utf8').replace('demand: 8\n', 'demand: 6\n'));
    cloud.state.vms.pop();
    const merged = await run(['import', 'cloudstack', '--merge', file], envFor(cloud));
    expect(merged.code).toBe(0);
    expect(merged.stderr).toContain('removed 1 (batch-1)');
    expect(readFileSync(file, 'utf8')).toContain('demand: 6\n');
    seen.push(readFileSync(file, 'utf8'));
    expect((await run(['check', file, '--json'], {})).code).toBe(1);
  });

  it('says plainly that the secret is wrong, without printing it, and writes nothing', async () => {
    cloud = await FakeCloud.start();
    const dir = mkdtempSync(join(tmpdir(), 'failsight-e2e-import-'));
    const result = await run(
      ['import', 'cloudstack', '--out', join(dir, 'cloud.yaml')],
      envFor(cloud, {CLOUDSTACK_SECRET: 'wrong-secret-e2e'}),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `failsight: import cloudstack: listZones: the API refused the key or secret (401: unable to verify user credentials and/or request signature); check CLOUDSTACK_KEY and CLOUDSTACK_SECRET\n`,
    );
    expect(result.stdout).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('never takes a key from the command line', async () => {
    const result = await run(['import', 'cloudstack', '--secret=hunter2-argv'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--secret is not accepted: keys are read from CLOUDSTACK_KEY');
    expect(result.stderr).not.toContain('hunter2-argv');
  });

  it.skipIf(!hasTmux && !process.env['CI'])(
    'shows a VM stopped in the cloud as down on the dashboard at the next poll',
    async () => {
      cloud = await FakeCloud.start();
      const fake = cloud;
      const dir = mkdtempSync(join(tmpdir(), 'failsight-e2e-live-'));
      const file = join(dir, 'cloud.yaml');
      const audit = join(dir, 'audit.jsonl');
      expect((await run(['import', 'cloudstack', '--out', file], envFor(fake))).code).toBe(0);
      pane = Pane.open([file, '--cloudstack', '--interval', '2s', '--audit', audit], {
        env: envFor(fake),
      });
      // The cloud source watches the zones, VMs and routers it lists (not the LBs): 9 up.
      await pane.waitForText('live ● 9 up');
      const polls = () => fake.requests.filter((r) => r.command === 'listZones').length;

      fake.vm('web-1')['state'] = 'Stopped';
      const before = polls();
      const down = await pane.waitForText('✖ 1 down');
      // The first poll after the change showed it (one more may have started since).
      expect(polls() - before).toBeLessThanOrEqual(2);
      expect(down).toMatch(/web-1 .*live/);

      // A poll that fails is shown, and the VM stays down.
      fake.injected.push({status: 503});
      const failing = await pane.waitForText('503');
      expect(failing).toContain('✖ 1 down');

      fake.injected.length = 0;
      fake.vm('web-1')['state'] = 'Running';
      await pane.waitForText('live ● 9 up');
      pane.keys('x');
      await pane.waitForText('simulated failure');
      pane.keys('q');
      await pane.waitForText('EXIT=0');
      seen.push(readFileSync(audit, 'utf8'));
      expect(fake.allSigned()).toBe(true);
    },
  );

  it.skipIf(!hasTmux && !process.env['CI'])(
    'opens the dashboard on an import held in memory when --cloudstack has no FILE',
    async () => {
      cloud = await FakeCloud.start();
      cloud.vm('batch-1')['state'] = 'Error';
      pane = Pane.open(['--cloudstack', '--zone', 'KR-CB'], {env: envFor(cloud), columns: 160});
      const screen = await pane.waitForText('✖ 1 down');
      expect(screen).toContain(' failsight  127.0.0.1 ');
      expect(screen).toMatch(/✖ batch-1 .*live/);
      expect(screen).not.toContain('KR-CA');
      pane.keys('q');
      await pane.waitForText('EXIT=0');
    },
  );

  it('printed neither the key nor the secret anywhere: output, screen, files or journal', () => {
    expect(seen.length).toBeGreaterThan(5);
    const all = seen.join('\n');
    for (const text of [
      secret,
      encodeURIComponent(secret),
      'fake-api-key-Qw7',
      'wrong-secret-e2e',
      'hunter2-argv',
    ])
      expect(all).not.toContain(text);
  });
});
