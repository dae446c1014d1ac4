import {readFile} from 'node:fs/promises';
import {describe, expect, it} from 'vitest';
import {snapshot} from '../../source/core/analyze.js';
import {availability} from '../../source/core/availability.js';
import {checkExitCode, checkReport} from '../../source/core/check.js';
import {analyzeSide, componentChanges, diffTopologies} from '../../source/core/diff.js';
import {findingText} from '../../source/commands/diff/diff-words.js';
import {latencyChanges, slowServices, dependencyLatencies} from '../../source/core/latency.js';
import {formatLocated, parseTopology} from '../../source/core/load.js';
import type {Model} from '../../source/core/model.js';
import {emptyState, withSimulated} from '../../source/core/state.js';

/**
 * fixtures/compound.yaml, its report derived by hand. The pieces:
 * - shop-web (1000, minimum 500) behind web-gslb, failover: lb-web in KR-CA (web-1 of shop-main
 *   + web-2 of shop-sub, 500 each) at priority 1, the IDC idc-guro (600) at priority 2; rto 2m;
 *   it depends on shop-db with a 3 ms budget.
 * - shop-db (1000, no minimum: DOWN only at 0) behind db-gslb, failover: lb-db-ca (db-1 of
 *   shop-main, KR-CA, 1000) then lb-db-cb (db-2 of shop-sub, KR-CB, 1000).
 * - shop-api (1000, minimum 400) behind api-gslb, round-robin over lb-api-ca (api-1 of shop-main,
 *   KR-CA, 500) and lb-api-cb (api-2 of shop-sub, KR-CB, 500); rto 60s; depends on shop-db.
 * - feed-a: KR-CA and idc-guro fail together, availability 0.9995.
 * - latency: KR-CA–KR-CB 4 ms, KR-CA–idc-guro 4 ms, KR-CB–idc-guro 5 ms.
 */

async function fixture(): Promise<{model: Model; text: string}> {
  const text = await readFile(new URL('../../fixtures/compound.yaml', import.meta.url), 'utf8');
  return {model: load(text), text};
}

function load(text: string): Model {
  const result = parseTopology(text, 'compound.yaml');
  if (!result.ok) throw new Error(result.errors.map(formatLocated).join('\n'));
  return result.model;
}

const key = (cut: string[]) => [...cut].sort().join('+');

