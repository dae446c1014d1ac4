import {describe, expect, it} from 'vitest';
import {apply, selectedId, start, walkTo} from './reducer-helpers.js';

describe('the reducer: focus and the scrolling right panel', () => {
  it('focusNext and focusPrevious move the keys between the tree and the right panel', () => {
    const state = start();
    expect(state.focus).toBe('tree');
    const panel = apply(state, {type: 'focusNext'});
    expect(panel.focus).toBe('panel');
    expect(apply(panel, {type: 'focusNext'}).focus).toBe('tree');
    expect(apply(state, {type: 'focusPrevious'}).focus).toBe('panel');
    // Tab closes the help on its way.
    expect(apply({...state, help: true}, {type: 'focusNext'}).help).toBe(false);
  });

  it('opening a list panel gives it the keys; closing it or Enter gives them back', () => {
    const sweep = apply(start(), {type: 'toggleSweep'});
    expect(sweep.focus).toBe('panel');
    expect(apply(sweep, {type: 'toggleSweep'}).focus).toBe('tree');
    expect(apply(sweep, {type: 'closeOverlay'})).toMatchObject({panel: 'impact', focus: 'tree'});
    // Tab to the tree leaves the sweep open beside it.
    expect(apply(sweep, {type: 'focusNext'})).toMatchObject({panel: 'sweep', focus: 'tree'});
    const jumped = apply(sweep, {type: 'listEdge', to: 'last'}, {type: 'jumpToListItem'});
    expect(jumped).toMatchObject({panel: 'impact', focus: 'tree'});
  });

  it('Esc in the impact panel gives the keys back to the tree', () => {
    const panel = apply(start(), {type: 'focusNext'}, {type: 'closeOverlay'});
    expect(panel.focus).toBe('tree');
  });

  it('scrollPanel stays between the top and the last screenful of what the panel holds', () => {
    // 18 rows inside the panel, 42 lines of impact: 24 lines can scroll past.
    const long = apply(start({treeRows: 18}), {type: 'focusNext'});
    const length = 42;
    expect(apply(long, {type: 'scrollPanel', by: 1, length}).panelTop).toBe(1);
    expect(apply(long, {type: 'scrollPanel', by: -1, length}).panelTop).toBe(0);
    expect(apply(long, {type: 'scrollPanel', by: 100, length}).panelTop).toBe(24);
    expect(apply(long, {type: 'scrollPanelTo', to: 'last', length}).panelTop).toBe(24);
    const bottom = apply(long, {type: 'scrollPanelTo', to: 'last', length});
    expect(apply(bottom, {type: 'scrollPanelTo', to: 'first', length}).panelTop).toBe(0);
    // Nothing to scroll when it all fits, nor when no length came with the key.
    expect(apply(long, {type: 'scrollPanel', by: 5, length: 10}).panelTop).toBe(0);
    expect(apply(long, {type: 'scrollPanel', by: 5}).panelTop).toBe(0);
  });

  it('a shorter impact pulls the scroll back; another selection starts at the top', () => {
    const scrolled = apply(start({treeRows: 18}), {type: 'scrollPanel', by: 20, length: 42});
    expect(scrolled.panelTop).toBe(20);
    // Now 30 lines: drawn from line 12 (30 - 18), and one line up from there is 11.
    expect(apply(scrolled, {type: 'scrollPanel', by: -1, length: 30}).panelTop).toBe(11);
    const unchanged = apply(scrolled, {type: 'scrollPanel', by: 0, length: 42});
    expect(unchanged).toBe(scrolled);
    const moved = apply(scrolled, {type: 'moveDown'});
    expect(selectedId(moved)).not.toBe(selectedId(scrolled));
    expect(moved.panelTop).toBe(0);
    expect(walkTo(scrolled, 'web-3').panelTop).toBe(0);
  });
});
