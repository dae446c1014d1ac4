import {readFile} from 'node:fs/promises';
import {describe, expect, it} from 'vitest';
import {snapshot} from '../../source/core/analyze.js';
import {dependencyLatencies, latencyChanges, reversed} from '../../source/core/latency.js';
import {formatLocated, parseTopology} from '../../source/core/load.js';
import type {Model} from '../../source/core/model.js';
import {runScenario} from '../../source/core/scenario.js';
import {emptyState, withSimulated} from '../../source/core/state.js';
import {whatIf} from '../../source/core/what-if.js';

/**
 * fixtures/compound-failover.yaml, derived by hand. The pieces:
 * - shop-web (1000, minimum 500) behind web-gslb, failover: lb-web in KR-CA (web-1 + web-2, 500
 *   each) at priority 1, the IDC idc-guro (600) at priority 2; it depends on shop-db with a 3 ms
 *   budget.
 * - shop-db (1000, DOWN only at 0) behind db-gslb, failover: lb-db-ca (db-1, KR-CA, 1000) at
 *   priority 1, lb-db-cb (db-2, KR-CB, 1000, a standby: serves only once promoted) at priority 2.
 * - latency: KR-CA–KR-CB 4 ms, KR-CA–idc-guro 4 ms, KR-CB–idc-guro 5 ms.
 */

async function fixture(): Promise<Model> {
  const url = new URL('../../fixtures/compound-failover.yaml', import.meta.url);
  const result = parseTopology(await readFile(url, 'utf8'), 'compound-failover.yaml');
  if (!result.ok) throw new Error(result.errors.map(formatLocated).join('\n'));
  return result.model;
}

describe('fixtures/compound-failover.yaml', () => {
  it('KR-CA alone: shop-db has no target left, so both are DOWN and no round trip is told', async () => {
    const model = await fixture();
    const result = runScenario(model, ['KR-CA']);
    if (!result.ok) throw new Error(result.reason.id);
    // db-1 is gone with its zone and db-2 serves nothing until promoted: shop-db 0, DOWN;
    // shop-web gets the IDC's 600 from web-gslb, scaled by shop-db's served share 0/1000 = 0.
    expect(result.after.evaluation.served.get('shop-db')).toBe(0);
    expect(result.after.evaluation.served.get('shop-web')).toBe(0);
    // shop-db is served from nowhere: a dependency on a DOWN service has no round trip to tell.
    expect(latencyChanges(model, result.before, result.after)).toEqual([]);
    // The dashboard tells the same from the other side (what restoring KR-CA would do, reversed).
    const back = whatIf(model, result.state, {type: 'restore', ids: ['KR-CA']});
    if (!back.ok) throw new Error('restore refused');
    expect(back.whatIf.latency()).toHaveLength(1);
    expect(reversed(back.whatIf.latency())).toEqual([]);
  });

  it('KR-CA, then the failover of shop-db: db-2 promoted in KR-CB, shop-web 600 and SLOW at 5 ms', async () => {
    const model = await fixture();
    for (const id of ['shop-db', 'db-gslb', 'lb-db-cb', 'db-2']) {
      const result = runScenario(model, ['KR-CA'], [id]);
      if (!result.ok) throw new Error(`${id}: ${result.reason.id}`);
      expect(
        result.failovers.map((f) => f.done.kind),
        id,
      ).toEqual(['promote']);
      expect([...result.state.promoted], id).toEqual(['db-2']);
      // shop-db: db-2's 1000 through lb-db-cb, all of 1000: OK. shop-web: the IDC's 600 of
      // 1000 (≥ minimum 500: DEGRADED) × shop-db's 1000/1000 = 600.
      expect(result.after.evaluation.served.get('shop-db'), id).toBe(1000);
      expect(result.after.evaluation.served.get('shop-web'), id).toBe(600);
      // Before: web in KR-CA, db in KR-CA: 0 ms. After: web in idc-guro, db in KR-CB: 5 ms,
      // over the 3 ms budget.
      const moved = latencyChanges(model, result.before, result.after);
      expect(moved).toHaveLength(1);
      const [change] = moved;
      expect(change!.before.ms).toBe(0);
      expect(change!.after).toMatchObject({
        service: 'shop-web',
        dependency: 'shop-db',
        ms: 5,
        budgetMs: 3,
        slow: true,
      });
      expect([...change!.after.from]).toEqual([['idc-guro', 1]]);
      expect([...change!.after.to]).toEqual([['KR-CB', 1]]);
    }
  });

  it('with nothing failed, the standby serves nothing and the round trip is 0 ms', async () => {
    const model = await fixture();
    const now = snapshot(model, emptyState);
    expect(dependencyLatencies(model, now)).toMatchObject([{ms: 0, slow: false}]);
    // KR-CB alone takes only the unpromoted standby: nothing served changes, nothing moves.
    const cb = snapshot(model, withSimulated(emptyState, ['KR-CB']));
    expect(cb.evaluation.served.get('shop-web')).toBe(1000);
    expect(latencyChanges(model, now, cb)).toEqual([]);
  });
});
