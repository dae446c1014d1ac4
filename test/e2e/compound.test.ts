import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {run} from './run.js';
import {hasTmux, Pane, root} from './tmux.js';

/**
 * fixtures/compound.yaml as a new user tries it (its figures are derived by hand in
 * test/core/compound.test.ts): check --order 2, impact of a zone, the dashboard, and a diff that
 * moves the database to the other zone.
 */

let dir = '';
const fixture = 'fixtures/compound.yaml';
let text = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'failsight-compound-'));
  text = await readFile(join(root, fixture), 'utf8');
});
afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

const feed =
  'failureGroups:\n  - {id: feed-a, label: power feed A, members: [KR-CA, idc-guro], availability: 0.9995}\n';

async function variant(name: string, change: (yaml: string) => string): Promise<string> {
  const changed = change(text);
  expect(changed).not.toBe(text);
  const path = join(dir, name);
  await writeFile(path, changed);
  return path;
}

interface Finding {
  kind: string;
  service: string;
  component: string;
  componentKind: string;
  text: string;
  after?: number;
  budget?: number;
}

describe('the compound fixture from the shell', () => {
  it('check --order 2 names the group that kills shop-web alone and the pairs that do, exit 1', async () => {
    const result = await run('check', fixture, '--order', '2');
    expect(result.code).toBe(1);
    const web = result.stdout.slice(result.stdout.indexOf('\nshop-web '));
    expect(web).toContain('single points of failure: feed-a');
    // lb-web's zone with the IDC behind it: the pair that leaves shop-web nothing.
    expect(web).toContain('{KR-CA, idc-guro}');
    expect(web).toContain('cuts of 2 failures: 27 (');
    expect(result.stdout).toContain('3 with a cut of 2 failures');
  });

  it('impact --fail KR-CA: shop-web in the IDC calls shop-db in KR-CB, 5 ms over a 3 ms budget: SLOW', async () => {
    const result = await run('impact', fixture, '--fail', 'KR-CA');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('services after: 0 DOWN · 2 DEGRADED · 1 OK · 1 SLOW');
    expect(result.stdout).toMatch(/shop-web +1000 +1000 +600 +DEGRADED SLOW/);
    expect(result.stdout).toContain(
      'shop-web → shop-db now idc-guro → KR-CB: +5 ms (5 ms), budget 3 ms  SLOW',
    );
  });

  it('diff of moving the database to KR-CB reports latencyOverBudget, in text and JSON', async () => {
    const moved = await variant('moved.yaml', (yaml) =>
      yaml
        .replace(
          '{id: db-1, account: shop-main, zone: KR-CA,',
          '{id: db-1, account: shop-sub, zone: KR-CB,',
        )
        .replace(
          '{id: lb-db-ca, account: shop-main, zone: KR-CA,',
          '{id: lb-db-ca, account: shop-sub, zone: KR-CB,',
        ),
    );
    const plain = await run('diff', fixture, moved);
    expect(plain.code).toBe(1);
    // shop-web stays in KR-CA and shop-db now answers from KR-CB: 4 ms, over 3 ms, nothing failed.
    expect(plain.stdout).toContain('worse   shop-web → shop-db takes 4 ms, over its 3 ms budget');
    const json = await run('diff', fixture, moved, '--format', 'json');
    const findings = (JSON.parse(json.stdout) as {findings: Finding[]}).findings;
    expect(findings).toContainEqual(
      expect.objectContaining({
        kind: 'latencyOverBudget',
        service: 'shop-web',
        component: 'shop-db',
        after: 4,
        budget: 3,
      }),
    );
  });

  it('diff names a failure group a group, in text and JSON', async () => {
    const withoutFeed = await variant('no-feed.yaml', (yaml) => yaml.replace(feed, ''));
    const plain = await run('diff', withoutFeed, fixture);
    expect(plain.stdout).toContain('shop-web now dies with failure group feed-a');
    expect(plain.stdout).toContain('+ group feed-a');
    const json = await run('diff', withoutFeed, fixture, '--format', 'json');
    const findings = (JSON.parse(json.stdout) as {findings: Finding[]}).findings;
    expect(findings).toContainEqual(
      expect.objectContaining({
        kind: 'spofGained',
        service: 'shop-web',
        component: 'feed-a',
        componentKind: 'group',
      }),
    );
  });
});

let pane: Pane | undefined;
afterEach(() => {
  pane?.close();
  pane = undefined;
});

describe.skipIf(!hasTmux && !process.env['CI'])(
  'the compound fixture on the dashboard (tmux)',
  () => {
    for (const [columns, rows] of [
      [80, 24],
      [100, 30],
    ] as const)
      it(`${columns}×${rows}: x on the zone marks shop-web SLOW; x on the group takes it DOWN; r restores`, async () => {
        pane = Pane.open([fixture], {columns, rows});
        await pane.waitForText('Impact · zone KR-CA');
        pane.keys('x');
        const zone = await pane.waitForText('simulated failure of zone KR-CA');
        expect(zone.split('\n')[0]).toContain('1 SLOW');
        // shop-web (its name cut at 80 columns) serves the IDC's 600 now, 1000 if KR-CA came back.
        expect(zone).toMatch(/1000 +600 +1000 DEGRADED SLOW/);
        // The group's row: one of its members down, the other up.
        expect(zone).toMatch(/◐ +feed-a/);
        // The panel wraps at these widths: its lines joined, the move is said whole.
        const joined = zone
          .split('\n')
          .map((line) => /│([^│]*)│\s*$/.exec(line)?.[1]?.trim() ?? '')
          .join(' ')
          .replaceAll('\u00a0', ' ');
        expect(joined).toContain(
          'shop-web → shop-db now idc-guro → KR-CB: +5 ms (5 ms), budget 3 ms SLOW',
        );
        expect(joined).toMatch(/600 after ✓ rto 2 m/);
        pane.keys('r');
        await pane.waitFor((s) => !s.split('\n')[0]!.includes('SLOW'), 'no SLOW once restored');
        pane.keys('G');
        await pane.waitForText('Impact · group feed-a');
        pane.keys('x');
        const group = await pane.waitForText('simulated failure of group feed-a');
        expect(group).toMatch(/1000 +0 +1000 DOWN/);
        expect(group).toMatch(/⚡ idc-guro/);
        pane.keys('r');
        const back = await pane.waitForText('restored group feed-a');
        expect(back.split('\n')[0]).toContain('0 DOWN');
        pane.keys('q');
        expect((await pane.exited()).status).toBe(0);
      });
  },
);
