import {useEffect} from 'react';
import {snapshotAhead} from '../../core/analyze.js';
import {isFailable} from '../../core/propagate.js';
import {withSimulated, type FailureState} from '../../core/state.js';
import type {Analysis} from '../analysis/analysis.js';
import type {TreeNode} from '../tree/nodes.js';

/** Longer than a key repeats: a cursor held down never starts the work. */
const stillMs = 150;

/**
 * On a big topology, once the cursor has rested on a component that `x` could fail, the state
 * that failure would make is evaluated ahead (core `snapshotAhead`), so that `x` shows its
 * answer without a full pass of 100k VMs while the user waits. A key before then cancels it.
 */
export function useFailureAhead(
  analysis: Analysis,
  failure: FailureState,
  node: TreeNode | undefined,
  enabled: boolean,
) {
  const {model, snapshot, includeGslb} = analysis;
  const id = node?.role === 'component' ? node.id : undefined;
  useEffect(() => {
    if (!enabled || id === undefined) return;
    const component = model.components.get(id);
    if (!component || !isFailable(component, includeGslb) || snapshot.down.has(id)) return;
    const timer = setTimeout(() => snapshotAhead(model, withSimulated(failure, [id])), stillMs);
    return () => clearTimeout(timer);
  }, [model, snapshot, failure, includeGslb, id, enabled]);
}
