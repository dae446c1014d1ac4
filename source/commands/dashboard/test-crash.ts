/**
 * A hidden hook for the tests of the crash exit path: FAILSIGHT_TEST_CRASH_AFTER_MS=n throws an
 * error nobody catches n ms after the dashboard starts (FAILSIGHT_TEST_CRASH_AS=rejection: a
 * promise rejection nobody handles instead), so a test can see the terminal restored after a
 * crash. Unset, nothing happens.
 */
export function crashForTests(env: NodeJS.ProcessEnv): void {
  const afterMs = Number(env['FAILSIGHT_TEST_CRASH_AFTER_MS']);
  if (!Number.isFinite(afterMs) || afterMs <= 0) return;
  const error = new Error('crash asked for by FAILSIGHT_TEST_CRASH_AFTER_MS');
  setTimeout(() => {
    if (env['FAILSIGHT_TEST_CRASH_AS'] === 'rejection') void Promise.reject(error);
    else throw error;
  }, afterMs).unref();
}
