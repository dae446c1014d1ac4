import {describe, expect, it} from 'vitest';
import {scopesOf} from '../../source/ui/keys/key-actions.js';
import {rowsOf} from '../../source/ui/state/navigation.js';
import type {DashboardAction, DashboardState} from '../../source/ui/state/types.js';
import {allRows} from '../../source/ui/tree/visible.js';
import {apply, selectedId, start, walkTo} from './reducer-helpers.js';

const ids = (state: DashboardState) => allRows(rowsOf(state)).map((row) => row.id);
const simulated = (...failed: string[]) =>
  start({
    failure: {
      observed: new Map(),
      simulated: new Set(failed),
      promoted: new Set(),
      forced: new Map(),
    },
  });
const observe = (
  observed: Array<[string, string]>,
  unknown: string[] = [],
  source = 'probe',
  at = 1000,
): DashboardAction => ({
  type: 'liveSource',
  update: {type: 'observed', source, observed: new Map(observed), unknown: new Set(unknown), at},
});
const cycle: DashboardAction = {type: 'setStateFilter'};

describe('the state filter', () => {
  it('f cycles all → down → unknown/degraded → all, each showing its rows and their ancestors', () => {
    // KR-CA simulated down takes its routers, VMs and LB with it (demo: 1 zone + 2 routers
    // + 3 VMs + 1 LB = 7 rows); web-3 is unknown to a live source.
    const state = apply(simulated('KR-CA'), observe([], ['web-3']));
    const down = apply(state, cycle);
    expect(down.stateFilter).toBe('down');
    expect(ids(down)).toEqual([
      'KR-CA',
      'shop-main/KR-CA',
      'web-1',
      'db-1',
      'shop-sub/KR-CA',
      'web-2',
      'lb-ca',
    ]);
    expect(rowsOf(down).matches).toHaveLength(7);
    expect(down.notice).toMatchObject({id: 'msg.filterDown', params: {n: 7}});
    const unsure = apply(down, cycle);
    expect(unsure.stateFilter).toBe('unsure');
    // web-3 matches; KR-CB and its router are shown only as its ancestors.
    expect(ids(unsure)).toEqual(['KR-CB', 'shop-main/KR-CB', 'web-3']);
    expect(rowsOf(unsure).matches).toEqual([2]);
    const all = apply(unsure, cycle);
    expect(all.stateFilter).toBe('all');
    expect(ids(all)).toHaveLength(18);
  });

  it('in the service view, a service down or degraded is kept by the core status', () => {
    // Simulated KR-CA: shop-web and shop-db serve nothing (DOWN), shop-admin is untouched.
    const state = apply(simulated('KR-CA'), {type: 'switchView', view: 'service'});
    const down = apply(state, {type: 'setStateFilter', filter: 'down'});
    const rows = allRows(rowsOf(down));
    const matched = rowsOf(down).matches.map((index) => rows[index]!.id);
    expect(matched).toContain('shop-web');
    expect(matched).toContain('shop-db');
    expect(matched).not.toContain('shop-admin');
    // Every row is down itself or an ancestor of a row that is.
    for (const [index, row] of rows.entries())
      if (!rowsOf(down).matches.includes(index))
        expect(rows.some((other) => other.key.startsWith(`${row.key},`))).toBe(true);
  });

  it('nothing down: f says so and shows no rows; f again brings them back', () => {
    const down = apply(start(), cycle);
    expect(down.notice).toMatchObject({id: 'msg.noneDown'});
    expect(rowsOf(down).length).toBe(0);
    expect(ids(apply(down, cycle, cycle))).toHaveLength(18);
  });

  it('keeps the selection when it is shown, else the row at its place; folds survive', () => {
    const folded = apply(walkTo(simulated('web-1', 'lb-cb'), 'KR-CB'), {type: 'fold'});
    expect(folded.folded.has('zone,KR-CB')).toBe(true);
    const onWeb = walkTo(folded, 'web-1');
    expect(selectedId(apply(onWeb, cycle))).toBe('web-1');
    // The filter ignores folds so a down row is never hidden; the fold is kept for later.
    const filtered = apply(folded, {type: 'setStateFilter', filter: 'down'});
    expect(ids(filtered)).toEqual(['KR-CA', 'shop-main/KR-CA', 'web-1', 'KR-CB', 'lb-cb']);
    expect(selectedId(filtered)).toBeDefined();
    const back = apply(filtered, {type: 'setStateFilter', filter: 'all'});
    expect(back.folded.has('zone,KR-CB')).toBe(true);
    expect(ids(back)).not.toContain('web-3');
  });

  it('follows live updates: new down rows appear, the selection stays on its row', () => {
    const state = apply(walkTo(start(), 'KR-CB'), observe([['web-3', 'refused']]), cycle);
    expect(ids(state)).toEqual(['KR-CB', 'shop-main/KR-CB', 'web-3']);
    const onWeb3 = apply(state, {type: 'last'});
    expect(selectedId(onWeb3)).toBe('web-3');
    const more = apply(
      onWeb3,
      observe(
        [
          ['web-3', 'refused'],
          ['web-1', 'refused'],
        ],
        [],
        'probe',
        2000,
      ),
    );
    expect(ids(more)).toEqual([
      'KR-CA',
      'shop-main/KR-CA',
      'web-1',
      'KR-CB',
      'shop-main/KR-CB',
      'web-3',
    ]);
    expect(selectedId(more)).toBe('web-3');
    // web-3 comes back up: its row goes; the cursor takes the row at its place, never nothing.
    const up = apply(more, observe([['web-1', 'refused']], [], 'probe', 3000));
    expect(ids(up)).toEqual(['KR-CA', 'shop-main/KR-CA', 'web-1']);
    expect(selectedId(up)).toBe('web-1');
  });

  it('combines with the text filter: both must match', () => {
    const state = apply(
      simulated('KR-CA'),
      {type: 'editFilter', text: 'web'},
      {type: 'applyFilter'},
    );
    const both = apply(state, {type: 'setStateFilter', filter: 'down'});
    const rows = allRows(rowsOf(both));
    expect(rowsOf(both).matches.map((index) => rows[index]!.id)).toEqual(['web-1', 'web-2']);
  });
});

