import {describe, expect, it} from 'vitest';
import {countdownsAt, windowsOf} from '../../source/core/countdown.js';
import {analyze} from '../../source/ui/analysis/analysis.js';
import {apply, at, selectedId, start, walkTo} from './reducer-helpers.js';

const statusOf = (state: ReturnType<typeof start>, service: string) =>
  analyze(state.model, state.failure, state.includeGslb).snapshot.status.get(service);

describe('the reducer: failing, restoring, undoing, failing over', () => {
  it('failSelected simulates the selection, records it for undo and the audit journal', () => {
    const failed = apply(start(), {type: 'failSelected', at});
    expect([...failed.failure.simulated]).toEqual(['KR-CA']);
    expect(failed.failure.observed.size).toBe(0);
    expect(failed.undo).toHaveLength(1);
    expect(failed.journal).toMatchObject({seq: 1, last: {action: 'fail', ids: ['KR-CA']}});
    // Written as simulated (the cloud did not change), then the analysis of the state it made.
    expect(failed.journal.records?.[0]).toEqual({action: 'fail', ids: ['KR-CA'], simulated: true});
    expect(failed.journal.records?.[1]).toMatchObject({
      event: 'analysis',
      simulated: true,
      changed: ['KR-CA'],
      changedCount: 1,
    });
    expect(failed.notice).toMatchObject({id: 'msg.failed', params: {id: 'KR-CA', n: 7}});
    expect(statusOf(failed, 'shop-web')).toBe('DOWN');
    expect(statusOf(failed, 'shop-db')).toBe('DOWN');
    expect(statusOf(failed, 'shop-admin')).toBe('OK');
  });

  it('failSelected stamps the failure with the time of the action; its windows follow from it', () => {
    const failed = apply(start(), {type: 'failSelected', at});
    expect([...failed.failure.since!]).toEqual([['sim:KR-CA', at]]);
    const windows = windowsOf(failed.model, failed.failure);
    expect(windows.map((w) => [w.gslb, w.detectS, w.totalS, w.startedAt])).toEqual([
      ['shop-gslb', 30, 60, at],
      ['db-gslb', 15, 25, at],
    ]);
    // Restoring ends them at once: no window without its failure.
    const restored = apply(failed, {type: 'restoreSelected', at: at + 5000});
    expect(restored.failure.since!.size).toBe(0);
    expect(windowsOf(restored.model, restored.failure)).toEqual([]);
    expect(countdownsAt(restored.model, restored.failure, at + 6000)).toEqual([]);
  });

  it('failSelected refuses on a service, and twice (read-only is the keymap’s: key-outcome.test)', () => {
    const service = apply(start({view: 'service'}), {type: 'failSelected', at});
    expect(service.notice?.id).toBe('msg.notFailable.service');
    const twice = apply(start(), {type: 'failSelected', at}, {type: 'failSelected', at});
    expect(twice.notice?.id).toBe('msg.alreadyFailed');
    expect(twice.journal.seq).toBe(1);
  });

  it('restoreSelected restores the selection, or the simulated failure it went down with', () => {
    const failed = apply(start(), {type: 'failSelected', at});
    const restored = apply(failed, {type: 'restoreSelected', at});
    expect(restored.failure.simulated.size).toBe(0);
    expect(restored.journal.last).toEqual({action: 'restore', ids: ['KR-CA']});
    const viaChild = apply(walkTo(failed, 'web-1'), {type: 'restoreSelected', at});
    expect(viaChild.failure.simulated.size).toBe(0);
    expect(viaChild.notice).toMatchObject({
      id: 'msg.restoredCause',
      params: {id: 'KR-CA', of: 'web-1'},
    });
  });

  it('restoreSelected leaves observed failures alone and says why', () => {
    const live = apply(start(), {type: 'liveObserved', observed: new Map([['KR-CA', 'power']])});
    const refused = apply(live, {type: 'restoreSelected', at});
    expect(refused.failure.observed.get('KR-CA')).toBe('power');
    expect(refused.notice?.id).toBe('msg.observed');
    expect(apply(start(), {type: 'restoreSelected', at}).notice?.id).toBe('msg.notSimulated');
  });

  it('restoreAll clears simulated failures and failovers, keeps what was observed', () => {
    let state = apply(start(), {type: 'liveObserved', observed: new Map([['web-4', 'probe']])});
    state = apply(
      state,
      {type: 'failSelected', at},
      {type: 'select', id: 'shop-db'},
      {type: 'failover', at},
    );
    expect(state.failure.promoted.has('db-2')).toBe(true);
    const restored = apply(state, {type: 'restoreAll', at});
    expect(restored.failure.simulated.size).toBe(0);
    expect(restored.failure.promoted.size).toBe(0);
    expect([...restored.failure.observed.keys()]).toEqual(['web-4']);
    expect(restored.journal.last).toEqual({action: 'restore-all', ids: ['KR-CA']});
    expect(apply(restored, {type: 'restoreAll', at}).notice?.id).toBe('msg.nothingSimulated');
  });

  it('undo steps back one action at a time and is journaled', () => {
    const failed = apply(
      start(),
      {type: 'failSelected', at},
      {type: 'select', id: 'shop-db'},
      {type: 'failover', at},
    );
    expect(statusOf(failed, 'shop-web')).toBe('DEGRADED');
    const once = apply(failed, {type: 'undo', at});
    expect(once.failure.promoted.size).toBe(0);
    expect(once.failure.simulated.has('KR-CA')).toBe(true);
    expect(statusOf(once, 'shop-web')).toBe('DOWN');
    expect(once.journal.last).toMatchObject({action: 'undo', ids: ['shop-db']});
    const twice = apply(once, {type: 'undo', at});
    expect(twice.failure.simulated.size).toBe(0);
    expect(apply(twice, {type: 'undo', at}).notice?.id).toBe('msg.nothingToUndo');
  });

  it('failover on a service promotes its standby; on a GSLB moves traffic; on a zone is refused', () => {
    const failed = apply(start(), {type: 'failSelected', at});
    const promoted = apply(failed, {type: 'select', id: 'shop-db'}, {type: 'failover', at});
    expect([...promoted.failure.promoted]).toEqual(['db-2']);
    expect(promoted.journal.last).toEqual({
      action: 'failover',
      ids: ['shop-db'],
      description: 'promoted db-2',
    });
    expect(statusOf(promoted, 'shop-db')).toBe('OK');
    // All up, shop-gslb splits over lb-ca and lb-cb: no single target serves more.
    const kept = apply(start(), {type: 'select', id: 'shop-gslb'}, {type: 'failover', at});
    expect(kept.failure.forced.size).toBe(0);
    expect(kept.notice).toMatchObject({
      id: 'msg.failoverRefused',
      core: {id: 'failover.alreadyBest', params: {gslb: 'shop-gslb', target: 'lb-ca, lb-cb'}},
    });
    // With KR-CA failed and db-2 promoted, lb-cb is the best healthy target: o keeps it.
    const best = apply(promoted, {type: 'select', id: 'shop-gslb'}, {type: 'failover', at});
    expect(best.failure.forced.size).toBe(0);
    expect(best.notice?.core).toEqual({
      id: 'failover.alreadyBest',
      params: {gslb: 'shop-gslb', target: 'lb-cb'},
    });
    const zone = apply(start(), {type: 'failover', at});
    expect(zone.notice?.id).toBe('msg.failoverRefused');
    expect(selectedId(zone)).toBe('KR-CA');
  });

  it('a GSLB fails only with --include-gslb', () => {
    const plain = apply(start(), {type: 'select', id: 'shop-gslb'}, {type: 'failSelected', at});
    expect(plain.notice?.id).toBe('msg.notFailable.gslb');
    const included = apply(
      start({includeGslb: true}),
      {type: 'select', id: 'shop-gslb'},
      {type: 'failSelected', at},
    );
    expect([...included.failure.simulated]).toEqual(['shop-gslb']);
    expect(statusOf(included, 'shop-web')).toBe('DOWN');
  });
});
