import {useEffect, useState} from 'react';

/** Longer than one frame at Ink's 30 fps, so the frame drawn before is out first. */
const afterFrameMs = 40;

/**
 * Whether the screen may draw what follows from `value` now. When `defer` is set, a new value
 * is held back until one frame has been drawn without it: the tree and header show a failure
 * at once, and the panels that need the N-1 sweep follow a moment later. `deferFirst` holds
 * back the first value alone: the first frame shows the tree before any panel is computed.
 */
export function useSettled<T>(value: T, defer: boolean, deferFirst = defer): boolean {
  const [settled, setSettled] = useState<T | undefined>(deferFirst ? undefined : value);
  const waiting = settled === undefined ? deferFirst : defer;
  useEffect(() => {
    if (!waiting || settled === value) return;
    const timer = setTimeout(() => setSettled(value), afterFrameMs);
    return () => clearTimeout(timer);
  }, [value, waiting, settled]);
  return !waiting || settled === value;
}
