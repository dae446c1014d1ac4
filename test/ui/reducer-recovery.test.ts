import {describe, expect, it} from 'vitest';
import {whatIf} from '../../source/core/what-if.js';
import {scopesOf} from '../../source/ui/keys/key-actions.js';
import {messageOf} from '../../source/ui/components/message.js';
import {apply, at, start} from './reducer-helpers.js';

describe('the reducer: recovery and what it says', () => {
  it('in live mode every simulated action says the cloud was not changed', () => {
    const live = start({live: true});
    const failed = apply(live, {type: 'failSelected', at});
    expect(messageOf(failed, 'en', []).text).toBe(
      'simulated failure of zone KR-CA: 7 components down (simulated: nothing changed in the cloud)',
    );
    expect(messageOf(failed, 'ko', []).text).toContain('(모의: 클라우드는 바뀌지 않음)');
    const promoted = apply(failed, {type: 'select', id: 'shop-db'}, {type: 'failover', at});
    expect(messageOf(promoted, 'en', []).text).toBe(
      'failover: promote db-2; now shop-web 500, shop-db 1000 (simulated: nothing changed in the cloud)',
    );
    // Without a live source there is no cloud to speak of.
    const plain = apply(start(), {type: 'failSelected', at});
    expect(messageOf(plain, 'en', []).text).not.toContain('cloud');
  });

  it('a failover that changes no service says so, in English and Korean', () => {
    // Nothing failed: promoting db-2 adds a target to db-gslb but no service serves more.
    const promoted = apply(start(), {type: 'select', id: 'shop-db'}, {type: 'failover', at});
    expect([...promoted.failure.promoted]).toEqual(['db-2']);
    expect(messageOf(promoted, 'en', []).text).toBe('failover: promote db-2; no service changes');
    expect(messageOf(promoted, 'ko', []).text).toBe('페일오버: db-2 승격; 서비스 변화 없음');
  });

  it('a GSLB that finishes moving traffic is said once, as a notice and an audit line', () => {
    const failed = apply(start({at}), {type: 'failSelected', at});
    // db-gslb has no target left; shop-gslb moves after detection (30 s) and the TTL (30 s).
    expect(apply(failed, {type: 'tick', at: at + 59_000})).toBe(failed);
    const moved = apply(failed, {type: 'tick', at: at + 61_000});
    expect(moved.notice).toMatchObject({
      id: 'msg.moved',
      params: {gslb: 'shop-gslb', after: '500'},
    });
    const said = {
      action: 'moved',
      ids: ['shop-gslb'],
      description: 'shop-gslb moved shop-web: 500 served',
    };
    // The state did not change: the line is the move alone, no analysis after it.
    expect(moved.journal).toEqual({
      seq: failed.journal.seq + 1,
      last: said,
      records: [{...said, simulated: true}],
    });
    const later = apply(moved, {type: 'tick', at: at + 120_000});
    expect(later).toBe(moved);
  });

  it('a held failover preview takes y to apply and Esc to drop; the keys go to it alone', () => {
    const failed = apply(start(), {type: 'failSelected', at});
    const answer = whatIf(failed.model, failed.failure, {type: 'failover', id: 'db-2'});
    if (!answer.ok) throw new Error('db-2 cannot be promoted');
    const held = {...failed, pending: {id: 'db-2', whatIf: answer.whatIf}};
    expect(scopesOf(held)).toEqual(['confirm']);
    const done = apply(held, {type: 'confirmPending', at});
    expect(done.pending).toBeUndefined();
    expect([...done.failure.promoted]).toEqual(['db-2']);
    expect(done.journal.last).toEqual({
      action: 'failover',
      ids: ['db-2'],
      description: 'promoted db-2',
    });
    const dropped = apply(held, {type: 'cancelPending'});
    expect(dropped.pending).toBeUndefined();
    expect(dropped.failure).toBe(failed.failure);
    expect(dropped.notice?.id).toBe('msg.failoverCancelled');
  });

  it('p lists the plan; Enter on an entry fails over as o does', () => {
    const failed = apply(start(), {type: 'failSelected', at}, {type: 'togglePlan'});
    expect(failed.panel).toBe('plan');
    const applied = apply(failed, {type: 'jumpToListItem', at});
    expect([...applied.failure.promoted]).toEqual(['db-2']);
    expect(applied.notice).toMatchObject({id: 'msg.failoverDone'});
  });
});
