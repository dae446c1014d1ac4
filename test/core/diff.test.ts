import {describe, expect, it} from 'vitest';
import {availability} from '../../source/core/availability.js';
import {analyzeSide, diffExitCode, diffTopologies} from '../../source/core/diff.js';
import {formatLocated, parseTopology} from '../../source/core/load.js';
import type {Model} from '../../source/core/model.js';
import {onlyCa, shopTopology as shop} from '../support/shop-topology.js';

/**
 * `diff` compares two answers of the analyzer, on the shop topology of test/support (two zones,
 * a failover GSLB over one LB per zone). Every number below is derived beside its assertion.
 */

function model(text: string): Model {
  const result = parseTopology(text, 'test.yaml');
  if (!result.ok) throw new Error(result.errors.map(formatLocated).join('\n'));
  return result.model;
}

function diff(oldText: string, newText: string, tolerancePoints = 0) {
  const side = (text: string) => analyzeSide(model(text), {availabilityOf: availability});
  return diffTopologies(side(oldText), side(newText), {tolerancePoints});
}

describe('deleting one GSLB target', () => {
  const result = diff(shop(), shop({targets: onlyCa}));
  const service = result.services[0]!;

  it('is worse, headed by the zone the service now dies with', () => {
    expect(result.verdict).toBe('worse');
    expect(diffExitCode(result)).toBe(1);
    // Without lb-cb, everything on the way to lb-ca is alone: the zone, the account, its router, the LB
    // (in the sweep's order: zones, accounts, routers, LBs). No VM: one 500-user VM still meets 500.
    expect(service.spofGained).toEqual(['KR-CA', 'shop-ca', 'shop-ca/KR-CA', 'lb-ca']);
    expect(service.spofLost).toEqual([]);
    const first = result.findings[0]!;
    expect(first).toMatchObject({
      direction: 'worse',
      kind: 'spofGained',
      service: 'shop-web',
      component: 'KR-CA',
      componentKind: 'zone',
    });
  });

  it('lists the tolerance lost per kind, and the zone table', () => {
    // Before: a router, account, LB or zone of CA failing moves all 1000 to lb-cb (1000 = full).
    // After: each of them leaves nothing (0%). A VM is 50% on both sides: 500 of 1000.
    const lost = result.findings
      .filter((f) => f.kind === 'toleranceLost')
      .map((f) => f.failureKind);
    expect(lost).toEqual(['router', 'account', 'lb', 'zone']);
    expect(service.tolerance.map((t) => t.kind)).toEqual(['router', 'account', 'lb', 'zone']);
    expect(service.tolerance[3]).toEqual({
      kind: 'zone',
      before: {survives: true, full: true, worstPercent: 100},
      after: {survives: false, full: false, worstPercent: 0},
    });
    // KR-CA down: 1000 (lb-cb takes over) → 0. KR-CB down: lb-ca serves 1000 on both sides.
    expect(service.zones).toEqual([
      {zone: 'KR-CA', presence: 'both', before: 1000, after: 0},
      {zone: 'KR-CB', presence: 'both', before: 1000, after: 1000},
    ]);
    // KR-CA is already a gained SPOF: "serves less with KR-CA down" would say it twice.
    expect(result.findings.some((f) => f.kind === 'zoneServedLess')).toBe(false);
  });

  it('compares availability with the exact figure of the new shape', () => {
    // After: up needs KR-CA (0.9999), shop-ca (0.9999), its router (0.9995), lb-ca (0.9995) and one
    // of two VMs (1 − 0.001²); the GSLB counts as 1.
    const up = 0.9999 * 0.9999 * 0.9995 * 0.9995 * (1 - 0.001 ** 2);
    expect(service.after!.availability.up).toBeCloseTo(up, 12);
    const finding = result.findings.find((f) => f.kind === 'availabilityLower')!;
    expect(finding.after).toBe(service.after!.availability.up);
    expect(finding.before).toBe(service.before!.availability.up);
  });

  it('says which component changed and how', () => {
    expect(result.components).toEqual({
      added: [],
      removed: [],
      changed: [{id: 'shop-gslb', kind: 'gslb', fields: ['targets']}],
      settings: [],
    });
  });

  it('failover time stays: detect 10 s × 3 + TTL 30 s = 60 s; what is left after losing lb-ca', () => {
    // Before: losing lb-ca moves 1000 to lb-cb (1000). After: lb-ca is the only target, so 0.
    expect(service.failover).toEqual([
      {
        gslb: 'shop-gslb',
        before: {totalS: 60, capacityAfter: 1000},
        after: {totalS: 60, capacityAfter: 0},
      },
    ]);
  });
});