describe('] and [: the next and previous down row', () => {
  // Down in the zone view, in tree order: web-1 (under KR-CA), lb-cb (under KR-CB).
  const state = simulated('web-1', 'lb-cb');

  it('moves forward and back in tree order, wrapping and saying so', () => {
    const first = apply(state, {type: 'nextDown'});
    expect(selectedId(first)).toBe('web-1');
    expect(first.notice).toMatchObject({id: 'msg.downRow', params: {i: 1, n: 2}});
    const second = apply(first, {type: 'nextDown'});
    expect(selectedId(second)).toBe('lb-cb');
    expect(second.notice).toMatchObject({id: 'msg.downRow', params: {i: 2, n: 2}});
    const wrapped = apply(second, {type: 'nextDown'});
    expect(selectedId(wrapped)).toBe('web-1');
    expect(wrapped.notice).toMatchObject({id: 'msg.downRowWrapped', params: {i: 1, n: 2}});
    const back = apply(first, {type: 'previousDown'});
    expect(selectedId(back)).toBe('lb-cb');
    expect(back.notice).toMatchObject({id: 'msg.downRowWrapped', params: {i: 2, n: 2}});
  });

  it('from a row that is not down, goes to the nearest one on that side', () => {
    const onKrCb = walkTo(state, 'KR-CB');
    expect(selectedId(apply(onKrCb, {type: 'nextDown'}))).toBe('lb-cb');
    expect(selectedId(apply(onKrCb, {type: 'previousDown'}))).toBe('web-1');
  });

  it('unfolds a down row hidden in a fold', () => {
    const folded = apply(walkTo(state, 'KR-CB'), {type: 'fold'}, {type: 'first'});
    const moved = apply(folded, {type: 'nextDown'}, {type: 'nextDown'});
    expect(selectedId(moved)).toBe('lb-cb');
    expect(moved.folded.has('zone,KR-CB')).toBe(false);
  });

  it('under the unknown/degraded filter they jump between those rows; with none, say so', () => {
    const unsure = apply(state, observe([], ['web-3', 'web-4']), {
      type: 'setStateFilter',
      filter: 'unsure',
    });
    // Unknown: web-3 and web-4. Degraded: lb-ca, which carries 250 of its 500 with web-1 down
    // (lb-cb is down itself). In tree order: lb-ca (under KR-CA), web-3, web-4 (under KR-CB).
    const rows = allRows(rowsOf(unsure));
    expect(rowsOf(unsure).matches.map((index) => rows[index]!.id)).toEqual([
      'lb-ca',
      'web-3',
      'web-4',
    ]);
    const a = apply(unsure, {type: 'first'}, {type: 'nextDown'});
    expect(selectedId(a)).toBe('lb-ca');
    expect(a.notice).toMatchObject({id: 'msg.unsureRow', params: {i: 1, n: 3}});
    expect(selectedId(apply(a, {type: 'nextDown'}))).toBe('web-3');
    expect(selectedId(apply(a, {type: 'nextDown'}, {type: 'nextDown'}))).toBe('web-4');
    expect(apply(start(), {type: 'nextDown'}).notice).toMatchObject({id: 'msg.noneDown'});
  });
});

