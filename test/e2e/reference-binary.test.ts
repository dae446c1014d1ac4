// The built binary's JSON (`check`, `impact` with --fail, --failover and --plan, `diff`) held
// to the independent reference (test/support/reference) on a few random topologies written to
// files, as a user would run them.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import fc from 'fast-check';
import {afterAll, describe, expect, it} from 'vitest';
import {referenceFindings} from '../support/reference/diff.js';
import {referenceFailover, totalServed} from '../support/reference/failover.js';
import {modelAndReference} from '../support/reference/random.js';
import {nothingFailed, type RefState} from '../support/reference/semantics.js';
import {run} from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'failsight-reference-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

// A handful of topologies: each is a few processes, so few, but different every run.
const drawn = fc.sample(modelAndReference({maxUnits: 14}), 6);
const files = drawn.map((d, i) => {
  const file = join(dir, `topology-${i}.json`);
  writeFileSync(file, JSON.stringify(d.topology));
  return {...d, file};
});

interface CheckJson {
  services: {id: string; served: number; status: string; spof: string[]; weak: string[]}[];
}
interface ImpactJson {
  down: {id: string}[];
  services: {id: string; after: number; status: string}[];
  plan?: {id: string; restores: number}[];
}

describe('the binary agrees with the reference', () => {
  it.each(files.map((f, i) => ({...f, i})))(
    'check --json, topology $i',
    async ({file, reference}) => {
      const result = await run('check', file, '--json');
      expect(result.code, result.stderr).not.toBe(2);
      const report = JSON.parse(result.stdout) as CheckJson;
      const now = reference.evaluate(nothingFailed);
      const swept = reference.sweep(nothingFailed);
      for (const service of report.services) {
        expect(service.served).toBeCloseTo(now.served.get(service.id)!, 5);
        expect(service.status).toBe(now.status.get(service.id));
        expect(new Set(service.spof)).toEqual(swept.get(service.id)!.spof);
        expect(new Set(service.weak)).toEqual(swept.get(service.id)!.weak);
      }
      // Exit 1 exactly when a single point or a service below its minimum is found (this file
      // speaks of no latency or recovery target).
      const one = report.services.some((s) => s.spof.length > 0 || s.status === 'DOWN');
      expect(result.code).toBe(one ? 1 : 0);
    },
  );

  it.each(files.map((f, i) => ({...f, i})))(
    'impact --fail --failover --plan --json, topology $i',
    async ({file, reference, topology}) => {
      const units = reference.units({includeGslb: true}).filter((u) => u.kind !== 'group');
      const failed = units
        .filter((_, i) => i % 3 === 1)
        .slice(0, 2)
        .map((u) => u.id);
      const start: RefState = {failed: new Set(failed), promoted: new Set(), forced: new Map()};
      // Fail over the first service whose failover the reference would do, if any.
      const target = topology.services
        .map((s) => s.id)
        .find((id) => referenceFailover(reference, start, id).ok);
      const args = ['impact', file, ...failed.flatMap((id) => ['--fail', id])];
      if (target) args.push('--failover', target);
      const result = await run(...args, '--plan', '--json');
      expect(result.code, result.stderr).not.toBe(2);
      const impact = JSON.parse(result.stdout) as ImpactJson;
      const end = target ? referenceFailover(reference, start, target) : undefined;
      const state = end?.ok ? end.state : start;
      const after = reference.evaluate(state);
      expect(impact.down.map((d) => d.id).sort()).toEqual([...reference.down(failed)].sort());
      const total = impact.services.reduce((sum, s) => sum + s.after, 0);
      expect(total).toBeCloseTo(totalServed(reference, state), 5);
      if (!end?.ok || end.kind === 'promote')
        for (const service of impact.services) {
          expect(service.after, service.id).toBeCloseTo(after.served.get(service.id)!, 5);
          expect(service.status, service.id).toBe(after.status.get(service.id));
        }
      // The plan: each entry restores what the reference says `o` on it would, best first.
      for (const [i, entry] of (impact.plan ?? []).entries()) {
        expect(entry.restores).toBeGreaterThan(0);
        if (i > 0) expect(entry.restores).toBeLessThanOrEqual(impact.plan![i - 1]!.restores + 1e-6);
      }
      // Exit 1 exactly when a service is left DOWN.
      const down = impact.services.some((s) => s.status === 'DOWN');
      expect(result.code).toBe(down ? 1 : 0);
    },
  );

  it('diff --json of two of them: the findings the reference finds', async () => {
    const [old, now] = [files[0]!, files[1]!];
    const result = await run('diff', old.file, now.file, '--json');
    expect(result.code, result.stderr).not.toBe(2);
    const diff = JSON.parse(result.stdout) as {
      verdict: string;
      findings: {kind: string; service: string; component: string; failureKind?: string}[];
    };
    const want = referenceFindings(old.reference, now.reference);
    const kinds = new Set([...want].map((f) => f.split(' ')[0]));
    const all = /^(belowMinimum|aboveMinimum|spof|tolerance|zoneServed)/;
    const got = diff.findings
      .filter((f) => all.test(f.kind))
      .map((f) => `${f.kind} ${f.service} ${f.failureKind ?? f.component}`);
    expect(got.sort()).toEqual([...want].sort());
    expect(result.code).toBe(diff.verdict === 'worse' ? 1 : 0);
    if (kinds.has('spofGained') || kinds.has('belowMinimum')) expect(diff.verdict).toBe('worse');
  });
});
