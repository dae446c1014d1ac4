import {keepAnalysisOnScreen} from './analysis.js';
import {keepSelectionOf} from './selection.js';

/**
 * Once the screen is still: only the answers of the state on screen are kept. A live session
 * seldom asks again for a state it has left, and a flood of events leaves hundreds; those still
 * cached, and all worked out from them (sweeps, what-ifs), would stay until new states came.
 * Undo after a long pause works its state out again.
 */
export function forgetPastAnalyses(): void {
  const now = keepAnalysisOnScreen();
  if (now) keepSelectionOf(now);
}
