#!/usr/bin/env node
import meow from 'meow';
import {loadTopologyFile, bundledDemo} from './source/adapters/topology-file.js';
import {formatLocated, type Located} from './source/core/load.js';
import type {LiveUpdate} from './source/core/live.js';
import type {Model} from './source/core/model.js';
import type {AuditAction} from './source/ui/types.js';
import {resolveComponent} from './source/core/names.js';
import {terminalOptions} from './source/commands/terminal.js';
import {parseInterval} from './source/adapters/poll.js';

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

  Options
    --fail C          a component to fail (impact), repeatable: KR-CA, zone:KR-CA, router:acct/KR-CA
    --json            machine-readable output (check, impact)
    --include-gslb    count GSLBs as failable in sweeps
    --read-only       view only: no simulate, no failover
    --watch           reload FILE when it changes; a bad edit keeps the last good topology
    --events FILE     follow a JSON-lines stream of {"id","state":"down"|"up"} (observed failures)
    --probe           run the live health checks (probe:) of the file
    --prometheus URL  observed state from Prometheus (query "up", or --prom-query Q)
    --alertmanager URL  observed state from firing Alertmanager alerts
    --interval 15s    poll period of Prometheus and Alertmanager (default 15s)
    --audit FILE      append every action (fail, restore, failover) to a JSON-lines journal
    --allow-hooks     really run the topology's failover hooks (default: dry run)
    --lang en|ko      language of the dashboard (default: from the locale)
    --ascii           plain ASCII drawing
    --no-color        no colour (also NO_COLOR)
    --help, --version

  Exit codes
    0 fine · 1 check found a single point of failure or a service below its minimum · 2 bad input

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
          readOnly: {type: 'boolean', default: false},
          watch: {type: 'boolean', default: false},
          events: {type: 'string'},
          audit: {type: 'string'},
          probe: {type: 'boolean', default: false},
          prometheus: {type: 'string'},
          promQuery: {type: 'string'},
          alertmanager: {type: 'string'},
          interval: {type: 'string'},
          allowHooks: {type: 'boolean', default: false},
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

const commands = ['check', 'impact', 'demo'] as const;
type Command = (typeof commands)[number] | 'dashboard';

/** With --json, stdout is one JSON document whatever the exit code (DESIGN §5): on bad input, the errors. */
function jsonErrors(errors: ReadonlyArray<Partial<Located> & {message: string}>) {
  if (process.argv.slice(2).includes('--json'))
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
  const sources = new AbortController();
  const live = await liveSources(file, model, files.length > 0, sources.signal);
  try {
    return await runDashboard({...options, readOnly: cli.flags.readOnly, ...live});
  } finally {
    // Watchers and followers hold the event loop open; quitting ends them.
    sources.abort();
  }
}

/** --interval: the period of every polled source (default 15 s). */
function pollInterval(): number {
  const text = cli.flags.interval ?? '15s';
  const ms = parseInterval(text);
  if (ms === undefined)
    usageError(`--interval ${text}: expected a period such as 15s, 2m or 500ms`);
  return ms;
}

/** An http(s) URL, or a usage error that does not echo credentials written into it. */
function checkedUrl(flag: string, text: string): string {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:')
    usageError(`${flag}: expected an http:// or https:// URL`);
  return text;
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
  if (cli.flags.probe) {
    const {runProbes} = await import('./source/adapters/probes.js');
    sources.push(runProbes(() => current, signal));
  }
  const intervalMs = pollInterval();
  if (cli.flags.prometheus !== undefined) {
    const {pollPrometheus} = await import('./source/adapters/prometheus.js');
    const token = process.env['FAILSIGHT_PROMETHEUS_TOKEN'];
    const options = {
      intervalMs,
      ...(cli.flags.promQuery === undefined ? {} : {query: cli.flags.promQuery}),
      ...(token === undefined ? {} : {token}),
    };
    sources.push(
      pollPrometheus(
        checkedUrl('--prometheus', cli.flags.prometheus),
        options,
        () => current,
        signal,
      ),
    );
  }
  if (cli.flags.alertmanager !== undefined) {
    const {pollAlertmanager} = await import('./source/adapters/alertmanager.js');
    sources.push(
      pollAlertmanager(
        checkedUrl('--alertmanager', cli.flags.alertmanager),
        {intervalMs},
        () => current,
        signal,
      ),
    );
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
