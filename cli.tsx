#!/usr/bin/env node
// First: it decides which build of React every later import gets.
import './source/runtime/react-production.js';
import {internalError, usageError} from './source/commands/shared/errors.js';
import {plainCommandLine} from './source/commands/shared/command-line.js';
import {asksForHelp, flagWithoutValue, writtenFlag} from './source/commands/shared/flag-values.js';
import {existsSync} from 'node:fs';
import {configPath} from './source/adapters/config-file.js';
import {
  flagSpec,
  type Command,
  type Flags,
  type Invocation,
} from './source/commands/shared/invocation.js';
import {saveCompileCache} from './source/runtime/save-compile-cache.js';
import {jsonCommands, jsonRefusal, type CommandName} from './source/commands/shared/names.js';
import {reportWriter, terminalOptions} from './source/commands/shared/terminal.js';
import {keyFlagIn} from './source/adapters/cloudstack/credentials.js';

const usage = `
  Usage
    $ failsight [FILE]                     dashboard (no FILE: the bundled demo topology)
    $ failsight check [FILE]               N-1 report: SPOFs, tolerance, strategy, recommendations
    $ failsight impact [FILE] [--fail C …]  what-if from the shell; no --fail: the current state
    $ failsight demo                       dashboard replaying a zone-failure scenario
    $ failsight import cloudstack          write a topology from a CloudStack-compatible API (KT Cloud)
    $ failsight diff OLD NEW               what a topology change does to resilience (OLD/NEW: files or git REV:path)
    $ failsight explain [FILE] --down C …  the likely cause of what is observed down (--up C …, --unknown C …)
    $ failsight report AUDIT.jsonl         an incident's story from its audit journal (--format markdown|json)
    $ failsight config [FILE]              the settings the dashboard of FILE starts with, and where each came from
    $ failsight completion bash|zsh|fish   a shell completion script (commands, flags, ids of FILE)

  Options
    --fail C          a component to fail (impact), repeatable: KR-CA, zone:KR-CA, router:acct/KR-CA
    --failover C      after the failures, fail over C as o does (impact), repeatable: db-2, shop-gslb
    --plan            list the failovers available after them, most restoring first, each with
                      the services it would make SLOW (impact)
    --all             impact: list every service, not only those the failure changes
    --brief           impact: the blast radius as counts by kind
    --down C          explain: a component observed down, repeatable; --up C and --unknown C likewise
    --json            machine-readable output (${jsonCommands.join(', ')})
    --include-gslb    count GSLBs as failable in sweeps
    --order K         check: also every minimal set of up to K (2 or 3) failures that takes a service down
    --format F        diff and report output: text, markdown or json (--json is json)
    --tolerance P     diff: availability may drop by P percentage points before it counts as worse (default 0)
    --compare OLD     dashboard: add the diff panel (d) of FILE against OLD (a file or git REV:path)
    --read-only       view only: no simulate, no failover
    --watch           reload FILE when it changes; a bad edit keeps the last good topology
    --events FILE     follow a JSON-lines stream of {"id","state":"down"|"up"} (observed failures)
    --probe           run the live health checks (probe:) of the file
    --prometheus URL  observed state from Prometheus (query "up", or --prom-query Q)
    --alertmanager URL  observed state from firing Alertmanager alerts
    --interval T      how often polled sources ask (30s, 2m, 500ms or seconds; default 15s)
    --audit FILE      journal every action (marked simulated or not), observed change and
                      announcement, with each service's state after it (failsight report reads it)
    --allow-hooks     really run the topology's failover hooks (default: dry run)
    --cloudstack      follow the cloud's state (VMs, routers, zones); no FILE: import it first
    --lang en|ko      language of the dashboard (default: from the locale)
    --ascii           plain ASCII only (drawing and text, in English)
    --no-color        no colour (also NO_COLOR)
    --theme T         dark (default), light, high-contrast or mono (what --no-color gives)
    --no-mouse        no mouse: clicks and the wheel are left to the terminal
    --no-config       ignore the config file ($XDG_CONFIG_HOME/failsight/config.yaml,
                      default ~/.config/failsight/config.yaml; read, never written)
    --help, --version

  Import (credentials from CLOUDSTACK_ENDPOINT, CLOUDSTACK_KEY, CLOUDSTACK_SECRET only)
    --endpoint URL    the API address, instead of CLOUDSTACK_ENDPOINT
    --zone Z          import this zone only (repeatable; name or id)
    --out FILE        write the topology there (default: stdout)
    --merge FILE      update FILE's inventory, keeping services, demands, GSLBs and hooks
    --kt              also read KT Cloud's load balancer API (automatic for KT's endpoint)

  Exit codes
    0 fine · 1 check found a single point of failure or a service below its minimum
    (with --order K, a set of 2 to K failures that takes a service down),
    or impact left a service DOWN (below its minimum), or diff found the change worse,
    or explain found a component down that no failure explains without one observed up
    2 bad input or a failed import (nothing written)

  Examples
    $ failsight check fixtures/multi-zone.yaml
    $ failsight impact fixtures/demo.yaml --fail zone:KR-CA --json
    $ failsight diff origin/main:topology.yaml topology.yaml --format markdown
    $ failsight explain fixtures/demo.yaml --down web-1 --down web-2 --up web-3
    $ failsight report audit.jsonl --format markdown
`;

