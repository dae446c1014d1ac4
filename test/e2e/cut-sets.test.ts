import {describe, expect, it} from 'vitest';
import {expectNoStackTrace, run} from './run.js';

interface CheckJson {
  services: Array<{id: string; cuts?: string[][]; cutCounts?: Record<string, number>}>;
}

const key = (cut: string[]) => [...cut].sort().join('+');

describe('check --order', () => {
  // fixtures/multi-zone.yaml: app (demand 1000, minimum 500) behind a ratio GSLB 2:2:1 over
  // lb-ca (2 × 250), lb-cb (2 × 250) and idc-guro (300). lb-ca is lost with any of KR-CA,
  // svc-ca, svc-ca/KR-CA or lb-ca itself (4 ways); lb-cb likewise (4 ways). With both lost the
  // site alone takes all 1000 and serves 300 < 500: DOWN, so the pairs are the 4 × 4 = 16
  // combinations. Any other pair leaves 500 or more: site + lb-ca leaves lb-cb alone, serving
  // 500; two VMs leave 250 + 250 + 200 = 700.
  const caWays = ['KR-CA', 'svc-ca', 'svc-ca/KR-CA', 'lb-ca'];
  const cbWays = ['KR-CB', 'svc-cb', 'svc-cb/KR-CB', 'lb-cb'];

  it('lists every pair that takes a service down, counted by kinds, and exits 1', async () => {
    const plain = await run('check', 'fixtures/multi-zone.yaml');
    // No single point of failure: order 1 (the default) passes.
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toContain('cuts of');
    const result = await run('check', 'fixtures/multi-zone.yaml', '--order', '2', '--json');
    expect(result.code).toBe(1);
    const [app] = (JSON.parse(result.stdout) as CheckJson).services;
    const expected = caWays.flatMap((a) => cbWays.map((b) => key([a, b])));
    expect(new Set(app!.cuts!.map(key))).toEqual(new Set(expected));
    expect(app!.cuts!.length).toBe(16);
    // zone+zone: 1; zone+account: KR-CA+svc-cb and KR-CB+svc-ca; and so on, 16 in all.
    expect(app!.cutCounts).toMatchObject({'zone+zone': 1, 'zone+account': 2, 'lb+lb': 1});
    expect(Object.values(app!.cutCounts!).reduce((a, b) => a + b, 0)).toBe(16);
    const text = await run('check', 'fixtures/multi-zone.yaml', '--order', '2');
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('cuts of 2 failures: 16 (zone+zone: 1 · zone+account: 2');
    expect(text.stdout).toContain('{KR-CA, KR-CB}');
    expect(text.stdout).toContain('1 with a cut of 2 failures');
  });

  it('goes to three: a site, one side and one VM of the other side', async () => {
    // Triples with no DOWN subset: {a CA way, a CB way} is a pair already, so each triple holds
    // at most one side. {site, a CA way, one CB VM}: lb-cb alone with one VM serves 250 < 500
    // (4 × 2 = 8, and as many the other way round); {both CA VMs, a CB way}: lb-ca is as good as
    // lost (4, and 4 the other way). 16 + 8 = 24.
    const result = await run('check', 'fixtures/multi-zone.yaml', '--order', '3', '--json');
    const [app] = (JSON.parse(result.stdout) as CheckJson).services;
    const triples = app!.cuts!.filter((cut) => cut.length === 3);
    expect(triples.length).toBe(24);
    expect(triples.map(key)).toContain(key(['idc-guro', 'KR-CA', 'app-b1']));
    expect(triples.map(key)).toContain(key(['app-a1', 'app-a2', 'svc-cb/KR-CB']));
  });

  it('refuses an order it does not compute, naming the flag, and elsewhere than check', async () => {
    for (const value of ['0', '4', 'two', '']) {
      const result = await run('check', 'fixtures/multi-zone.yaml', '--order', value);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('--order');
      expect(expectNoStackTrace(result.stderr)).toBe(true);
    }
    const impact = await run('impact', 'fixtures/multi-zone.yaml', '--order', '2');
    expect(impact.code).toBe(2);
    expect(impact.stderr).toContain('--order goes with check');
  });
});
