import {useCallback, useEffect, useRef, type RefObject} from 'react';
import {stateAtStep} from '../demo/replay.js';
import type {DemoStep} from '../demo/script.js';
import type {DashboardState, Story} from '../state/types.js';
import type {Dispatch} from './use-store.js';

export interface DemoPlayer {
  /** The story's clock: the step's time plus what has passed on it, frozen while paused. */
  now: () => number;
  control: (action: 'demoPause' | 'demoNext' | 'demoPrev') => void;
}

/** Plays the demo script: a step every `dwellMs`, looping; Space pauses, ←/→ step. */
export function useDemo(
  steps: readonly DemoStep[] | undefined,
  story: Story | undefined,
  current: RefObject<DashboardState>,
  dispatch: Dispatch,
  options: {now: () => number; dwellMs: number; epoch: number},
): DemoPlayer | undefined {
  const {now, dwellMs, epoch} = options;
  const entered = useRef({at: now(), frozen: 0});

  const goTo = useCallback(
    (index: number) => {
      if (!steps) return;
      entered.current = {at: now(), frozen: 0};
      dispatch({type: 'load', state: stateAtStep(current.current, steps, index, epoch)});
    },
    [steps, now, dispatch, current, epoch],
  );

  const step = story?.step ?? 0;
  const paused = story?.paused ?? false;
  useEffect(() => {
    if (!steps || paused) return;
    const timer = setTimeout(() => goTo((step + 1) % steps.length), dwellMs);
    return () => clearTimeout(timer);
  }, [steps, paused, step, dwellMs, goTo]);

  const control = useCallback(
    (action: 'demoPause' | 'demoNext' | 'demoPrev') => {
      const state = current.current;
      if (!steps || !state.story) return;
      if (action === 'demoNext') return goTo(Math.min(steps.length - 1, state.story.step + 1));
      if (action === 'demoPrev') return goTo(Math.max(0, state.story.step - 1));
      const time = now();
      const wasPaused = state.story.paused;
      entered.current = wasPaused
        ? {at: time - entered.current.frozen, frozen: 0}
        : {at: entered.current.at, frozen: time - entered.current.at};
      dispatch({type: 'load', state: {...state, story: {...state.story, paused: !wasPaused}}});
    },
    [steps, current, goTo, now, dispatch],
  );

  const storyNow = useCallback(() => {
    const state = current.current.story;
    const spent = state?.paused ? entered.current.frozen : now() - entered.current.at;
    return epoch + (state?.atS ?? 0) * 1000 + spent;
  }, [current, now, epoch]);

  if (!steps) return undefined;
  return {now: storyNow, control};
}
