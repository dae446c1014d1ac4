import {useCallback, useEffect, useRef, type RefObject} from 'react';
import {stateAtStep} from '../demo/replay.js';
import type {DemoStep} from '../demo/script.js';
import type {DashboardState, Story} from '../state/types.js';
import type {Dispatch} from './use-store.js';

export interface DemoPlayer {
  /**
   * The story's clock: the step's time plus what has passed on it, frozen while paused. It
   * never runs back: stepping back or starting over replays the script from the time shown.
   */
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
  /** When the script's time 0 is on the story clock; moves on when the story starts over. */
  const origin = useRef(epoch);

  const storyNow = useCallback(() => {
    const state = current.current.story;
    const spent = state?.paused ? entered.current.frozen : now() - entered.current.at;
    return origin.current + (state?.atS ?? 0) * 1000 + spent;
  }, [current, now]);

  const goTo = useCallback(
    (index: number) => {
      if (!steps) return;
      const shown = storyNow();
      const atMs = steps[index]!.atS * 1000;
      if (origin.current + atMs < shown) origin.current = shown - atMs;
      entered.current = {at: now(), frozen: 0};
      const paused = current.current.story?.paused ?? false;
      const state = stateAtStep(current.current, steps, index, origin.current, paused);
      dispatch({type: 'load', state});
    },
    [steps, now, dispatch, current, storyNow],
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

  if (!steps) return undefined;
  return {now: storyNow, control};
}
