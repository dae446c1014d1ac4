#!/usr/bin/env node
import meow from 'meow';
import {loadTopologyFile, bundledDemo} from './source/adapters/topology-file.js';
import {formatLocated, type Located} from './source/core/load.js';
import type {LiveUpdate} from './source/core/live.js';
import type {Model} from './source/core/model.js';
import type {AuditAction} from './source/ui/types.js';
import {resolveComponent} from './source/core/names.js';
import {terminalOptions} from './source/commands/terminal.js';
import type {DiffFormat} from './source/commands/diff.js';

/** meow throws on a bad flag value (--lang fr): a usage error, exit 2, not a stack trace. */
function parseCommandLine() {
  try {
    return meow(
      `
  Usage
    $ failsight [FILE]                     dashboard (no FILE: the bundled demo topology)
    $ failsight check [FILE]               N-1 report: SPOFs, tolerance, strategy, recommendations
    $ failsight impact [FILE] [--fail C …]  what-if from the shell; no --fail: the current state
    $ failsight demo                       dashboard replaying a zone-failure scenario
    $ failsight diff OLD NEW               what a topology change does to resilience (OLD/NEW: files or git REV:path)

  Options
    --fail C          a component to fail (impact), repeatable: KR-CA, zone:KR-CA, router:acct/KR-CA
    --json            machine-readable output (check, impact)
    --include-gslb    count GSLBs as failable in sweeps
    --format F        diff output: text, markdown or json (--json is json)
    --tolerance P     diff: availability may drop by P percentage points before it counts as worse (default 0)
    --compare OLD     dashboard: add the diff panel (d) of FILE against OLD (a file or git REV:path)
    --read-only       view only: no simulate, no failover
    --watch           reload FILE when it changes; a bad edit keeps the last good topology
    --events FILE     follow a JSON-lines stream of {"id","state":"down"|"up"} (observed failures)
    --audit FILE      append every action (fail, restore, failover) to a JSON-lines journal
    --lang en|ko      language of the dashboard (default: from the locale)
    --ascii           plain ASCII drawing
    --no-color        no colour (also NO_COLOR)
    --help, --version

  Exit codes
    0 fine · 1 check found a single point of failure or a service below its minimum,
    diff found the change worse · 2 bad input

  Examples
    $ failsight check fixtures/multi-zone.yaml
    $ failsight impact fixtures/demo.yaml --fail zone:KR-CA --json
`,
      {
        importMeta: import.meta,
        allowUnknownFlags: false,
        flags: {
          fail: {type: 'string', isMultiple: true},
          json: {type: 'boolean', default: false},
          includeGslb: {type: 'boolean', default: false},
          format: {type: 'string', choices: ['text', 'markdown', 'json']},
          tolerance: {type: 'string'},
          compare: {type: 'string'},
          readOnly: {type: 'boolean', default: false},
          watch: {type: 'boolean', default: false},
          events: {type: 'string'},
          audit: {type: 'string'},
          lang: {type: 'string', choices: ['en', 'ko']},
          ascii: {type: 'boolean', default: false},
          color: {type: 'boolean', default: true},
        },
      },
    );
  } catch (error) {
    usageError(error instanceof Error ? error.message : String(error));
  }
}
const cli = parseCommandLine();

const commands = ['check', 'impact', 'demo', 'diff'] as const;
type Command = (typeof commands)[number] | 'dashboard';

/** With --json, stdout is one JSON document whatever the exit code (DESIGN §5): on bad input, the errors. */
function jsonErrors(errors: ReadonlyArray<Partial<Located> & {message: string}>) {
  const args = process.argv.slice(2);
  const format = args.indexOf('--format');
  if (
    args.includes('--json') ||
    args.includes('--format=json') ||
    (format >= 0 && args[format + 1] === 'json')
  )
    process.stdout.write(JSON.stringify({errors}, null, 2) + '\n');
}

