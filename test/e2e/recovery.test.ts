import {execFile} from 'node:child_process';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {hasTmux, Pane, root} from './tmux.js';

let pane: Pane | undefined;

afterEach(() => {
  pane?.close();
  pane = undefined;
});

function run(...args: string[]): Promise<{code: number | null; stdout: string; stderr: string}> {
  const env: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1', LANG: 'C.UTF-8'};
  for (const name of ['FORCE_COLOR', 'LC_ALL', 'LC_CTYPE', 'LC_MESSAGES']) delete env[name];
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [join(root, 'dist', 'cli.js'), ...args],
      {cwd: root, env},
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : null) : 0,
          stdout,
          stderr,
        }),
    );
    child.stdin?.end();
  });
}

describe('a runbook from the shell: impact --failover and --plan', () => {
  it('applies the failover after the failure, as o does, and says what each service serves', async () => {
    const result = await run(
      'impact',
      'fixtures/demo.yaml',
      '--fail',
      'zone:KR-CA',
      '--failover',
      'db-2',
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('  failover db-2: promoted db-2');
    // Before is no failure; after is KR-CA down with db-2 promoted: lb-cb carries shop-web.
    expect(result.stdout).toMatch(/shop-web +1000 +1000 +500 +DEGRADED/);
    // shop-db is back where it was: folded into the count, as impact does, and listed with --all.
    expect(result.stdout).not.toMatch(/shop-db +1000/);
    expect(result.stdout).toContain('2 other services unchanged (--all lists them)');
    expect(result.code).toBe(0);
    const all = await run(
      'impact',
      'fixtures/demo.yaml',
      '--fail',
      'zone:KR-CA',
      '--failover',
      'db-2',
      '--all',
    );
    expect(all.stdout).toMatch(/shop-db +1000 +1000 +1000 +OK/);
    expect(all.stdout).toMatch(/shop-web +1000 +1000 +500 +DEGRADED/);
  });

  it('--plan ranks the failovers by what they restore, in text and JSON', async () => {
    const text = await run('impact', 'fixtures/demo.yaml', '--fail', 'KR-CA', '--plan');
    expect(text.stdout).toContain('  1. promote db-2 → shop-web 500, shop-db 1000');
    // Without the promotion shop-web and shop-db are DOWN: the gate fails.
    expect(text.code).toBe(1);
    const json = await run('impact', 'fixtures/demo.yaml', '--fail', 'KR-CA', '--plan', '--json');
    const parsed = JSON.parse(json.stdout) as {
      plan: {id: string; text: string; restores: number}[];
    };
    expect(parsed.plan[0]).toMatchObject({id: 'db-2', restores: 1500});
  });

  it('--plan says which services a failover would make SLOW, in text and JSON', async () => {
    const args = ['impact', 'fixtures/compound-failover.yaml', '--fail', 'KR-CA', '--plan'];
    const text = await run(...args);
    expect(text.stdout).toContain(
      '  1. promote db-2 → shop-db 1000, shop-web 600 · puts shop-web over a latency budget (SLOW)',
    );
    const json = JSON.parse((await run(...args, '--json')).stdout) as {
      plan: {id: string; slows: string[]}[];
    };
    expect(json.plan).toMatchObject([{id: 'db-2', slows: ['shop-web']}]);
    const demo = await run('impact', 'fixtures/demo.yaml', '--fail', 'KR-CA', '--plan', '--json');
    expect((JSON.parse(demo.stdout) as {plan: {slows: string[]}[]}).plan[0]?.slows).toEqual([]);
  });

  it('a failover the core refuses stops the run with exit 2 and the reason', async () => {
    const result = await run(
      'impact',
      'fixtures/demo.yaml',
      '--fail',
      'KR-CA',
      '--failover',
      'db-2',
      '--failover',
      'shop-gslb',
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      '--failover shop-gslb: shop-gslb already sends its traffic to lb-cb, the healthy target that serves most',
    );
  });
});

describe.skipIf(!hasTmux && !process.env['CI'])('recovery on the dashboard (tmux)', () => {
  it('fail KR-CA, p plans, Enter promotes db-2, o on shop-gslb keeps lb-cb, R leaves a clean screen', async () => {
    pane = Pane.open(['fixtures/demo.yaml'], {columns: 80, rows: 24});
    await pane.waitForText('Topology · by zone');
    pane.keys('x');
    const failed = await pane.waitForText('simulated failure of zone KR-CA');
    expect(failed).toContain('2 DOWN · 0 DEGRADED · 1 OK');
    expect(failed).toContain('moves traffic in');

    pane.keys('p');
    const plan = await pane.waitForText('┏ Failover plan');
    expect(plan).toContain('promote db-2 → shop-web 500, shop-db');
    pane.keys('Enter');
    const promoted = await pane.waitForText('failover: promote db-2; now shop-web 500');
    expect(promoted).toContain('0 DOWN · 1 DEGRADED · 2 OK');

    pane.keys('Escape');
    await pane.waitForText('┌ Impact');
    pane.keys('3');
    await pane.waitForText('Topology · by service');
    pane.keys('j');
    await pane.waitForText('Impact · GSLB shop-gslb');
    pane.keys('o');
    const kept = await pane.waitForText('already sends its traffic to lb-cb');
    // The tree marks the target traffic goes to.
    expect(kept).toMatch(/lb-cb +500 +active/);
    expect(kept).toContain('0 DOWN · 1 DEGRADED · 2 OK');

    pane.keys('R');
    const clean = await pane.waitForText('restored every simulated failure and failover');
    expect(clean).toContain('0 DOWN · 0 DEGRADED · 3 OK');
    expect(clean).not.toContain('moves traffic in');
    expect(clean).not.toContain('detected it');
    expect(clean).not.toContain('no healthy target left');
    pane.keys('q');
    await pane.waitForText('EXIT=0');
  }, 60_000);

  it('the same path in Korean at 80×24: every panel agrees with the header', async () => {
    pane = Pane.open(['fixtures/demo.yaml', '--lang', 'ko'], {columns: 80, rows: 24});
    await pane.waitForText('토폴로지');
    pane.keys('x');
    const failed = await pane.waitForText('중단 2 · 저하 0 · 정상 1');
    expect(failed).toContain('약 60초 뒤 트래픽 전환');
    pane.keys('p');
    const plan = await pane.waitForText('┏ 페일오버 계획');
    expect(plan).toContain('db-2 승격 → shop-web 500, shop-db');
    pane.keys('Enter');
    const promoted = await pane.waitForText('페일오버: db-2 승격; 현재 shop-web 500');
    expect(promoted).toContain('중단 0 · 저하 1 · 정상 2');
    pane.keys('Escape');
    await pane.waitForText('┌ 영향');
    pane.keys('R');
    const clean = await pane.waitForText('중단 0 · 저하 0 · 정상 3');
    expect(clean).not.toContain('트래픽 전환:');
    expect(clean).not.toContain('남은 정상 대상 없음');
    pane.keys('q');
    await pane.waitForText('EXIT=0');
  }, 60_000);
});