describe('the reverse change', () => {
  it('is better, headed by the zone the service now survives; exit 0', () => {
    const result = diff(shop({targets: onlyCa}), shop());
    expect(result.verdict).toBe('better');
    expect(diffExitCode(result)).toBe(0);
    expect(result.findings[0]).toMatchObject({kind: 'spofLost', component: 'KR-CA'});
    expect(result.findings.every((f) => f.direction === 'better')).toBe(true);
  });
});

describe('less served under a zone failure, still up', () => {
  it('is worse: web-b2 500 → 100 leaves 600 with KR-CA down', () => {
    // KR-CA down: lb-cb = 500 + 100 = 600 ≥ minimum 500, so no SPOF, but 600 < 1000.
    const result = diff(shop(), shop({capacities: [500, 500, 500, 100]}));
    expect(result.verdict).toBe('worse');
    expect(result.services[0]!.spofGained).toEqual([]);
    expect(result.findings[0]).toMatchObject({
      kind: 'zoneServedLess',
      component: 'KR-CA',
      before: 1000,
      after: 600,
    });
    // Routers, accounts and LBs of CA now leave 600 of 1000: 60%, still surviving.
    const router = result.services[0]!.tolerance.find((t) => t.kind === 'router')!;
    expect(router.after).toEqual({survives: true, full: false, worstPercent: 60});
    expect(result.findings.some((f) => f.kind === 'toleranceLost')).toBe(false);
  });
});

describe('a service below its minimum', () => {
  it('heads the verdict: web-a1 and web-a2 at 100 each and no lb-cb serve 200 < 500', () => {
    const text = shop({targets: onlyCa, capacities: [100, 100, 500, 500]});
    const result = diff(shop(), text);
    expect(result.findings[0]).toMatchObject({
      kind: 'belowMinimum',
      service: 'shop-web',
      before: 1000,
      after: 200,
    });
  });
});

describe('a change that leaves a service DOWN', () => {
  it('finds nothing better for it: its SPOFs are gone only because it is down already', () => {
    // Before: only lb-ca, over web-a1 and web-a2 at 500 each, serves 1000; KR-CA, shop-ca, its
    // router shop-ca/KR-CA and lb-ca each take it to 0: four SPOFs. After: web-a1 and web-a2 at
    // 100 each serve 200 of 1000 < minimum 500, DOWN, and a DOWN service has no SPOF to list.
    const result = diff(
      shop({targets: onlyCa}),
      shop({targets: onlyCa, capacities: [100, 100, 500, 500]}),
    );
    const service = result.services.find((s) => s.id === 'shop-web')!;
    expect(service.before?.spof).toEqual(['KR-CA', 'shop-ca', 'shop-ca/KR-CA', 'lb-ca']);
    expect(service.after?.spof).toEqual([]);
    expect(result.verdict).toBe('worse');
    expect(result.findings[0]).toMatchObject({kind: 'belowMinimum', service: 'shop-web'});
    expect(result.findings.filter((f) => f.direction === 'better')).toEqual([]);
    expect(service.spofLost).toEqual([]);
  });

  it('still says better when the change brings it back up', () => {
    const text = shop({targets: onlyCa, capacities: [100, 100, 500, 500]});
    const result = diff(text, shop());
    expect(result.findings[0]).toMatchObject({kind: 'aboveMinimum', service: 'shop-web'});
    expect(result.verdict).toBe('better');
  });
});

describe('availability and --tolerance', () => {
  // Same structure, VMs at 0.998 instead of 0.999: after the change P(up) is lower.
  const oldText = shop({targets: onlyCa});
  const newText = shop({targets: onlyCa, vmAvailability: 0.998});
  // up = 0.9999 · 0.9999 · 0.9995 · 0.9995 · (1 − q²) with q the VM's unavailability:
  // the drop is c · (0.002² − 0.001²) = c · 3e-6 ≈ 0.0003 percentage points.
  const c = 0.9999 * 0.9999 * 0.9995 * 0.9995;
  const dropPoints = c * 3e-6 * 100;

  it('a drop larger than the tolerance is worse', () => {
    const result = diff(oldText, newText, dropPoints / 2);
    expect(result.verdict).toBe('worse');
    expect(result.findings.map((f) => f.kind)).toEqual(['availabilityLower']);
    expect(result.components.settings).toEqual(['availability']);
  });

  it('a drop within the tolerance is the same', () => {
    const result = diff(oldText, newText, dropPoints * 2);
    expect(result.verdict).toBe('same');
    expect(result.findings).toEqual([]);
  });
});

describe('zones present on one side only', () => {
  it('are reported as added, with no figure for the side without them', () => {
    const result = diff(shop(), shop({extraZone: true}));
    // KR-CC holds nothing: with it down, shop-web serves its full 1000.
    expect(result.services[0]!.zones[2]).toEqual({zone: 'KR-CC', presence: 'added', after: 1000});
    expect(result.components.added).toEqual([{id: 'KR-CC', kind: 'zone'}]);
    expect(result.verdict).toBe('same');
  });
});