describe('fixtures/compound.yaml', () => {
  it('cuts: the feed alone, and the pairs', async () => {
    const {model} = await fixture();
    const report = checkReport(model, {order: 2, availabilityOf: availability});
    const web = report.services.find((s) => s.id === 'shop-web')!;
    const db = report.services.find((s) => s.id === 'shop-db')!;
    // shop-web: losing lb-web (KR-CA, lb-web) moves it to the IDC, 600 ≥ 500; one web VM leaves
    // lb-web 500, served 500 — no move, not DOWN. So no single component takes it down, but
    // feed-a (KR-CA and the IDC at once) leaves it nothing: its only single point.
    expect(web.spof).toEqual(['feed-a']);
    // Its own pairs: a way to lose lb-web with the IDC: {KR-CA, idc-guro}, {lb-web, idc-guro}.
    // Through shop-db (0 served takes shop-web to 0): db is lost when both its sides are; the
    // KR-CA side goes with KR-CA, shop-main, shop-main/KR-CA, lb-db-ca or db-1 (5 ways), the
    // KR-CB side likewise with KR-CB, shop-sub, shop-sub/KR-CB, lb-db-cb, db-2: 5 × 5 = 25.
    // 2 + 25 = 27 pairs; none holds feed-a, which is a cut alone.
    const pairs = web.cuts!.filter((cut) => cut.length === 2);
    expect(pairs.length).toBe(27);
    expect(pairs.map(key)).toEqual(
      expect.arrayContaining([key(['KR-CA', 'idc-guro']), key(['idc-guro', 'lb-web'])]),
    );
    expect(pairs.some((cut) => cut.includes('feed-a'))).toBe(false);
    expect(web.cuts!.filter((cut) => cut.length === 1)).toEqual([['feed-a']]);
    expect(web.cutCounts).toMatchObject({'zone+site': 1, 'site+lb': 1, 'zone+zone': 1});
    // shop-db: the 25, and feed-a as a fifth way to lose the KR-CA side: 5 more.
    expect(db.spof).toEqual([]);
    expect(db.cuts!.length).toBe(30);
    expect(db.cutCounts!['group+zone']).toBe(1);
    expect(checkExitCode(report)).toBe(1);
  });

  it('latency: 0 ms now; with KR-CA down the web tier in the IDC calls KR-CB, 5 ms: SLOW', async () => {
    const {model} = await fixture();
    const base = snapshot(model, emptyState);
    const report = checkReport(model, {availabilityOf: availability});
    const web = report.services.find((s) => s.id === 'shop-web')!;
    // Now: shop-web from lb-web (KR-CA), shop-db from lb-db-ca (KR-CA): same zone, 0 ms.
    expect(web.latency).toEqual([{dependency: 'shop-db', ms: 0, budgetMs: 3, slow: false}]);
    // KR-CA down: shop-web moves to idc-guro, shop-db to lb-db-cb in KR-CB: 5 ms > 3. KR-CB
    // down changes neither; the IDC down leaves shop-web on lb-web. One breach.
    expect(web.latencyBreaches).toEqual([
      {failed: 'KR-CA', dependency: 'shop-db', ms: 5, budgetMs: 3},
    ]);
    // shop-api, round-robin over both zones, calls shop-db in KR-CA: the largest is KR-CB → KR-CA,
    // 4 ms; it has no budget.
    const api = report.services.find((s) => s.id === 'shop-api')!;
    expect(api.latency).toEqual([{dependency: 'shop-db', ms: 4, slow: false}]);
    const after = snapshot(model, withSimulated(emptyState, ['KR-CA']));
    expect([...slowServices(dependencyLatencies(model, after))]).toEqual(['shop-web']);
    const moved = latencyChanges(model, base, after);
    const webMove = moved.find((m) => m.service === 'shop-web')!;
    expect([...webMove.after.from.keys()]).toEqual(['idc-guro']);
    expect([...webMove.after.to.keys()]).toEqual(['KR-CB']);
    expect(webMove.before.ms).toBe(0);
    expect(webMove.after.ms).toBe(5);
  });

  it('rto: web recovers in ~60 s within 2 m; api in ~95 s, over 60 s', async () => {
    const {model} = await fixture();
    const report = checkReport(model, {availabilityOf: availability});
    const rto = (id: string) => report.services.find((s) => s.id === id)!.rto;
    // web-gslb: detection 10 s × 3 = 30 s, TTL 30 s: 60 s ≤ 120 s. It recovers the loss of
    // lb-web (traffic moves to the IDC: 600 ≥ 500); losing the IDC moves nothing.
    expect(rto('shop-web')).toEqual({
      gslb: 'web-gslb',
      targetS: 120,
      recoversInS: 60,
      met: true,
      recovers: ['lb-web'],
    });
    // api-gslb: 15 s × 3 = 45 s + TTL 50 s = 95 s > 60 s. Losing either LB leaves the other
    // taking all 1000 and serving 500 ≥ 400: both recovered.
    expect(rto('shop-api')).toEqual({
      gslb: 'api-gslb',
      targetS: 60,
      recoversInS: 95,
      met: false,
      recovers: ['lb-api-ca', 'lb-api-cb'],
    });
    // shop-db sets no rto.
    expect(rto('shop-db')).toBeUndefined();
  });

  it('availability: the feed is a single point, so its own availability multiplies in', async () => {
    const {model} = await fixture();
    const report = checkReport(model, {availabilityOf: availability});
    const web = report.services.find((s) => s.id === 'shop-web')!;
    // Up only with the feed up (0.9995), and then as the components' own failures leave it.
    const own = availability(model, 'shop-web');
    expect(web.availability.up).toBeCloseTo(own.up * 0.9995, 12);
    expect(web.availability.exact).toBe(own.exact);
    // The most to gain: the feed never failing gives back the factor 0.9995 whole, about
    // 0.05 points; any one component's own failure is worth far less (all are covered twice).
    expect(web.improvement[0]!.id).toBe('feed-a');
    expect(web.improvement[0]!.upIfPerfect).toBeCloseTo(own.up, 12);
    expect(web.improvement[0]!.gain).toBeGreaterThan(0.0004);
  });

  it('diff: moving the database to KR-CB puts shop-web over its latency budget', async () => {
    const {model, text} = await fixture();
    const moved = load(
      text
        .replace(
          '{id: db-1, account: shop-main, zone: KR-CA,',
          '{id: db-1, account: shop-sub, zone: KR-CB,',
        )
        .replace(
          '{id: lb-db-ca, account: shop-main, zone: KR-CA,',
          '{id: lb-db-ca, account: shop-sub, zone: KR-CB,',
        ),
    );
    const options = {availabilityOf: availability};
    const diff = diffTopologies(analyzeSide(model, options), analyzeSide(moved, options));
    // shop-web stays in KR-CA, shop-db now answers from KR-CB: 4 ms > 3 ms, with nothing failed.
    expect(diff.findings).toContainEqual(
      expect.objectContaining({
        kind: 'latencyOverBudget',
        direction: 'worse',
        service: 'shop-web',
        component: 'shop-db',
        after: 4,
        budget: 3,
      }),
    );
    // And back: the reverse change brings it within budget again.
    const back = diffTopologies(analyzeSide(moved, options), analyzeSide(model, options));
    expect(back.findings).toContainEqual(
      expect.objectContaining({kind: 'latencyWithinBudget', service: 'shop-web', before: 4}),
    );
  });

  it('rto findings: a slower health check breaks the web tier’s target, a faster one meets the API’s', async () => {
    const {model, text} = await fixture();
    // web-gslb checks every 40 s: 40 × 3 + 30 = 150 s > 120 s.
    const slower = load(
      text.replace(
        'healthCheck: {type: http, intervalS: 10, threshold: 3}\n    ttlS: 30\n    targets:\n      - {ref: lb-web',
        'healthCheck: {type: http, intervalS: 40, threshold: 3}\n    ttlS: 30\n    targets:\n      - {ref: lb-web',
      ),
    );
    const options = {availabilityOf: availability};
    const worse = diffTopologies(analyzeSide(model, options), analyzeSide(slower, options));
    expect(worse.findings).toContainEqual(
      expect.objectContaining({
        kind: 'rtoExceeded',
        service: 'shop-web',
        before: 60,
        after: 150,
        budget: 120,
      }),
    );
    // api-gslb with a 10 s TTL: 45 + 10 = 55 s ≤ 60 s.
    const faster = load(text.replace('ttlS: 50', 'ttlS: 10'));
    const better = diffTopologies(analyzeSide(model, options), analyzeSide(faster, options));
    expect(better.findings).toContainEqual(
      expect.objectContaining({kind: 'rtoMet', service: 'shop-api', before: 95, after: 55}),
    );
  });

  it('refuses a failure group with an unknown member, where it is written, with a hint', async () => {
    const {text} = await fixture();
    const result = parseTopology(
      text.replace('members: [KR-CA, idc-guro]', 'members: [KR-CA, idc-gur]'),
      'compound.yaml',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const line = text.split('\n').findIndex((l) => l.includes('members: [KR-CA, idc-guro]')) + 1;
    const message = formatLocated(result.errors[0]!);
    expect(message).toContain(`compound.yaml:${line}:`);
    expect(message).toContain('unknown component "idc-gur"');
    expect(message).toContain('idc-guro');
  });
  it('diff names a failure group a group: adding the feed makes it shop-web’s single point', async () => {
    const {model, text} = await fixture();
    const withoutFeed = load(
      text.replace(
        'failureGroups:\n  - {id: feed-a, label: power feed A, members: [KR-CA, idc-guro], availability: 0.9995}\n',
        '',
      ),
    );
    const options = {availabilityOf: availability};
    const before = analyzeSide(withoutFeed, options);
    const after = analyzeSide(model, options);
    const diff = diffTopologies(before, after);
    // Without the feed nothing takes shop-web down alone (see "cuts" above); with it, feed-a does.
    const gained = diff.findings.find((f) => f.kind === 'spofGained' && f.service === 'shop-web');
    expect(gained).toMatchObject({component: 'feed-a', componentKind: 'group'});
    expect(findingText(gained!)).toBe('shop-web now dies with failure group feed-a');
    expect(componentChanges(before, after).added).toEqual([{id: 'feed-a', kind: 'group'}]);
  });

  it('check exits 1 for each broken promise alone: an rto, a latency budget, a cut of two', async () => {
    const {text} = await fixture();
    // Without the feed nothing takes a service down alone (see "cuts" above), so only the
    // promises below decide the exit code.
    const noFeed = text.replace(
      'failureGroups:\n  - {id: feed-a, label: power feed A, members: [KR-CA, idc-guro], availability: 0.9995}\n',
      '',
    );
    const exit = (yaml: string, order = 1) =>
      checkExitCode(checkReport(load(yaml), {order, availabilityOf: availability}));
    // shop-api recovers in 15 × 3 + 50 = 95 s > its 60 s; shop-web's budget breaks with KR-CA down.
    expect(exit(noFeed)).toBe(1);
    // The API's target at 2 m: 95 s meets it; shop-web still goes to 5 ms > 3 ms with KR-CA down.
    const rtoMet = noFeed.replace('rto: 60s', 'rto: 2m');
    expect(exit(rtoMet)).toBe(1);
    // No budget either: every promise kept, no single point: 0 ...
    const kept = rtoMet.replace('{service: shop-db, maxLatencyMs: 3}', '{service: shop-db}');
    expect(exit(kept)).toBe(0);
    // ... until --order 2, where {KR-CA, KR-CB} takes shop-db (and all it serves) down.
    expect(exit(kept, 2)).toBe(1);
  });
});

describe('the fix for a service a failure group takes down alone', () => {
  it('names the group, never "none needed"', async () => {
    const {model} = await fixture();
    const report = checkReport(model, {availabilityOf: availability});
    const web = report.services.find((s) => s.id === 'shop-web')!;
    // feed-a (KR-CA + idc-guro) takes every target of web-gslb: lb-web is in KR-CA, the IDC
    // target is idc-guro. No single component does, so the structural fix alone says "none".
    expect(web.spof).toEqual(['feed-a']);
    expect(web.recommendation).toEqual({id: 'rec.group', params: {group: 'feed-a'}});
    // shop-db survives the feed (db-2 in KR-CB): its fix is not about the group.
    const db = report.services.find((s) => s.id === 'shop-db')!;
    expect(db.recommendation.id).not.toBe('rec.group');
  });
});
