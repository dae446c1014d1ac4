import {stat} from 'node:fs/promises';
import {usageError} from '../shared/errors.js';
import {jsonRefusal} from '../shared/names.js';
import type {Invocation} from '../shared/invocation.js';
import {checkLiveFlags, liveSources} from './live-sources.js';
import type {DashboardOptions} from './dashboard.js';
import type {OpenTopology} from '../shared/open-topology.js';

/**
 * Ready the process for a full-screen app. Ink draws only the last frame when it thinks it runs
 * in CI; a dashboard on a terminal is interactive whatever the environment says, so Ink must not
 * be loaded believing that.
 */
function prepareInteractive({flags}: Invocation, what: string): void {
  if (flags.json) usageError(jsonRefusal);
  // Keys come from stdin: without a terminal there, Ink cannot read them.
  if (!process.stdin.isTTY)
    usageError(
      `${what} needs a terminal: stdin is not one (for a report, run failsight check FILE)`,
    );
  delete process.env['CI'];
  delete process.env['CONTINUOUS_INTEGRATION'];
}

/**
 * From this size on, the dashboard paints first and loads after: a smaller file loads in less
 * time than a loading frame would stay on screen (the demo is 2 KB; 10k VMs are about 1.6 MB).
 */
export const paintFirstBytes = 1 << 20;

/** The size of FILE when it is big enough to load after the first paint; else undefined. */
async function paintFirstSize(file: string | undefined): Promise<number | undefined> {
  if (file === undefined) return undefined;
  try {
    const info = await stat(file);
    return info.isFile() && info.size >= paintFirstBytes ? info.size : undefined;
  } catch {
    // Not readable: the ordinary path reports it, before anything is drawn.
    return undefined;
  }
}

/**
 * The loader and its schema load when a topology is opened: a big one is opened after the
 * loading frame is drawn, and that frame should not wait for them.
 */
async function openTopology(file: string | undefined): Promise<OpenTopology> {
  return (await import('../shared/open-topology.js')).openTopology(file);
}

/** Lets keys (q) and the loading frame through between two long steps. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** `failsight [FILE]`: the dashboard on a terminal; piped, the check report of FILE. */
export async function dashboardCommand(invocation: Invocation): Promise<number> {
  if (!process.stdout.isTTY) {
    // The dashboard's flags are refused when bad even though the report does not use them.
    checkLiveFlags(invocation.flags);
    if (invocation.flags.compare !== undefined)
      await (await import('../diff/diff.js')).openCompare(invocation.flags);
    const {checkCommand} = await import('../check/check.js');
    return checkCommand(invocation);
  }
  prepareInteractive(invocation, 'the dashboard');
  const {files, flags} = invocation;
  const bytes = await paintFirstSize(files[0]);
  if (bytes !== undefined) return openAfterPaint(invocation, files[0]!, bytes);
  const opened =
    flags.cloudstack && files.length === 0
      ? await (await import('../cloudstack/cloudstack-live.js')).importForDashboard(flags)
      : await openTopology(files[0]);
  const sources = new AbortController();
  const options = await dashboardOptions(invocation, opened, sources.signal);
  const {runDashboard} = await import('./dashboard.js');
  try {
    return await runDashboard(options);
  } finally {
    // Watchers and followers hold the event loop open; quitting ends them.
    sources.abort();
  }
}

/** The dashboard of an opened topology: with --compare's diff and the live sources started. */
async function dashboardOptions(
  {files, flags, terminal}: Invocation,
  {model, file, warnings}: OpenTopology,
  signal: AbortSignal,
): Promise<DashboardOptions> {
  const compare =
    flags.compare === undefined
      ? {}
      : {compare: await (await import('../diff/diff.js')).openCompare(flags)};
  const live = await liveSources(flags, file, model, files.length > 0, signal);
  return {
    model,
    file,
    warnings,
    includeGslb: flags.includeGslb,
    readOnly: flags.readOnly,
    ...terminal,
    ...live,
    ...compare,
  };
}

/**
 * The dashboard of a big FILE: the loading frame first, then the topology is read, analysed and
 * its trees drawn. Errors found on the way exit 2 as they do before a paint (the full screen
 * holds their messages until the terminal is restored).
 */
async function openAfterPaint(invocation: Invocation, file: string, bytes: number) {
  const {flags, terminal} = invocation;
  const [{runOpening}, {warmUp}] = await Promise.all([
    import('./dashboard.js'),
    import('../../ui/state/init.js'),
  ]);
  const sources = new AbortController();
  try {
    return await runOpening({
      file,
      bytes,
      terminal,
      load: async (stage, quitting) => {
        const opened = await openTopology(file);
        stage({step: 'analysing', components: opened.model.components.size});
        for (const step of warmUp(opened.model, flags.includeGslb)) {
          await breathe();
          if (quitting.aborted) return undefined;
          step();
        }
        stage({step: 'drawing'});
        await breathe();
        if (quitting.aborted) return undefined;
        return dashboardOptions(invocation, opened, sources.signal);
      },
    });
  } finally {
    // Watchers and followers hold the event loop open; quitting ends them.
    sources.abort();
  }
}

/** `failsight demo`: the bundled topology, replayed; piped, its narration as plain text. */
export async function demoCommand(invocation: Invocation): Promise<number> {
  if (!process.stdout.isTTY) {
    const {printDemo} = await import('../demo/demo-text.js');
    return printDemo(invocation);
  }
  prepareInteractive(invocation, 'the demo');
  const {model, file, warnings} = await openTopology(undefined);
  const {runDemo} = await import('../demo/demo.js');
  return runDemo({
    model,
    file,
    warnings,
    includeGslb: invocation.flags.includeGslb,
    ...invocation.terminal,
  });
}
