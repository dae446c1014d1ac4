/**
 * A hidden hook for `npm run bench`: FAILSIGHT_BENCH_TICK_MS=n makes the dashboard's clock tick
 * every n ms and run 1000/n times fast, one simulated second a tick, so an hour of ticks takes
 * seconds. Unset, the dashboard keeps its real clock.
 */
export function benchClock(env: NodeJS.ProcessEnv): {now?: () => number; tickMs?: number} {
  const tickMs = Number(env['FAILSIGHT_BENCH_TICK_MS']);
  if (!Number.isFinite(tickMs) || tickMs <= 0) return {};
  const start = Date.now();
  return {tickMs, now: () => start + ((Date.now() - start) * 1000) / tickMs};
}
