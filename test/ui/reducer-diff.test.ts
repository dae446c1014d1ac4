import {describe, expect, it} from 'vitest';
import {availability} from '../../source/core/availability.js';
import {analyzeSide, diffTopologies} from '../../source/core/diff.js';
import type {Model} from '../../source/core/model.js';
import type {Compare} from '../../source/shared/types.js';
import {apply, loadFixture, selectedId, start} from './reducer-helpers.js';

/** The d panel over the core's diff: multi-zone (OLD) → multi-account (NEW, on screen). */

function compareAgainst(old: Model): Compare {
  const options = {availabilityOf: availability};
  return {
    source: 'old.yaml',
    diffOf: (model) => diffTopologies(analyzeSide(old, options), analyzeSide(model, options)),
  };
}

const oldModel = loadFixture('fixtures/multi-zone.yaml');
const newModel = loadFixture('fixtures/multi-account.yaml');
const compare = compareAgainst(oldModel);
const expected = compare.diffOf(newModel);

describe('the diff panel', () => {
  it('opens with d only when started with --compare; otherwise says why', () => {
    const without = apply(start({model: newModel}), {type: 'toggleDiff'});
    expect(without.panel).toBe('impact');
    expect(without.notice).toMatchObject({id: 'reason.noCompare'});
    const opened = apply(start({model: newModel, compare}), {type: 'toggleDiff'});
    expect(opened.panel).toBe('diff');
    expect(apply(opened, {type: 'toggleDiff'}).panel).toBe('impact');
  });

  it('moves over the findings and Enter shows the finding’s component in the tree', () => {
    // The core's order: the zone the service now dies with, then lb-app, then the tolerance lost.
    expect(expected.findings.slice(0, 2).map((f) => f.component)).toEqual(['KR-CA', 'lb-app']);
    const opened = apply(start({model: newModel, compare}), {type: 'toggleDiff'});
    const second = apply(opened, {type: 'listMove', by: 1}, {type: 'jumpToListItem'});
    expect(second.panel).toBe('impact');
    expect(selectedId(second)).toBe('lb-app');
    const last = apply(opened, {type: 'listEdge', to: 'last'});
    expect(last.list.index).toBe(expected.findings.length - 1);
    // The last finding is about the service itself (availability): Enter shows the service.
    expect(selectedId(apply(last, {type: 'jumpToListItem'}))).toBe('app');
  });

  it('a component only OLD has cannot be shown: the panel stays and says so', () => {
    // Reversed: NEW = multi-zone, the findings are better ones about lb-app, which it lacks.
    const reverse = compareAgainst(newModel);
    const opened = apply(start({model: oldModel, compare: reverse}), {type: 'toggleDiff'});
    const finding = reverse.diffOf(oldModel).findings.findIndex((f) => f.component === 'lb-app');
    const tried = apply(opened, {type: 'listMove', by: finding}, {type: 'jumpToListItem'});
    expect(tried.panel).toBe('diff');
    expect(tried.notice).toMatchObject({id: 'msg.onlyInOld', params: {id: 'lb-app'}});
  });
});