function usageError(message: string): never {
  jsonErrors([{message}]);
  process.stderr.write(`failsight: ${message}\nRun failsight --help for usage.\n`);
  process.exit(2);
}

async function load(
  file: string | undefined,
): Promise<{model: Model; file: string; warnings: string[]}> {
  const path = file ?? bundledDemo;
  const result = await loadTopologyFile(path);
  const warnings = result.warnings.map((w) => `${formatLocated(w)} (warning)`);
  for (const warning of warnings.slice(0, 20)) process.stderr.write(`failsight: ${warning}\n`);
  if (warnings.length > 20)
    process.stderr.write(`failsight: … and ${warnings.length - 20} more warnings\n`);
  if (!result.ok) {
    for (const error of result.errors.slice(0, 20))
      process.stderr.write(`failsight: ${formatLocated(error)}\n`);
    if (result.errors.length > 20)
      process.stderr.write(`failsight: … and ${result.errors.length - 20} more\n`);
    jsonErrors(result.errors);
    process.exit(2);
  }
  return {model: result.model, file: path, warnings};
}

async function main(): Promise<number> {
  const [first, ...rest] = cli.input;
  const command: Command = (commands as readonly string[]).includes(first ?? '')
    ? (first as Command)
    : 'dashboard';
  const files = command === 'dashboard' ? cli.input : rest;
  if (command === 'diff') return diff(files);
  if (cli.flags.format !== undefined) usageError('--format goes with diff');
  if (cli.flags.compare !== undefined && command !== 'dashboard')
    usageError('--compare goes with the dashboard: failsight NEW --compare OLD');
  if (cli.flags.tolerance !== undefined && cli.flags.compare === undefined)
    usageError('--tolerance goes with diff or --compare');
  if (files.length > 1) usageError(`one topology file at a time (got ${files.join(', ')})`);
  // meow gives a repeatable flag as [] when it is absent.
  if ((cli.flags.fail ?? []).length > 0 && command !== 'impact')
    usageError('--fail goes with impact');
  const failNames = (cli.flags.fail ?? []).flatMap((name) => name.split(',')).filter(Boolean);
  if (failNames.length === 0 && process.argv.slice(2).some((arg) => /^--fail(=|$)/.test(arg)))
    usageError('--fail needs a component, e.g. --fail zone:KR-CA');
  const terminal = terminalOptions(cli.flags, process.env, Boolean(process.stdout.isTTY));
  const write = (text: string) => process.stdout.write(text);

  if (command === 'check' || (command === 'dashboard' && !process.stdout.isTTY)) {
    const {model} = await load(files[0]);
    const {runCheck} = await import('./source/commands/check.js');
    return runCheck(model, {json: cli.flags.json, includeGslb: cli.flags.includeGslb}, write);
  }
  if (command === 'impact') {
    const {model} = await load(files[0]);
    const ids = failNames.map((name) => {
      const resolved = resolveComponent(model, name);
      if (!resolved.ok) usageError(`--fail ${name}: ${resolved.message}`);
      return resolved.id;
    });
    const {runImpact} = await import('./source/commands/impact.js');
    return runImpact(model, ids, {json: cli.flags.json, ascii: terminal.ascii}, write);
  }
  if (cli.flags.json) usageError('--json goes with check or impact');
  // Ink draws only the last frame when it thinks it runs in CI; a dashboard on a terminal is
  // interactive whatever the environment says, so it must not be loaded believing that.
  delete process.env['CI'];
  delete process.env['CONTINUOUS_INTEGRATION'];
  const {model, file, warnings} = await load(command === 'demo' ? undefined : files[0]);
  const options = {model, file, warnings, includeGslb: cli.flags.includeGslb, ...terminal};
  if (command === 'demo') {
    const {runDemo} = await import('./source/commands/demo.js');
    return runDemo(options);
  }
  const {runDashboard} = await import('./source/commands/dashboard.js');
  const compare =
    cli.flags.compare === undefined ? {} : {compare: await compareOf(cli.flags.compare)};
  const sources = new AbortController();
  const live = await liveSources(file, model, files.length > 0, sources.signal);
  try {
    return await runDashboard({...options, readOnly: cli.flags.readOnly, ...live, ...compare});
  } finally {
    // Watchers and followers hold the event loop open; quitting ends them.
    sources.abort();
  }
}

