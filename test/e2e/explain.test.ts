import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {run} from './run.js';

/**
 * `failsight explain` through the built binary. The demo's zone KR-CA holds the routers
 * shop-main/KR-CA (web-1, db-1) and shop-sub/KR-CA (web-2) and the zone LB lb-ca: with
 * those seven observed down and the rest up, only the zone explains all of them.
 */
const demo = 'fixtures/demo.yaml';
const kraDown = ['KR-CA', 'shop-main/KR-CA', 'shop-sub/KR-CA', 'web-1', 'web-2', 'db-1', 'lb-ca'];
const restUp = [
  'KR-CB',
  'KR-M2',
  'idc-guro',
  'shop-main',
  'shop-sub',
  'shop-dr',
  'shop-main/KR-CB',
  'shop-sub/KR-CB',
  'shop-dr/KR-M2',
  'web-3',
  'web-4',
  'db-2',
  'admin-1',
  'lb-cb',
];
const flags = (flag: string, ids: string[]) => ids.flatMap((id) => [flag, id]);

describe('explain', () => {
  it('a zone observed down with all else up: the zone, exit 0', async () => {
    const result = await run(
      'explain',
      demo,
      ...flags('--down', kraDown),
      ...flags('--up', restUp),
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('observed: 7 down · 14 up · 0 unknown');
    expect(result.stdout).toContain('likely cause: zone KR-CA — explains all 7 observed down');
    expect(result.stdout).not.toContain('not explained');
  });

  it('--json is one document with the ranked explanations', async () => {
    const result = await run(
      'explain',
      demo,
      '--json',
      ...flags('--down', kraDown),
      '--up',
      restUp.join(','),
    );
    expect(result.code, result.stderr).toBe(0);
    const document = JSON.parse(result.stdout) as {
      observed: {down: number; up: number; unknown: number};
      explanations: {failed: string[]; explains: number; unexplained: string[]}[];
      unexplainable: string[];
      exact: boolean;
    };
    expect(document.observed).toEqual({down: 7, up: 14, unknown: 0});
    expect(document.explanations).toHaveLength(1);
    expect(document.explanations[0]).toMatchObject({
      failed: ['KR-CA'],
      explains: 7,
      unexplained: [],
    });
    expect(document).toMatchObject({unexplainable: [], exact: true});
  });

  it('a router observed down while a VM behind it is up cannot be explained: exit 1', async () => {
    // shop-main/KR-CA would take web-1 (up), and so would KR-CA and shop-main.
    const result = await run('explain', demo, '--down', 'router:shop-main/KR-CA', '--up', 'web-1');
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain('no failure explains what is observed down');
    expect(result.stdout).toContain(
      'not explained by any failure that spares what is observed up: shop-main/KR-CA',
    );
  });

  it('unknown is no evidence: with web-3 unknown instead of up, account shop-main is as small as the zone', async () => {
    // web-1 and db-1 down: shop-main/KR-CA, KR-CA and shop-main each explain both; the router
    // (odds 0.0005) ranks before the zone and the account (0.0001 each, "KR-CA" < "shop-main").
    const result = await run(
      'explain',
      demo,
      '--down',
      'web-1,db-1',
      '--unknown',
      'web-3',
      '--json',
    );
    expect(result.code, result.stderr).toBe(0);
    const document = JSON.parse(result.stdout) as {explanations: {failed: string[]}[]};
    expect(document.explanations.map((e) => e.failed)).toEqual([
      ['shop-main/KR-CA'],
      ['KR-CA'],
      ['shop-main'],
    ]);
  });

  it('an unknown name is exit 2 with the nearest id; with --json still one document', async () => {
    const result = await run('explain', demo, '--down', 'web-9');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      '--down web-9: unknown component "web-9" (did you mean "web-1"?)',
    );
    const json = await run(
      'explain',
      demo,
      '--down',
      'KR-CA',
      '--up',
      'zone:KR-CB',
      '--up',
      'lb-xx',
      '--json',
    );
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({
      errors: [{message: expect.stringContaining('lb-xx')}],
    });
  });

  it('the same component both down and up, or no --down at all, is exit 2', async () => {
    const both = await run('explain', demo, '--down', 'KR-CA', '--up', 'zone:KR-CA');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('zone:KR-CA is given as both --down and --up');
    const none = await run('explain', demo, '--up', 'web-1');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('explain needs what is observed down');
  });

  it('--down belongs to explain, and the usage documents it', async () => {
    const wrong = await run('check', demo, '--down', 'web-1');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--down, --up and --unknown go with explain');
    const help = await run('explain', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('failsight explain [FILE] --down C');
  });
});

describe('explain on a topology written at test time', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'failsight-explain-'));
  });
  afterAll(async () => {
    await rm(dir, {recursive: true, force: true});
  });

  it('three VMs of one account and zone down, their sibling up: the three VMs, not the router', async () => {
    const file = join(dir, 'siblings.yaml');
    await writeFile(
      file,
      [
        'version: 1',
        'name: siblings',
        'zones: [{id: KR-CA}]',
        'accounts: [{id: acct}]',
        'vms:',
        ...[1, 2, 3, 4].map((n) => `  - {id: v${n}, account: acct, zone: KR-CA, capacity: 100}`),
        '',
      ].join('\n'),
    );
    // v4 up: the router acct/KR-CA, the zone and the account would each take it down too.
    const result = await run('explain', file, '--down', 'v1,v2,v3', '--up', 'v4');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      'likely cause: vm v1 + vm v2 + vm v3 — explains all 3 observed down',
    );
    expect(result.stdout).toContain('no single failure explains it all');
    expect(result.stdout).toContain('  vm v1 — explains 1 of 3; leaves v2, v3');
    expect(result.stdout).not.toContain('router');
  });
});
