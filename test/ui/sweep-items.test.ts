import {describe, expect, it} from 'vitest';
import {emptyState, withSimulated} from '../../source/core/state.js';
import {analyze} from '../../source/ui/analysis/analysis.js';
import {sweepItems} from '../../source/ui/analysis/sweep-items.js';
import {sayCore} from '../../source/i18n/i18n.js';
import {loadFixture} from './reducer-helpers.js';

describe('the sweep panel from the current state', () => {
  const model = loadFixture();
  const failed = analyze(model, withSimulated(emptyState, ['KR-CA']));
  const services = sweepItems(failed).filter((item) => item.type === 'service');

  it('a service down now is told to recover first, never "zone zone takes it down"', () => {
    const web = services.find((item) => item.id === 'shop-web')!;
    expect(web.status).toBe('DOWN');
    expect(web.recommendation).toEqual({id: 'rec.downNow', params: {service: 'shop-web'}});
    for (const item of services)
      expect(sayCore('en', item.recommendation)).not.toMatch(/zone zone/);
  });

  it('says its fix in Korean under --lang ko', () => {
    const nothing = sweepItems(analyze(model, emptyState)).find(
      (item) => item.type === 'service' && item.id === 'shop-web',
    );
    if (nothing?.type !== 'service') throw new Error('no shop-web');
    // Nothing failed: the fix is in shop-db, whose standby must be promoted on a KR-CA failure.
    expect(sayCore('en', nothing.recommendation)).toBe(
      'in its dependency shop-db: zone KR-CA takes it down until standby db-2 is promoted: make db-2 active or promote it on failure (o)',
    );
    expect(sayCore('ko', nothing.recommendation)).toBe(
      '의존 서비스 shop-db: 존 KR-CA 장애 시 대기 db-2 승격 전까지 중단: 대기 db-2 활성으로 두기, 또는 장애 시 승격(o)',
    );
  });
});
