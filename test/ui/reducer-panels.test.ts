import {allRows} from '../../source/ui/tree/visible.js';
import {describe, expect, it} from 'vitest';
import {buildModel} from '../../source/core/build-model.js';
import {topologySchema} from '../../source/core/schema.js';
import {rowsOf} from '../../source/ui/state/navigation.js';
import {apply, at, loadFixture, selectedId, start, walkTo} from './reducer-helpers.js';

describe('the reducer: filter, panels, help', () => {
  it('startFilter, editFilter and applyFilter narrow the rows to matches and their ancestors', () => {
    const typing = apply(start(), {type: 'startFilter'}, {type: 'editFilter', text: 'web'});
    expect(typing.filter).toEqual({text: 'web', editing: true});
    expect(selectedId(typing)).toBe('web-1');
    expect(allRows(rowsOf(typing)).map((row) => row.id)).toEqual([
      'KR-CA',
      'shop-main/KR-CA',
      'web-1',
      'shop-sub/KR-CA',
      'web-2',
      'KR-CB',
      'shop-main/KR-CB',
      'web-3',
      'shop-sub/KR-CB',
      'web-4',
    ]);
    const kept = apply(typing, {type: 'applyFilter'});
    expect(kept.filter).toEqual({text: 'web', editing: false});
  });

  it('applyFilter with no match says so and drops the filter', () => {
    const none = apply(
      start(),
      {type: 'startFilter'},
      {type: 'editFilter', text: 'nope'},
      {type: 'applyFilter'},
    );
    expect(none.filter.text).toBe('');
    expect(none.notice).toMatchObject({id: 'msg.noMatch', params: {text: 'nope'}});
  });

  it('nextMatch walks the matches, wrapping around', () => {
    const filtered = apply(
      start(),
      {type: 'startFilter'},
      {type: 'editFilter', text: 'web'},
      {type: 'applyFilter'},
    );
    const second = apply(filtered, {type: 'nextMatch'});
    expect(selectedId(second)).toBe('web-2');
    expect(second.notice).toMatchObject({id: 'msg.match', params: {i: 2, n: 4}});
    const wrapped = apply(second, {type: 'nextMatch'}, {type: 'nextMatch'}, {type: 'nextMatch'});
    expect(selectedId(wrapped)).toBe('web-1');
    expect(apply(start(), {type: 'nextMatch'}).notice?.id).toBe('msg.noFilter');
  });

  it('previousMatch (N) walks the matches backwards, wrapping around', () => {
    const filtered = apply(
      start(),
      {type: 'startFilter'},
      {type: 'editFilter', text: 'web'},
      {type: 'applyFilter'},
    );
    // web-1, web-2, web-3, web-4 in the zone view; the cursor is on web-1.
    const last = apply(filtered, {type: 'previousMatch'});
    expect(selectedId(last)).toBe('web-4');
    expect(last.notice).toMatchObject({id: 'msg.match', params: {i: 4, n: 4}});
    const back = apply(last, {type: 'previousMatch'});
    expect(selectedId(back)).toBe('web-3');
    expect(selectedId(apply(back, {type: 'nextMatch'}))).toBe('web-4');
  });

  it('the "match 1 of 4" notice goes with the filter; other notices stay', () => {
    const counted = apply(
      start(),
      {type: 'startFilter'},
      {type: 'editFilter', text: 'web'},
      {type: 'applyFilter'},
      {type: 'nextMatch'},
    );
    expect(counted.notice?.id).toBe('msg.match');
    expect(apply(counted, {type: 'cancelFilter'}).notice).toBeUndefined();
    expect(apply(counted, {type: 'closeOverlay'}).notice).toBeUndefined();
    const emptied = apply(
      counted,
      {type: 'startFilter'},
      {type: 'editFilter', text: ''},
      {type: 'applyFilter'},
    );
    expect(emptied.filter.text).toBe('');
    expect(emptied.notice).toBeUndefined();
    const warned = apply(counted, {type: 'notice', notice: {id: 'msg.readOnly', tone: 'warn'}});
    expect(apply(warned, {type: 'cancelFilter'}).notice?.id).toBe('msg.readOnly');
  });

  it('cancelFilter and closeOverlay bring every row back and keep the selection', () => {
    const filtered = apply(
      start(),
      {type: 'startFilter'},
      {type: 'editFilter', text: 'web-3'},
      {type: 'applyFilter'},
    );
    expect(selectedId(filtered)).toBe('web-3');
    const cancelled = apply(filtered, {type: 'cancelFilter'});
    expect(rowsOf(cancelled)).toHaveLength(18);
    expect(selectedId(cancelled)).toBe('web-3');
    expect(apply(filtered, {type: 'closeOverlay'}).filter.text).toBe('');
  });

  it('toggleSweep and toggleAvailability open one list panel at a time; closeOverlay closes it', () => {
    const sweep = apply(start(), {type: 'toggleSweep'});
    expect(sweep.panel).toBe('sweep');
    const availability = apply(sweep, {type: 'toggleAvailability'});
    expect(availability.panel).toBe('availability');
    expect(apply(availability, {type: 'toggleAvailability'}).panel).toBe('impact');
    expect(apply(sweep, {type: 'closeOverlay'}).panel).toBe('impact');
  });

  it('toggleHelp opens and closes help; closeOverlay closes it first', () => {
    const help = apply(start(), {type: 'toggleSweep'}, {type: 'toggleHelp'});
    expect(help.help).toBe(true);
    const closed = apply(help, {type: 'closeOverlay'});
    expect(closed.help).toBe(false);
    expect(closed.panel).toBe('sweep');
    expect(apply(help, {type: 'toggleHelp'}).help).toBe(false);
  });

  it('listMove and listEdge move inside the sweep list; jumpToListItem shows it in the tree', () => {
    const sweep = apply(start(), {type: 'toggleSweep'});
    expect(apply(sweep, {type: 'listMove', by: -1}).list.index).toBe(0);
    const spof = apply(sweep, {type: 'listMove', by: 1});
    expect(spof.list.index).toBe(1);
    const last = apply(sweep, {type: 'listEdge', to: 'last'});
    // 26 lines of services, SPOFs and weak points, and the first 12 of shop-web's 18 pairs.
    expect(last.list.index).toBe(38 - 1);
    expect(last.list.top).toBe(38 - 14);
    // Line 1 is the first SPOF of shop-web: zone KR-CA.
    const jumped = apply(
      walkTo(start(), 'web-4'),
      {type: 'toggleSweep'},
      {type: 'listMove', by: 1},
      {type: 'jumpToListItem'},
    );
    expect(jumped.panel).toBe('impact');
    expect(selectedId(jumped)).toBe('KR-CA');
  });
});

