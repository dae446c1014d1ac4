import {usageError} from './errors.js';
import type {Invocation} from './invocation.js';
import {liveSources} from './live-sources.js';
import {openTopology} from './open-topology.js';

/**
 * Ready the process for a full-screen app. Ink draws only the last frame when it thinks it runs
 * in CI; a dashboard on a terminal is interactive whatever the environment says, so Ink must not
 * be loaded believing that.
 */
function prepareInteractive({flags}: Invocation, what: string): void {
  if (flags.json) usageError('--json goes with check or impact');
  // Keys come from stdin: without a terminal there, Ink cannot read them.
  if (!process.stdin.isTTY)
    usageError(
      `${what} needs a terminal: stdin is not one (for a report, run failsight check FILE)`,
    );
  delete process.env['CI'];
  delete process.env['CONTINUOUS_INTEGRATION'];
}

/** `failsight [FILE]`: the dashboard on a terminal; piped, the check report of FILE. */
export async function dashboardCommand(invocation: Invocation): Promise<number> {
  if (!process.stdout.isTTY) {
    const {checkCommand} = await import('./check.js');
    return checkCommand(invocation);
  }
  prepareInteractive(invocation, 'the dashboard');
  const {files, flags, terminal} = invocation;
  const {model, file, warnings} =
    flags.cloudstack && files.length === 0
      ? await (await import('./cloudstack-live.js')).importForDashboard(flags)
      : await openTopology(files[0]);
  const compare =
    flags.compare === undefined
      ? {}
      : {compare: await (await import('./diff.js')).openCompare(flags)};
  const {runDashboard} = await import('./dashboard.js');
  const sources = new AbortController();
  const live = await liveSources(flags, file, model, files.length > 0, sources.signal);
  try {
    return await runDashboard({
      model,
      file,
      warnings,
      includeGslb: flags.includeGslb,
      readOnly: flags.readOnly,
      ...terminal,
      ...live,
      ...compare,
    });
  } finally {
    // Watchers and followers hold the event loop open; quitting ends them.
    sources.abort();
  }
}

/** `failsight demo`: the bundled topology, replayed; piped, its narration as plain text. */
export async function demoCommand(invocation: Invocation): Promise<number> {
  if (!process.stdout.isTTY) {
    const {printDemo} = await import('./demo-text.js');
    return printDemo(invocation);
  }
  prepareInteractive(invocation, 'the demo');
  const {model, file, warnings} = await openTopology(undefined);
  const {runDemo} = await import('./demo.js');
  return runDemo({
    model,
    file,
    warnings,
    includeGslb: invocation.flags.includeGslb,
    ...invocation.terminal,
  });
}
