import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {run} from './run.js';
import {hasTmux, Pane, root} from './tmux.js';

/**
 * fixtures/compound-failover.yaml as a user tries it (its figures are derived by hand in
 * test/core/compound-failover.test.ts): a zone failure that only the operator's failover
 * recovers, and that failover sending the web tier's database calls across zones.
 */

const fixture = 'fixtures/compound-failover.yaml';
const crossing = 'shop-web → shop-db now idc-guro → KR-CB: +5 ms (5 ms), budget 3 ms';

interface ImpactJson {
  services: {id: string; after: number; status: string}[];
  slow: string[];
  latency: {
    service: string;
    dependency: string;
    from: Record<string, number>;
    to: Record<string, number>;
    ms: number | null;
    msBefore: number | null;
    budgetMs?: number;
    slow: boolean;
  }[];
  failovers: {id: string; what: string}[];
}

describe('the failover fixture from the shell', () => {
  it('impact --fail KR-CA: shop-db has no healthy target, both services DOWN, no round trip told', async () => {
    const result = await run('impact', fixture, '--fail', 'KR-CA');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('services after: 2 DOWN · 0 DEGRADED · 0 OK');
    expect(result.stdout).toContain('GSLB db-gslb notices after ~30 s, but has no healthy target');
    expect(result.stdout).not.toContain('shop-web → shop-db');
    expect(result.stdout).not.toContain('SLOW');
  });

  for (const id of ['shop-db', 'db-gslb'])
    it(`impact --fail KR-CA --failover ${id}: db-2 promoted, the dependency crosses to KR-CB, shop-web SLOW`, async () => {
      const result = await run('impact', fixture, '--fail', 'KR-CA', '--failover', id);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`failover ${id}: promoted db-2`);
      // shop-db 1000 (db-2) OK; shop-web the IDC's 600 ≥ 500: DEGRADED, 5 ms over 3: SLOW.
      expect(result.stdout).toContain('services after: 0 DOWN · 1 DEGRADED · 1 OK · 1 SLOW');
      expect(result.stdout).toMatch(/shop-web +1000 +1000 +600 +DEGRADED SLOW/);
      expect(result.stdout).toContain(`${crossing}  SLOW`);
    });

  it('--json says the same: the failover, the crossing with its places and budget, and SLOW', async () => {
    const result = await run(
      'impact',
      fixture,
      '--fail',
      'KR-CA',
      '--failover',
      'shop-db',
      '--json',
    );
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as ImpactJson;
    expect(json.failovers).toEqual([{id: 'shop-db', what: 'promoted db-2'}]);
    expect(json.slow).toEqual(['shop-web']);
    expect(json.latency).toEqual([
      {
        service: 'shop-web',
        dependency: 'shop-db',
        from: {'idc-guro': 1},
        to: {'KR-CB': 1},
        ms: 5,
        msBefore: 0,
        budgetMs: 3,
        slow: true,
      },
    ]);
    expect(json.services.find((s) => s.id === 'shop-web')).toMatchObject({
      after: 600,
      status: 'DEGRADED',
    });
  });

  it('the examples page and the fixtures page show what the binary prints, as written', async () => {
    const command =
      'failsight impact fixtures/compound-failover.yaml --fail KR-CA --failover shop-db';
    const result = await run('impact', fixture, '--fail', 'KR-CA', '--failover', 'shop-db');
    for (const page of [join('docs', 'examples.md'), join('fixtures', 'README.md')]) {
      const text = await readFile(join(root, page), 'utf8');
      const start = text.indexOf(`$ ${command}\n`);
      expect(start, page).toBeGreaterThan(-1);
      const block = text.slice(start, text.indexOf('```', start)).split('\n').slice(1, -1);
      // The examples page gives the whole output; the fixtures page elides with "...".
      if (page === join('docs', 'examples.md')) expect(block.join('\n') + '\n').toBe(result.stdout);
      else
        for (const line of block.filter((l) => l !== '...'))
          expect(result.stdout.split('\n'), page).toContain(line);
    }
  });

  it('compound.yaml has nothing to fail over after KR-CA: its GSLBs move traffic themselves', async () => {
    const result = await run(
      'impact',
      'fixtures/compound.yaml',
      '--fail',
      'KR-CA',
      '--failover',
      'db-gslb',
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('db-gslb already sends its traffic to lb-db-cb');
  });
});

let pane: Pane | undefined;
afterEach(() => {
  pane?.close();
  pane = undefined;
});

/** The impact panel's lines joined, so a line it wraps reads whole. */
function panelText(screen: string): string {
  return screen
    .split('\n')
    .map((line) => /│([^│]*)│\s*$/.exec(line)?.[1]?.trim() ?? '')
    .join(' ')
    .replaceAll('\u00a0', ' ');
}

describe.skipIf(!hasTmux && !process.env['CI'])(
  'the failover fixture on the dashboard (tmux)',
  () => {
    for (const [columns, rows] of [
      [80, 24],
      [100, 30],
    ] as const)
      it(`${columns}×${rows}: x on KR-CA, o on shop-db: SLOW, and the zone's panel tells the crossing as impact does`, async () => {
        pane = Pane.open([fixture], {columns, rows});
        await pane.waitForText('Impact · zone KR-CA');
        pane.keys('x');
        const failed = await pane.waitForText('simulated failure of zone KR-CA');
        expect(failed.split('\n')[0]).toContain('2 DOWN');
        // shop-db is down: no round trip to tell, as impact says none.
        expect(panelText(failed)).not.toContain('shop-web → shop-db');
        pane.keys('3');
        await pane.waitForText('Impact · service shop-db');
        pane.keys('o');
        const promoted = await pane.waitForText('promote db-2');
        expect(promoted.split('\n')[0]).toContain('0 DOWN · 1 DEGRADED · 1 OK');
        expect(promoted.split('\n')[0]).toContain('1 SLOW');
        expect(promoted).toMatch(/600 +DEGRADED SLOW/);
        // Back on the zone: what its failure did, now that db-2 serves from KR-CB.
        pane.keys('1', 'g');
        const zone = await pane.waitFor(
          (s) => s.includes('Impact · zone KR-CA') && panelText(s).includes(crossing),
          'the crossing in the zone panel',
        );
        expect(panelText(zone)).toContain(`${crossing} SLOW`);
        pane.keys('q');
        expect((await pane.exited()).status).toBe(0);
      });
  },
);