describe('events: Enter shows the component, → reads the entry whole', () => {
  const withEvents = () =>
    apply(
      start(),
      observe([['web-3', 'up == 0']], [], 'prometheus', 1000),
      observe([['web-3', 'connect refused']], [], 'probe', 2000),
    );

  it('one line per component change, with every source’s reason', () => {
    const state = withEvents();
    expect(state.sources.history).toEqual([
      {
        id: 'web-3',
        state: 'down',
        at: 1000,
        reason: 'prometheus: up == 0; probe: connect refused',
        reasons: ['prometheus: up == 0', 'probe: connect refused'],
      },
    ]);
  });

  it('Enter selects the component in the tree, which takes the keys; the list stays open', () => {
    const opened = apply(walkTo(withEvents(), 'KR-CA'), {type: 'fold'}, {type: 'toggleEvents'});
    expect(scopesOf(opened)).toEqual(['list']);
    const jumped = apply(opened, {type: 'jumpToListItem', at: 3000});
    expect(selectedId(jumped)).toBe('web-3');
    expect(jumped.focus).toBe('tree');
    expect(jumped.panel).toBe('events');
  });

  it('a state filter that hides the component is turned off to show it', () => {
    const hidden = apply(withEvents(), observe([], ['web-1'], 'cloud'), {
      type: 'setStateFilter',
      filter: 'unsure',
    });
    expect(ids(hidden)).not.toContain('web-3');
    const jumped = apply(
      hidden,
      {type: 'toggleEvents'},
      {type: 'listEdge', to: 'last'},
      {
        type: 'jumpToListItem',
        at: 3000,
      },
    );
    expect(selectedId(jumped)).toBe('web-3');
    expect(jumped.stateFilter).toBe('all');
  });

  it('→ opens the detail, which scrolls; ← or Esc goes back to the list', () => {
    const opened = apply(withEvents(), {type: 'toggleEvents'}, {type: 'openDetail'});
    expect(opened.detail).toBe(true);
    expect(scopesOf(opened)).toEqual(['detail']);
    const scrolled = apply(opened, {type: 'scrollPanel', by: 3, length: 40});
    expect(scrolled.panelTop).toBe(3);
    const closed = apply(scrolled, {type: 'closeOverlay'});
    expect(closed.detail).toBe(false);
    expect(closed.panel).toBe('events');
    expect(apply(opened, {type: 'closeDetail'}).detail).toBe(false);
    // The impact panel is no list: nothing to open.
    expect(apply(start(), {type: 'openDetail'}).detail).toBe(false);
  });
});