/** Each command loads its own modules, so `check` and `impact` never load React or Ink. */
const commands = {
  check: async (i) => (await import('./source/commands/check/check.js')).checkCommand(i),
  impact: async (i) => (await import('./source/commands/impact/impact.js')).impactCommand(i),
  demo: async (i) => (await import('./source/commands/dashboard/interactive.js')).demoCommand(i),
  import: async (i) => (await import('./source/commands/cloudstack/import.js')).importCommand(i),
  diff: async (i) => (await import('./source/commands/diff/diff.js')).diffCommand(i),
  explain: async (i) => (await import('./source/commands/explain/explain.js')).explainCommand(i),
  report: async (i) => (await import('./source/commands/report/report.js')).reportCommand(i),
  config: async (i) => (await import('./source/commands/config/config.js')).configCommand(i),
} satisfies Record<CommandName, Command>;
const dashboard: Command = async (i) =>
  (await import('./source/commands/dashboard/interactive.js')).dashboardCommand(i);

/** A flag as it is written: --include-gslb, -z. */
function flagName(name: string): string {
  return name.length === 1 ? `-${name}` : writtenFlag(name);
}

/** package.json's name, version, description and bin, put in by the bundle (bundle.js). */
declare const FAILSIGHT_PACKAGE: Record<string, unknown> | undefined;
// Given to meow so that it reads no package.json at each start; unbundled, meow reads it itself.
const pkg = typeof FAILSIGHT_PACKAGE === 'undefined' ? {} : {pkg: FAILSIGHT_PACKAGE};

/**
 * Without a flag, the arguments and the defaults, as meow would give them; with one, meow.
 * meow throws on a bad flag value (--lang fr): a usage error, exit 2, not a stack trace.
 */
