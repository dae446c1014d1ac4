import {describe, expect, it} from 'vitest';
import type {FailureState} from '../../source/core/state.js';
import {emptyState} from '../../source/core/state.js';
import {analyze} from '../../source/ui/analysis/analysis.js';
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
});
