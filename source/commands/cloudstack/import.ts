import {readFile} from 'node:fs/promises';
import {parse} from 'yaml';
import {formatLocated, parseTopology} from '../../core/load.js';
import type {Model} from '../../core/model.js';
import {loadTopologyFile} from '../../adapters/topology-file.js';
import {
  CloudStackError,
  createClient,
  type ClientOptions,
  type CloudStackClient,
} from '../../adapters/cloudstack/client.js';
import {credentialsFrom, sourceName} from '../../adapters/cloudstack/credentials.js';
import {
  isKtEndpoint,
  ktLoadBalancerEndpoint,
  readInventory,
} from '../../adapters/cloudstack/inventory.js';
import {ImportError, toTopology, type Imported} from '../../adapters/cloudstack/to-topology.js';
import {writeWhole} from '../../adapters/cloudstack/write.js';
import {importedYaml, mergeYaml} from '../../adapters/cloudstack/yaml-out.js';
import {redact} from '../../adapters/secrets.js';
import {usageError} from '../shared/errors.js';
import type {Invocation} from '../shared/invocation.js';

export interface ImportArgs {
  endpoint?: string;
  zones: readonly string[];
  out?: string;
  merge?: string;
  kt: boolean;
  env: NodeJS.ProcessEnv;
  now?: () => Date;
  client?: ClientOptions;
}

export interface ImportIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

class Refused extends Error {}

/** `failsight import cloudstack [--endpoint URL] [--zone Z …] [--out FILE] [--merge FILE] [--kt]`. */
export async function importCommand({files, flags}: Invocation): Promise<number> {
  if (files[0] !== 'cloudstack' || files.length > 1)
    usageError('import reads one kind of source: failsight import cloudstack [--out FILE]');
  return runImport(
    {
      endpoint: flags.endpoint,
      zones: (flags.zone ?? []).flatMap((zone) => zone.split(',')).filter(Boolean),
      out: flags.out,
      merge: flags.merge,
      kt: flags.kt,
      env: process.env,
    },
    {stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text)},
  );
}

/** A client for the endpoint and keys in the environment; refused with a message otherwise. */
export function cloudClient(
  env: NodeJS.ProcessEnv,
  endpoint: string | undefined,
  options: ClientOptions = {},
): CloudStackClient {
  const found = credentialsFrom(env, endpoint);
  if (!found.ok) throw new Refused(found.message);
  return createClient(found.credentials, options);
}

/** The whole import's deadline: every request together, retries and queueing included. */
export const importDeadlineMs = 300_000;

/** Reads the cloud and maps it; every failure a user can meet comes back as a Refused message. */
async function importCloud(client: CloudStackClient, args: ImportArgs): Promise<Imported> {
  const kt = args.kt || isKtEndpoint(client.endpoint);
  try {
    const inventory = await readInventory(
      client,
      kt ? {kt: {endpoint: ktLoadBalancerEndpoint(client.endpoint)}} : {},
    );
    if (kt)
      inventory.notes.push(
        "KT Cloud GSLBs are not read (the GSLB API's answers are not published): add gslbs by hand; --merge keeps them",
      );
    return toTopology(inventory, {zones: args.zones});
  } catch (error) {
    if (error instanceof CloudStackError || error instanceof ImportError)
      throw new Refused(error.message);
    throw error;
  }
}

/** The cloud's inventory, read once under the import's deadline, with the client that read it. */
async function fetchInventory(args: ImportArgs, signal: AbortSignal) {
  const client = cloudClient(args.env, args.endpoint, {
    deadlineMs: importDeadlineMs,
    ...args.client,
    signal,
  });
  return {client, source: sourceName(client.endpoint), imported: await importCloud(client, args)};
}

/**
 * `failsight import cloudstack`: reads zones, accounts, VMs, load balancers (and routers where
 * allowed) and writes a topology — new, or merged into an existing file. Exit 2 with one clear
 * message on any failure, and then nothing is written.
 */
export async function runImport(args: ImportArgs, io: ImportIo): Promise<number> {
  const fail = (message: string) => {
    io.stderr(`failsight: import cloudstack: ${redact(message)}\n`);
    return 2;
  };
  // Once the import has its answer or has failed, no request of it stays queued or in flight.
  const stop = new AbortController();
  try {
    const {client, source, imported} = await fetchInventory(args, stop.signal);
    const at = (args.now ?? (() => new Date()))();
    let text: string;
    let summary = '';
    if (args.merge !== undefined) {
      const existing = await loadTopologyFile(args.merge);
      if (!existing.ok)
        return fail(`cannot merge into ${args.merge}: ${formatLocated(existing.errors[0]!)}`);
      let merged: ReturnType<typeof mergeYaml>;
      try {
        merged = mergeYaml(await readFile(args.merge, 'utf8'), imported, {
          source,
          at,
          zones: args.zones.length > 0 ? new Set(imported.zones.map((zone) => zone.id)) : undefined,
        });
      } catch (error) {
        // The yaml library's own refusal (an alias it cannot write): said, and nothing written.
        return fail(
          `cannot merge into ${args.merge}, nothing written: ${(error as Error).message}`,
        );
      }
      text = merged.text;
      summary = `; added ${merged.added.length}, removed ${merged.removed.length}${
        merged.removed.length > 0 ? ` (${merged.removed.slice(0, 10).join(', ')})` : ''
      }`;
    } else {
      text = importedYaml(imported, {
        source,
        at,
        name: new URL(client.endpoint).hostname || 'cloud',
      });
    }
    const out = args.out ?? args.merge;
    // A JSON topology stays JSON (without the header, which JSON cannot hold).
    if (out !== undefined && /\.json$/i.test(out))
      text = `${JSON.stringify(parse(text), null, 2)}\n`;
    // The import is only written if failsight itself can load it.
    const check = parseTopology(text, out ?? 'the import');
    if (!check.ok)
      return fail(
        `the ${args.merge ? 'merged' : 'imported'} topology would not load, nothing written: ${check.errors
          .slice(0, 3)
          .map((error) => error.message)
          .join('; ')}`,
      );
    for (const note of imported.notes) io.stderr(`failsight: note: ${note}\n`);
    if (out === undefined) io.stdout(text);
    else {
      try {
        await writeWhole(out, text);
      } catch (error) {
        return fail(`cannot write ${out}: ${(error as Error).message}`);
      }
    }
    io.stderr(
      `failsight: imported ${count(imported.zones.length, 'zone')}, ${count(imported.accounts.length, 'account')}, ` +
        `${count(imported.vms.length, 'VM')}, ${count(imported.loadBalancers.length, 'load balancer')} from ${source}` +
        `${out ? ` into ${out}` : ''}${summary}\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof Refused) return fail(error.message);
    throw error;
  } finally {
    stop.abort();
  }
}

/** The dashboard's topology when --cloudstack is given without a FILE: an import held in memory. */
export async function importedModel(
  args: ImportArgs,
): Promise<{ok: true; model: Model; source: string} | {ok: false; message: string}> {
  const stop = new AbortController();
  try {
    const {client, source, imported} = await fetchInventory(args, stop.signal);
    const text = importedYaml(imported, {
      source,
      at: new Date(),
      name: new URL(client.endpoint).hostname,
    });
    const loaded = parseTopology(text, source);
    if (!loaded.ok) return {ok: false, message: loaded.errors[0]!.message};
    return {ok: true, model: loaded.model, source};
  } catch (error) {
    if (error instanceof Refused) return {ok: false, message: error.message};
    throw error;
  } finally {
    stop.abort();
  }
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
