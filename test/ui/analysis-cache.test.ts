import {describe, expect, it} from 'vitest';
import type {FailureState} from '../../source/core/state.js';
import {emptyState} from '../../source/core/state.js';
import {analyze, drawnWith} from '../../source/ui/analysis/analysis.js';
import {forgetPastAnalyses} from '../../source/ui/analysis/forget.js';
import {answer} from '../../source/ui/analysis/selection.js';
import {knownSnapshot} from '../../source/core/analyze.js';
import {computedSweep} from '../../source/core/single-points.js';
import {incrementalOf} from '../../source/core/incremental.js';
import {loadFixture} from './reducer-helpers.js';

const failing = (...ids: string[]): FailureState => ({...emptyState, simulated: new Set(ids)});

describe('analyses of states', () => {
  const model = loadFixture();

  it('are shared by every panel of one state and kept for the state before it', () => {
    const before = failing('KR-CA');
    const now = failing('KR-CA', 'lb-cb');
    const first = analyze(model, before);
    expect(analyze(model, now)).toBe(analyze(model, now));
    // Undoing the last action draws the state before it again: its answers are still there.
    expect(analyze(model, before)).toBe(first);
  });

  it('are not kept for every state an undo entry still holds', () => {
    // Every action keeps its state for undo; at 100k VMs each analysis weighs megabytes.
    const states = ['web-1', 'web-2', 'web-3', 'web-4'].map((id) => failing(id));
    const first = analyze(model, states[0]!);
    for (const state of states.slice(1)) analyze(model, state);
    const again = analyze(model, states[0]!);
    expect(again).not.toBe(first);
    // Asked again, the state gets the same answer, not a stale one.
    expect(again.snapshot.down).toEqual(first.snapshot.down);
    expect(again.snapshot.status).toEqual(first.snapshot.status);
  });

  it('once the screen is still, keep only the state on screen', () => {
    const before = failing('web-1');
    const now = failing('web-2');
    const past = analyze(model, before);
    const current = analyze(model, now);
    expect(knownSnapshot(model, before)?.down).toBe(past.snapshot.down);
    const pastSweep = past.sweep();
    const sweep = current.sweep();
    expect(computedSweep(past.snapshot)).toBe(pastSweep);
    const [pastEngine, engine] = [past, current].map((a) => incrementalOf(model, a.snapshot));
    forgetPastAnalyses();
    expect(incrementalOf(model, current.snapshot)).toBe(engine);
    expect(incrementalOf(model, past.snapshot)).not.toBe(pastEngine);
    expect(analyze(model, now)).toBe(current);
    // Its sweep goes with it, even while something (a frame React keeps) still holds the analysis.
    expect(computedSweep(past.snapshot)).toBeUndefined();
    expect(computedSweep(current.snapshot)).toBe(sweep);
    expect(past.sweep()).toEqual(pastSweep);
    // The state before is no longer kept: in this cache or the core's.
    expect(knownSnapshot(model, before)).toBeUndefined();
    expect(knownSnapshot(model, now)?.down).toBe(current.snapshot.down);
    const again = analyze(model, before);
    expect(again).not.toBe(past);
    expect(again.snapshot.status).toEqual(past.snapshot.status);
  });

  it("keep what-ifs for the rows passed last, and once still only the state on screen's", () => {
    const now = failing('web-1');
    const analysis = analyze(model, now);
    const ask = (id: string) => answer(analysis, now, `fail:${id}`, {type: 'fail', ids: [id]});
    const first = ask('web-2');
    expect(first).toBeDefined();
    expect(ask('web-2')).toBe(first);
    // Sixteen rows later, the first is worked out again (the same answer, a new object).
    const others = [...model.components.keys()].filter((id) => id !== 'web-2').slice(0, 16);
    expect(others).toHaveLength(16);
    for (const id of others) ask(id);
    const again = ask('web-2');
    expect(again).not.toBe(first);
    expect(again?.services).toEqual(first?.services);
    // At rest, a past state's what-ifs go; the one on screen keeps its own.
    const later = failing('web-3');
    const current = analyze(model, later);
    const kept = answer(current, later, 'fail:web-2', {type: 'fail', ids: ['web-2']});
    forgetPastAnalyses();
    expect(answer(current, later, 'fail:web-2', {type: 'fail', ids: ['web-2']})).toBe(kept);
    expect(ask('web-2')).not.toBe(again);
  });

  it('once still, keep the state the screen drew, even when another was asked for after it', () => {
    const shown = failing('web-4');
    const onScreen = analyze(model, shown);
    drawnWith(onScreen);
    // A key asks of the state its action would make, then is refused: the screen stays.
    const asked = analyze(model, failing('web-4', 'web-5'));
    const sweep = onScreen.sweep();
    asked.sweep();
    forgetPastAnalyses();
    expect(analyze(model, shown)).toBe(onScreen);
    expect(computedSweep(onScreen.snapshot)).toBe(sweep);
    expect(computedSweep(asked.snapshot)).toBeUndefined();
  });
});
