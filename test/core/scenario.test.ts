import {describe, expect, it} from 'vitest';
import {windowsOf} from '../../source/core/countdown.js';
import {parseTopology} from '../../source/core/load.js';
import {runScenario} from '../../source/core/scenario.js';
import {shopTopology} from '../support/shop-topology.js';
import {apply, loadFixture, start, walkTo} from '../ui/reducer-helpers.js';

/**
 * The demo: shop-db behind db-gslb (failover; tcp checks every 5 s, 3 failures; TTL 10 s) over
 * db-1 in KR-CA and the standby db-2 in KR-CB.
 */
const model = loadFixture();

function promoted(result: ReturnType<typeof runScenario>): string[] {
  if (!result.ok) throw new Error(`refused: ${result.reason.id}`);
  return result.failovers.flatMap(({done}) => (done.kind === 'promote' ? done.promoted : []));
}

describe('a failover from the shell is the dashboard’s o', () => {
  it('on the service, its GSLB or the standby itself: each promotes db-2 and serves the same', () => {
    const served = (id: string) => {
      const result = runScenario(model, ['KR-CA'], [id]);
      expect(promoted(result)).toEqual(['db-2']);
      return result.ok ? Object.fromEntries(result.after.evaluation.served) : {};
    };
    // shop-db 1000 again on db-2; shop-web 500 (lb-cb's two 250-user VMs), shop-admin 50.
    expect(served('db-2')).toEqual({'shop-web': 500, 'shop-db': 1000, 'shop-admin': 50});
    expect(served('shop-db')).toEqual(served('db-2'));
    expect(served('db-gslb')).toEqual(served('db-2'));
  });

  it('times db-gslb’s move as the dashboard’s countdown does: 5 s × 3 + TTL 10 s = 25 s', () => {
    const result = runScenario(model, ['KR-CA'], ['db-2']);
    if (!result.ok) throw new Error('refused');
    const window = result.windows.find((w) => w.gslb === 'db-gslb');
    expect(window).toMatchObject({detectS: 15, totalS: 25, servedAfter: 1000});

    // The dashboard: x on KR-CA at t = 1 s, o on db-2 at t = 2 s.
    let state = walkTo(start({model}), 'KR-CA');
    state = apply(state, {type: 'failSelected', at: 1000});
    state = apply(walkTo(state, 'db-2'), {type: 'failover', at: 2000});
    const dashboard = windowsOf(model, state.failure).find((w) => w.gslb === 'db-gslb');
    expect(dashboard).toMatchObject({detectS: 15, totalS: 25, startedAt: 2000, endsAt: 27_000});
  });

  it('a GSLB moved by hand waits only its TTL: the default 30 s, no detection', () => {
    // shopTopology: shop-gslb (failover, default TTL 30 s) over lb-ca (priority 1) and lb-cb
    // (priority 2), two 500-user VMs each. web-a1 down leaves lb-ca healthy at 500 of 1000;
    // forcing lb-cb serves 1000. The operator's move skips detection: 0 s + 30 s.
    const loaded = parseTopology(shopTopology(), 'shop.yaml');
    if (!loaded.ok) throw new Error(loaded.errors.map((error) => error.message).join('\n'));
    const shop = loaded.model;
    const result = runScenario(shop, ['web-a1'], ['shop-gslb']);
    if (!result.ok) throw new Error(`refused: ${result.reason.id}`);
    expect(result.after.evaluation.served.get('shop-web')).toBe(1000);
    expect(result.windows).toMatchObject([{gslb: 'shop-gslb', detectS: 0, totalS: 30}]);
  });

  it('refuses as o does, naming the step', () => {
    const result = runScenario(model, [], ['db-gslb']);
    expect(result).toMatchObject({ok: false, failover: 'db-gslb'});
  });
});