/** `failsight diff OLD NEW`: the flags it takes are checked here, the rest is the command's. */
function toleranceFlag(): number {
  const tolerance = Number((cli.flags.tolerance ?? '0').replace(/%$/, ''));
  if (!Number.isFinite(tolerance) || tolerance < 0)
    usageError(`--tolerance ${cli.flags.tolerance}: expected percentage points, e.g. 0.01`);
  return tolerance;
}

/** --compare OLD: a file or git REV:path, refused like any topology when it is bad. */
async function compareOf(source: string) {
  const {loadTopologySource} = await import('./source/adapters/git-show.js');
  const result = await loadTopologySource(source);
  if (!result.ok) {
    for (const error of result.errors.slice(0, 20))
      process.stderr.write(`failsight: ${formatLocated(error)}\n`);
    process.exit(2);
  }
  const {compareWith} = await import('./source/commands/diff.js');
  return compareWith(result.model, source, {
    tolerance: toleranceFlag(),
    includeGslb: cli.flags.includeGslb,
  });
}

async function diff(files: string[]): Promise<number> {
  if (files.length !== 2) usageError('diff needs two topologies: failsight diff OLD NEW');
  const tolerance = toleranceFlag();
  const format = cli.flags.json ? 'json' : ((cli.flags.format ?? 'text') as DiffFormat);
  const {runDiff} = await import('./source/commands/diff.js');
  return runDiff(
    {old: files[0]!, new: files[1]!},
    {format, tolerance, includeGslb: cli.flags.includeGslb},
    {out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text)},
  );
}

/** --watch, --events and --audit: the dashboard's live inputs and its journal. */
async function liveSources(file: string, model: Model, hasFile: boolean, signal: AbortSignal) {
  const sources = [];
  let current = model;
  if (cli.flags.watch) {
    if (!hasFile) usageError('--watch needs a FILE to watch');
    const {watchTopology} = await import('./source/adapters/watch.js');
    sources.push(watchTopology(file, signal));
  }
  if (cli.flags.events !== undefined) {
    const {followEvents} = await import('./source/adapters/events.js');
    sources.push(followEvents(cli.flags.events, () => current, signal));
  }
  const live: {updates?: AsyncIterable<LiveUpdate>; onAction?: (action: AuditAction) => void} = {};
  if (sources.length > 0) {
    const {merge, tap} = await import('./source/adapters/channel.js');
    // The event stream names components of the newest good topology.
    live.updates = tap(merge(sources, signal), (update) => {
      if (update.type === 'model') current = update.model;
    });
  }
  if (cli.flags.audit !== undefined) {
    const {auditJournal} = await import('./source/adapters/audit.js');
    let journal: ReturnType<typeof auditJournal>;
    try {
      journal = auditJournal(cli.flags.audit);
    } catch (error) {
      usageError(
        `--audit ${cli.flags.audit}: cannot write the journal (${(error as Error).message})`,
      );
    }
    live.onAction = (action) => journal({...action});
  }
  return live;
}

// A reader that goes away (failsight check | head -1) is not a crash: stop writing, keep the exit code.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') return;
  process.stderr.write(`failsight: cannot write the output: ${error.message}\n`);
  process.exit(70);
});

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = `internal error: ${error instanceof Error ? error.message : String(error)}`;
    jsonErrors([{message}]);
    process.stderr.write(`failsight: ${message}\n`);
    process.exitCode = 70;
  },
);
