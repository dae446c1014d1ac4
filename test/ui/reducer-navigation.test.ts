import {allRows} from '../../source/ui/tree/visible.js';
import {describe, expect, it} from 'vitest';
import {cursorOf, rowsOf} from '../../source/ui/state/navigation.js';
import {apply, selectedId, start, walkTo} from './reducer-helpers.js';

const ids = (state: ReturnType<typeof start>) => allRows(rowsOf(state)).map((row) => row.id);

describe('the reducer: moving around', () => {
  it('starts on the first zone of the zone view, all unfolded', () => {
    const state = start();
    expect(state.view).toBe('zone');
    expect(selectedId(state)).toBe('KR-CA');
    expect(ids(state)).toEqual([
      'KR-CA',
      'shop-main/KR-CA',
      'web-1',
      'db-1',
      'shop-sub/KR-CA',
      'web-2',
      'lb-ca',
      'KR-CB',
      'shop-main/KR-CB',
      'web-3',
      'admin-1',
      'shop-sub/KR-CB',
      'web-4',
      'lb-cb',
      'KR-M2',
      'shop-dr/KR-M2',
      'db-2',
      'idc-guro',
    ]);
  });

  it('moveDown and moveUp step one row and stop at the ends', () => {
    const state = start();
    expect(selectedId(apply(state, {type: 'moveDown'}))).toBe('shop-main/KR-CA');
    expect(selectedId(apply(state, {type: 'moveDown'}, {type: 'moveUp'}))).toBe('KR-CA');
    expect(selectedId(apply(state, {type: 'moveUp'}))).toBe('KR-CA');
    expect(selectedId(apply(state, {type: 'last'}, {type: 'moveDown'}))).toBe('idc-guro');
  });

  it('first and last jump to the ends; the viewport scrolls to keep the cursor on screen', () => {
    const state = start({treeRows: 5});
    const last = apply(state, {type: 'last'});
    expect(selectedId(last)).toBe('idc-guro');
    expect(last.scrollTop).toBe(18 - 5);
    const first = apply(last, {type: 'first'});
    expect(selectedId(first)).toBe('KR-CA');
    expect(first.scrollTop).toBe(0);
  });

  it('pageDown and pageUp move by a screen less one row', () => {
    const state = start({treeRows: 5});
    const down = apply(state, {type: 'pageDown'});
    expect(cursorOf(down)).toBe(4);
    expect(down.scrollTop).toBe(0);
    const twice = apply(down, {type: 'pageDown'});
    expect(cursorOf(twice)).toBe(8);
    expect(twice.scrollTop).toBe(4);
    expect(cursorOf(apply(twice, {type: 'pageUp'}))).toBe(4);
  });

  it('toggleFold hides and shows the children of the selected row', () => {
    const folded = apply(start(), {type: 'toggleFold'});
    expect(folded.folded.has('zone,KR-CA')).toBe(true);
    expect(ids(folded).slice(0, 3)).toEqual(['KR-CA', 'KR-CB', 'shop-main/KR-CB']);
    expect(ids(apply(folded, {type: 'toggleFold'}))).toHaveLength(18);
  });

  it('fold folds an open row, and on a leaf or folded row goes to the parent', () => {
    const onVm = walkTo(start(), 'web-1');
    expect(selectedId(apply(onVm, {type: 'fold'}))).toBe('shop-main/KR-CA');
    const router = apply(onVm, {type: 'fold'}, {type: 'fold'});
    expect(router.folded.has('zone,KR-CA,shop-main/KR-CA')).toBe(true);
    expect(selectedId(apply(router, {type: 'fold'}))).toBe('KR-CA');
  });

  it('unfold opens a folded row, and on an open row goes to its first child', () => {
    const folded = apply(start(), {type: 'fold'});
    const opened = apply(folded, {type: 'unfold'});
    expect(opened.folded.size).toBe(0);
    expect(selectedId(apply(opened, {type: 'unfold'}))).toBe('shop-main/KR-CA');
  });

  it('switchView cycles zone → account → service and keeps the selected component', () => {
    const onWeb = walkTo(start(), 'web-3');
    const account = apply(onWeb, {type: 'switchView'});
    expect(account.view).toBe('account');
    expect(selectedId(account)).toBe('web-3');
    const service = apply(account, {type: 'switchView'});
    expect(service.view).toBe('service');
    expect(selectedId(service)).toBe('web-3');
    expect(apply(service, {type: 'switchView'}).view).toBe('zone');
  });

  it('switchView to a view without the component keeps that view’s own last selection', () => {
    const onZone = start();
    const service = apply(onZone, {type: 'switchView', view: 'service'});
    expect(selectedId(service)).toBe('shop-web');
    const back = apply(service, {type: 'moveDown'}, {type: 'switchView', view: 'zone'});
    expect(selectedId(back)).toBe('KR-CA');
  });

  it('select jumps to a component, revealing it inside folded rows', () => {
    const folded = apply(start(), {type: 'fold'});
    const jumped = apply(folded, {type: 'select', id: 'web-2'});
    expect(selectedId(jumped)).toBe('web-2');
    expect(jumped.folded.has('zone,KR-CA')).toBe(false);
    const service = apply(start(), {type: 'select', id: 'shop-db'});
    expect(service.view).toBe('service');
    expect(selectedId(service)).toBe('shop-db');
  });

  it('resize keeps the cursor inside the smaller viewport', () => {
    const bottom = apply(start(), {type: 'last'});
    const small = apply(bottom, {type: 'resize', treeRows: 4, listRows: 2});
    expect(small.treeRows).toBe(4);
    expect(small.scrollTop).toBe(14);
    expect(selectedId(small)).toBe('idc-guro');
  });
});
