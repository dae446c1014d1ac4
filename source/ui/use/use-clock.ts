import {useEffect, useState} from 'react';

/** The time from an injected clock, refreshed every `tickMs` (0: only when rendered anyway). */
export function useClock(now: () => number, tickMs: number): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (tickMs <= 0) return;
    const timer = setInterval(() => setTick((tick) => tick + 1), tickMs);
    return () => clearInterval(timer);
  }, [tickMs]);
  return now();
}