describe('the reducer: live updates and messages', () => {
  it('liveObserved replaces what live sources see and keeps the simulation apart', () => {
    const failed = apply(start(), {type: 'failSelected', at});
    const live = apply(failed, {
      type: 'liveObserved',
      observed: new Map([['web-4', 'probe failed']]),
    });
    expect([...live.failure.observed]).toEqual([['web-4', 'probe failed']]);
    expect([...live.failure.simulated]).toEqual(['KR-CA']);
  });

  it('liveModel keeps the selection, the folds and the simulated failures that still exist', () => {
    const model = loadFixture();
    let state = apply(start(), {type: 'select', id: 'KR-M2'}, {type: 'fold'});
    state = apply(
      state,
      {type: 'select', id: 'KR-CA'},
      {type: 'failSelected', at},
      {type: 'select', id: 'web-4'},
    );
    const topology = {...model.topology, vms: model.topology.vms.filter((vm) => vm.id !== 'web-1')};
    topology.loadBalancers = topology.loadBalancers.map((lb) => ({
      ...lb,
      members: lb.members.filter((m) => m !== 'web-1'),
    }));
    const built = buildModel(topologySchema.parse(topology));
    if (!built.ok) throw new Error(built.errors[0]!.message);
    const reloaded = apply(state, {type: 'liveModel', model: built.model});
    expect(reloaded.model).toBe(built.model);
    expect(selectedId(reloaded)).toBe('web-4');
    expect(reloaded.folded.has('zone,KR-M2')).toBe(true);
    expect([...reloaded.failure.simulated]).toEqual(['KR-CA']);
    expect(allRows(rowsOf(reloaded)).some((row) => row.id === 'web-1')).toBe(false);
    expect(reloaded.notice?.id).toBe('msg.reloaded');
  });

  it('liveModel falls back to the same component when its row moved', () => {
    const state = walkTo(start(), 'web-2');
    const reloaded = apply(state, {type: 'liveModel', model: loadFixture()});
    expect(selectedId(reloaded)).toBe('web-2');
  });

  it('liveError and notice set the message line; load replaces the state', () => {
    expect(apply(start(), {type: 'liveError', message: 'bad yaml'}).notice).toMatchObject({
      id: 'msg.liveError',
      tone: 'error',
      params: {message: 'bad yaml'},
    });
    const noticed = apply(start(), {type: 'notice', notice: {id: 'msg.readOnly', tone: 'warn'}});
    expect(noticed.notice?.id).toBe('msg.readOnly');
    const other = start({view: 'service'});
    expect(apply(start(), {type: 'load', state: other})).toBe(other);
  });
});