async function parseCommandLine() {
  // `failsight COMMAND --help` is help too, whatever else is on the line.
  const argv = asksForHelp(process.argv.slice(2)) ? ['--help'] : process.argv.slice(2);
  const plain = plainCommandLine(argv);
  if (plain) {
    // meow names the process after the package's command.
    process.title = 'failsight';
    return plain;
  }
  const {default: meow} = await import('meow');
  try {
    // Unknown flags are refused here rather than by meow, so that --json still gets its document.
    const cli = meow(usage, {
      importMeta: import.meta,
      argv,
      allowUnknownFlags: true,
      flags: flagSpec,
      ...pkg,
    });
    // meow answers a lone --help; `failsight explain --help` (any command's) gets the usage too.
    if ((cli.flags as Record<string, unknown>)['help'] === true) cli.showHelp(0);
    return cli;
  } catch (error) {
    usageError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * The config file's defaults under the flags (commands/config.ts); its modules load only when
 * there is a file to read (or for `failsight config`). Keys it rebinds apply to the dashboard.
 */
async function withConfigFile(flags: Flags, input: readonly string[]): Promise<Flags> {
  const command =
    input[0] !== undefined && Object.hasOwn(commands, input[0]) ? input[0] : undefined;
  const asked = command === 'config';
  if (!flags.config || (!asked && !existsSync(configPath(process.env)))) return flags;
  const {configured} = await import('./source/commands/config/config.js');
  const dashboard = command === undefined || command === 'demo';
  const file = command === undefined ? input[0] : undefined;
  const result = configured(flags, process.argv.slice(2), {dashboard, file, env: process.env});
  if (dashboard && Object.keys(result.keys).length > 0)
    (await import('./source/ui/keymap.js')).rebindKeys(result.keys);
  return result.flags;
}

async function main(): Promise<number> {
  // Completion has its own small grammar (`completion ids FILE`) and must stay quiet and quick.
  if (process.argv[2] === 'completion')
    return (await import('./source/commands/completion/completion.js')).completionCommand(
      process.argv.slice(3),
    );
  // Keys never come from argv: shell history and every `ps` listing would keep them.
  const keyFlag = keyFlagIn(process.argv.slice(2));
  if (keyFlag)
    usageError(
      `${keyFlag} is not accepted: keys are read from CLOUDSTACK_KEY and CLOUDSTACK_SECRET only`,
    );
  // A flag that takes a value refuses a missing or empty one, for every flag and command.
  const valueless = flagWithoutValue(process.argv.slice(2), flagSpec);
  if (valueless) usageError(`${valueless} needs a value`);
  const {input, flags: given} = await parseCommandLine();
  const flags = await withConfigFile(given, input);
  const unknown = Object.keys(flags).filter((name) => !Object.hasOwn(flagSpec, name));
  if (unknown.length > 0) usageError(`unknown flag ${unknown.map(flagName).join(', ')}`);
  const [first, ...rest] = input;
  const name = first !== undefined && Object.hasOwn(commands, first) ? first : undefined;
  const command = name ? commands[name as keyof typeof commands] : dashboard;
  const files = name ? rest : input;
  if (name === 'demo' && files.length > 0)
    usageError(`demo plays the bundled topology: it takes no FILE (got ${files.join(', ')})`);
  // The dashboard piped prints check's report, --json included; on a terminal it refuses it.
  if (flags.json && name !== undefined && !jsonCommands.includes(name as CommandName))
    usageError(jsonRefusal);
  if (flags.json && flags.format !== undefined && flags.format !== 'json')
    usageError(`--json and --format ${flags.format} ask for two outputs: give one`);
  if (files.length > 1 && name !== 'diff')
    usageError(`one topology file at a time (got ${files.join(', ')})`);
  if ((flags.fail ?? []).length > 0 && name !== 'impact') usageError('--fail goes with impact');
  if (((flags.failover ?? []).length > 0 || flags.plan) && name !== 'impact')
    usageError('--failover and --plan go with impact');
  if (flags.format !== undefined && name !== 'diff' && name !== 'report')
    usageError('--format goes with diff or report');
  if (
    [flags.down, flags.up, flags.unknown].some((list) => (list ?? []).length > 0) &&
    name !== 'explain'
  )
    usageError('--down, --up and --unknown go with explain');
  if (flags.order !== undefined && name !== 'check') usageError('--order goes with check');
  if (flags.compare !== undefined && name !== undefined)
    usageError('--compare goes with the dashboard: failsight NEW --compare OLD');
  if (flags.tolerance !== undefined && name !== 'diff' && flags.compare === undefined)
    usageError('--tolerance goes with diff or --compare');
  const terminal = terminalOptions(flags, process.env, Boolean(process.stdout.isTTY));
  const write = reportWriter(terminal, flags.json, process.stdout);
  const invocation: Invocation = {files, flags, terminal, write};
  const code = await command(invocation);
  // The command has run: what it compiled is the next start's (commands/compile-cache.ts).
  saveCompileCache();
  return code;
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
    process.exitCode = internalError(error);
  },
);
