import {keepSnapshots, type Snapshot} from './analyze.js';
import {keepEngines} from './incremental.js';
import {keepSweeps} from './single-points.js';

/**
 * Lets go of what was worked out for past states, keeping `now`'s: the recent snapshots, their
 * sweeps and their evaluators. For a screen at rest after a flood of live events, which passed
 * through hundreds of states: the last few were kept with a sweep each (at 10k VMs, 11k effects
 * apiece) until new states pushed them out, and a quiet screen makes none.
 */
export function keepOnlyAnswersOf(now: Snapshot): void {
  // `now` or a copy of it for the same state under another object (knownSnapshot): one answer.
  const sharesAnswer = (snap: Snapshot) => snap.down === now.down;
  keepSnapshots(sharesAnswer);
  keepSweeps(sharesAnswer);
  keepEngines(sharesAnswer);
}
