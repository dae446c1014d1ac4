import {readFile} from 'node:fs/promises';
import {describe, expect, it} from 'vitest';
import {impactOf, snapshot} from '../../source/core/analyze.js';
import {formatLocated, parseTopology} from '../../source/core/load.js';
import type {Model} from '../../source/core/model.js';
import type {Kind} from '../../source/core/schema.js';
import {emptyState, type FailureState} from '../../source/core/state.js';
import {strategyOf} from '../../source/core/strategy.js';
import {sweep, type ToleranceKind} from '../../source/core/sweep.js';

/**
 * The redundancy guide's table (docs/semantics.md) on the four strategy fixtures: what each design
 * survives, what it does not, and how much of its 1000 users it keeps.
 */

async function fixture(name: string): Promise<Model> {
  const text = await readFile(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
  return model(text, name);
}

function model(text: string, name: string): Model {
  const result = parseTopology(text, name);
  if (!result.ok) throw new Error(result.errors.map(formatLocated).join('\n'));
  return result.model;
}

/** What `service` serves, and its status, once `ids` fail from `state`. */
function after(m: Model, ids: string[], service = 'app', state: FailureState = emptyState) {
  const change = impactOf(m, state, ids).services.find((s) => s.id === service)!;
  return {served: change.after, status: change.status};
}

const singleServer = await fixture('single-server.yaml');
const vmRedundancy = await fixture('vm-redundancy.yaml');
const multiAccount = await fixture('multi-account.yaml');
const multiZone = await fixture('multi-zone.yaml');
const demo = await fixture('demo.yaml');

function idsOfKind(m: Model, kind: Kind): string[] {
  return [...m.components.values()].filter((c) => c.kind === kind).map((c) => c.id);
}

function sweepOf(m: Model, service = 'app', includeGslb = false) {
  const result = sweep(m, snapshot(m, emptyState), {includeGslb}).services.get(service)!;
  return {...result, spof: [...result.spof].sort(), weak: [...result.weak].sort()};
}

function survives(m: Model, service = 'app'): Record<string, boolean> {
  const {tolerance} = sweepOf(m, service);
  return Object.fromEntries(
    (Object.entries(tolerance) as [ToleranceKind, {survives: boolean}][]).map(([kind, t]) => [
      kind,
      t.survives,
    ]),
  );
}

describe('single server: one 1000-user VM', () => {
  const m = singleServer;

  it('is detected as the single strategy and serves 1000 while all is up', () => {
    expect(strategyOf(m, m.services[0]!)).toBe('single');
    expect(snapshot(m, emptyState).evaluation.served.get('app')).toBe(1000);
  });

  it('serves 0 after the VM fails, and after anything above it', () => {
    expect(after(m, ['app-1'])).toEqual({served: 0, status: 'DOWN'});
    expect(after(m, ['solo/KR-CA'])).toEqual({served: 0, status: 'DOWN'});
    expect(after(m, ['solo'])).toEqual({served: 0, status: 'DOWN'});
    expect(after(m, ['KR-CA'])).toEqual({served: 0, status: 'DOWN'});
  });

  it('survives nothing: every component is a single point of failure', () => {
    expect(survives(m)).toEqual({
      vm: false,
      router: false,
      account: false,
      zone: false,
      // no load balancer and no site: kinds the topology lacks are not listed
    });
    const result = sweepOf(m);
    expect(result.spof).toEqual(['KR-CA', 'app-1', 'solo', 'solo/KR-CA'].sort());
    expect(result.weak).toEqual([]);
    expect(result.tolerance.vm).toEqual({survives: false, full: false, worstPercent: 0});
    expect(result.tolerance.lb).toBeUndefined();
  });
});

describe('VM redundancy: two 500-user VMs of one account behind a load balancer', () => {
  const m = vmRedundancy;

  it('is detected as vm-redundancy', () => {
    expect(strategyOf(m, m.services[0]!)).toBe('vm-redundancy');
  });

  it('keeps 500 of 1000 after one VM fails (no minimum: DEGRADED, not DOWN)', () => {
    expect(after(m, ['app-1'])).toEqual({served: 500, status: 'DEGRADED'});
    expect(after(m, ['app-2'])).toEqual({served: 500, status: 'DEGRADED'});
    expect(after(m, ['app-1', 'app-2'])).toEqual({served: 0, status: 'DOWN'});
  });

  it('serves 0 after its router, account, zone or load balancer fails', () => {
    expect(after(m, ['solo/KR-CA'])).toEqual({served: 0, status: 'DOWN'});
    expect(after(m, ['solo'])).toEqual({served: 0, status: 'DOWN'});
    expect(after(m, ['KR-CA'])).toEqual({served: 0, status: 'DOWN'});
    expect(after(m, ['lb-app'])).toEqual({served: 0, status: 'DOWN'});
  });

  it('survives a VM only', () => {
    expect(survives(m)).toEqual({
      vm: true,
      router: false,
      account: false,
      lb: false,
      zone: false,
    });
    const result = sweepOf(m);
    expect(result.spof).toEqual(['KR-CA', 'lb-app', 'solo', 'solo/KR-CA'].sort());
    expect(result.weak).toEqual(['app-1', 'app-2']);
    expect(result.tolerance.vm).toEqual({survives: true, full: false, worstPercent: 50});
  });
});

describe('multi-account: VMs of two accounts of one group behind one shared load balancer', () => {
  const m = multiAccount;

  it('is detected as multi-account', () => {
    expect(strategyOf(m, m.services[0]!)).toBe('multi-account');
  });

  it('keeps 500 after a VM, a router or an account fails', () => {
    for (const id of ['app-1', 'app-2', 'team-a/KR-CA', 'team-b/KR-CA', 'team-a', 'team-b'])
      expect(after(m, [id]), id).toEqual({served: 500, status: 'DEGRADED'});
  });

  it('serves 0 after the shared load balancer or the zone fails', () => {
    expect(after(m, ['lb-app'])).toEqual({served: 0, status: 'DOWN'});
    expect(after(m, ['KR-CA'])).toEqual({served: 0, status: 'DOWN'});
  });

  it('the load balancer runs on the zone: it does not fall with its owner account', () => {
    const impact = impactOf(m, emptyState, ['team-a']);
    expect(impact.down.map((d) => d.id)).not.toContain('lb-app');
  });

  it('survives a VM, a router and an account; not the load balancer or the zone', () => {
    expect(survives(m)).toEqual({
      vm: true,
      router: true,
      account: true,
      lb: false,
      zone: false,
    });
    const result = sweepOf(m);
    expect(result.spof).toEqual(['KR-CA', 'lb-app']);
    expect(result.weak).toEqual(
      ['app-1', 'app-2', 'team-a', 'team-a/KR-CA', 'team-b', 'team-b/KR-CA'].sort(),
    );
    for (const kind of ['vm', 'router', 'account'] as const)
      expect(result.tolerance[kind]).toEqual({survives: true, full: false, worstPercent: 50});
  });
});

describe('multi-zone: a load balancer per zone and a customer IDC behind a ratio GSLB', () => {
  const m = multiZone;

  /*
   * Demand 1000, minimum 500; GSLB policy ratio with weights lb-ca 2, lb-cb 2, idc-guro 1;
   * capacities lb-ca 2×250 = 500, lb-cb 500, idc-guro 300.
   *
   * All up: shares 1000·2/5 = 400, 400, 200 → served min(400,500)+min(400,500)+min(200,300) = 1000.
   * Zone KR-CA fails (lb-ca with it): healthy lb-cb (2) and idc-guro (1):
   *   shares 1000·2/3 = 666.67 and 1000·1/3 = 333.33
   *   → min(666.67, 500) + min(333.33, 300) = 500 + 300 = 800: the static split overloads both
   *   survivors, 200 users are lost. 800 ≥ 500: DEGRADED.
   * Its account svc-ca, its router svc-ca/KR-CA or lb-ca alone: the same 800.
   * One VM (app-a1): lb-ca keeps 250, still healthy, shares stay 400/400/200
   *   → min(400,250) + 400 + 200 = 850.
   * The site fails: lb-ca and lb-cb split 500/500 → 500 + 500 = 1000, nothing lost.
   */

  it('is detected as multi-zone', () => {
    expect(strategyOf(m, m.services[0]!)).toBe('multi-zone');
    expect(snapshot(m, emptyState).evaluation.served.get('app')).toBe(1000);
  });

  it('keeps 800 after a zone fails, as the ratio split gives', () => {
    expect(after(m, ['KR-CA'])).toEqual({served: 800, status: 'DEGRADED'});
    expect(after(m, ['KR-CB'])).toEqual({served: 800, status: 'DEGRADED'});
  });

  it('keeps 800 after an account, router or load balancer, 850 after a VM, 1000 after the site', () => {
    for (const id of ['svc-ca', 'svc-cb', 'svc-ca/KR-CA', 'svc-cb/KR-CB', 'lb-ca', 'lb-cb'])
      expect(after(m, [id]), id).toEqual({served: 800, status: 'DEGRADED'});
    for (const id of idsOfKind(m, 'vm'))
      expect(after(m, [id]), id).toEqual({served: 850, status: 'DEGRADED'});
    expect(after(m, ['idc-guro'])).toEqual({served: 1000, status: 'OK'});
  });

  it('survives any single failure of every kind: no single point of failure', () => {
    expect(survives(m)).toEqual({
      vm: true,
      router: true,
      account: true,
      lb: true,
      zone: true,
      site: true,
    });
    const result = sweepOf(m);
    expect(result.spof).toEqual([]);
    expect(result.tolerance.zone).toEqual({survives: true, full: false, worstPercent: 80});
    expect(result.tolerance.vm).toEqual({survives: true, full: false, worstPercent: 85});
    expect(result.tolerance.site).toEqual({survives: true, full: true, worstPercent: 100});
    expect(result.weak).not.toContain('idc-guro');
  });

  it('does not survive the provider-managed GSLB itself', () => {
    expect(after(m, ['app-gslb'])).toEqual({served: 0, status: 'DOWN'});
    expect(sweepOf(m, 'app', false).spof).not.toContain('app-gslb');
    expect(sweepOf(m, 'app', true).spof).toEqual(['app-gslb']);
  });

  it('does not survive two zones', () => {
    expect(after(m, ['KR-CA', 'KR-CB'])).toEqual({served: 300, status: 'DOWN'});
  });
});

describe('finer splits keep more (docs/semantics.md): n VMs of 1000/n keep 1000·(n−1)/n', () => {
  it.each([2, 3, 4, 5, 8])('n = %i', (n) => {
    const vms = Array.from(
      {length: n},
      (_, i) => `  - {id: vm-${i}, account: solo, zone: KR-CA, capacity: ${1000 / n}}`,
    );
    const members = Array.from({length: n}, (_, i) => `vm-${i}`).join(', ');
    const m = model(
      `version: 1
zones: [{id: KR-CA}]
accounts: [{id: solo}]
vms:
${vms.join('\n')}
loadBalancers:
  - {id: lb, account: solo, zone: KR-CA, members: [${members}]}
services:
  - {id: app, demand: 1000, entry: lb}
`,
      `split-${n}.yaml`,
    );
    expect(after(m, ['vm-0']).served).toBeCloseTo((1000 * (n - 1)) / n, 5);
    expect(sweepOf(m).tolerance.vm!.worstPercent).toBe(Math.floor((100 * (n - 1)) / n));
  });
});

describe('demo.yaml: a zone failure with a standby database', () => {
  const m = demo;

  it('detects the strategy of each service', () => {
    const strategies = Object.fromEntries(m.services.map((s) => [s.id, strategyOf(m, s)]));
    expect(strategies).toEqual({
      'shop-web': 'multi-zone',
      'shop-db': 'multi-zone',
      'shop-admin': 'single',
    });
  });

  it('failing KR-CA takes shop-db DOWN (its standby is not promoted) and therefore shop-web', () => {
    const impact = impactOf(m, emptyState, ['KR-CA']);
    const byId = Object.fromEntries(impact.services.map((s) => [s.id, s]));
    expect(byId['shop-db']).toMatchObject({before: 1000, after: 0, status: 'DOWN'});
    expect(byId['shop-web']).toMatchObject({before: 1000, after: 0, status: 'DOWN'});
    expect(byId['shop-admin']).toMatchObject({before: 50, after: 50, status: 'OK'});
    expect(impact.down).toEqual(
      expect.arrayContaining([
        {id: 'KR-CA', kind: 'zone', cause: 'zone KR-CA failed'},
        {id: 'shop-main/KR-CA', kind: 'router', cause: 'zone KR-CA failed'},
        {id: 'shop-sub/KR-CA', kind: 'router', cause: 'zone KR-CA failed'},
        {id: 'lb-ca', kind: 'lb', cause: 'zone KR-CA failed'},
        {id: 'web-1', kind: 'vm', cause: 'zone KR-CA failed'},
        {id: 'web-2', kind: 'vm', cause: 'zone KR-CA failed'},
        {id: 'db-1', kind: 'vm', cause: 'zone KR-CA failed'},
      ]),
    );
    expect(impact.down).toHaveLength(7);
    expect(impact.down.map((d) => d.id)).not.toContain('db-2');
  });

  it('after promoting db-2, shop-web serves 500 DEGRADED (lb-cb alone takes the failover share)', () => {
    const promoted: FailureState = {...emptyState, promoted: new Set(['db-2'])};
    const impact = impactOf(m, promoted, ['KR-CA']);
    const byId = Object.fromEntries(impact.services.map((s) => [s.id, s]));
    expect(byId['shop-db']).toMatchObject({before: 1000, after: 1000, status: 'OK'});
    // failover policy: all 1000 go to lb-cb (priority 1, 2×250); the IDC (priority 2) gets none.
    expect(byId['shop-web']).toMatchObject({before: 1000, after: 500, status: 'DEGRADED'});

    const state: FailureState = {...promoted, simulated: new Set(['KR-CA'])};
    const snap = snapshot(m, state);
    expect(snap.evaluation.served.get('shop-web')).toBe(500);
    expect(snap.status.get('shop-web')).toBe('DEGRADED');
  });

  it('lists the single points of failure of each service', () => {
    expect(sweepOf(m, 'shop-db').spof).toEqual(
      ['KR-CA', 'db-1', 'shop-main', 'shop-main/KR-CA'].sort(),
    );
    // shop-web needs shop-db: its database's single points are its own.
    expect(sweepOf(m, 'shop-web').spof).toEqual(
      ['KR-CA', 'db-1', 'shop-main', 'shop-main/KR-CA'].sort(),
    );
    expect(sweepOf(m, 'shop-admin').spof).toEqual(
      ['KR-CB', 'admin-1', 'shop-main', 'shop-main/KR-CB'].sort(),
    );
  });

  it('lists tolerance only for the kinds a service stands on', () => {
    const kinds = (id: string) => Object.keys(sweepOf(m, id).tolerance).sort();
    // shop-admin is admin-1 alone: a VM in shop-main/KR-CB; no load balancer, no site.
    expect(kinds('shop-admin')).toEqual(['account', 'router', 'vm', 'zone']);
    // shop-db is db-gslb over VMs db-1 and db-2: no load balancer, no site either.
    expect(kinds('shop-db')).toEqual(['account', 'router', 'vm', 'zone']);
    // shop-web enters shop-gslb, whose targets are the LBs lb-ca, lb-cb and the site idc-guro.
    expect(kinds('shop-web')).toEqual(['account', 'lb', 'router', 'site', 'vm', 'zone']);
  });

  it('KR-CB alone leaves shop-web at 500, above its minimum of 400', () => {
    expect(after(m, ['KR-CB'], 'shop-web')).toEqual({served: 500, status: 'DEGRADED'});
    expect(sweepOf(m, 'shop-web').weak).toContain('KR-CB');
  });
});
