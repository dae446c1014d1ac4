import {connect} from 'node:net';
import {
  nextVerdict,
  probeTargets,
  unknownVerdict,
  type ProbeSettings,
  type ProbeVerdict,
} from '../core/probes.js';
import type {LiveUpdate} from '../core/live.js';
import type {Model} from '../core/model.js';
import {channel} from './channel.js';
import {delay} from './poll.js';

export interface ProbeResult {
  ok: boolean;
  detail: string;
}

/** HTTP(S): up on 2xx/3xx (redirects are not followed). The whole exchange is cut at the timeout. */
async function probeHttp(
  address: string,
  timeoutMs: number,
  stop?: AbortSignal,
): Promise<ProbeResult> {
  try {
    const response = await fetch(address, {
      redirect: 'manual',
      signal: stop
        ? AbortSignal.any([stop, AbortSignal.timeout(timeoutMs)])
        : AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel().catch(() => undefined);
    const ok = response.status >= 200 && response.status < 400;
    return {ok, detail: `HTTP ${response.status}`};
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError')
      return {ok: false, detail: `no answer within ${timeoutMs} ms`};
    const cause = (error as {cause?: {code?: string; message?: string}}).cause;
    return {ok: false, detail: cause?.code ?? cause?.message ?? (error as Error).message};
  }
}

function probeTcp(address: string, timeoutMs: number, stop?: AbortSignal): Promise<ProbeResult> {
  const {hostname, port} = new URL(address);
  return new Promise((resolve) => {
    const socket = connect({host: hostname, port: Number(port)});
    const done = (result: ProbeResult) => {
      clearTimeout(timer);
      stop?.removeEventListener('abort', onStop);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(
      () => done({ok: false, detail: `no connect within ${timeoutMs} ms`}),
      timeoutMs,
    );
    const onStop = () => done({ok: false, detail: 'stopped'});
    stop?.addEventListener('abort', onStop, {once: true});
    socket.once('connect', () => done({ok: true, detail: 'connected'}));
    socket.once('error', (error: NodeJS.ErrnoException) =>
      done({ok: false, detail: error.code ?? error.message}),
    );
  });
}

export function probeOnce(
  address: string,
  timeoutMs: number,
  stop?: AbortSignal,
): Promise<ProbeResult> {
  return address.startsWith('tcp://')
    ? probeTcp(address, timeoutMs, stop)
    : probeHttp(address, timeoutMs, stop);
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker));
}

/**
 * The file's probes (docs/live-sources.md), as source `probes`: every interval a round of checks with a
 * per-probe timeout and bounded concurrency; each round yields the full snapshot. A component
 * is unknown until `rise` successes or `fall` failures in a row decide it.
 */
export function runProbes(
  model: () => Model,
  signal: AbortSignal,
  overrides: Partial<ProbeSettings> = {},
  probe: typeof probeOnce = probeOnce,
): AsyncIterable<LiveUpdate> {
  const updates = channel<LiveUpdate>(signal);
  const verdicts = new Map<string, ProbeVerdict>();
  const round = async () => {
    const current = model();
    const settings = {...current.topology.probes, ...overrides};
    const targets = probeTargets(current);
    const seen = new Set<string>();
    await pool(targets, settings.concurrency, async (target) => {
      const key = `${target.id} ${target.address}`;
      seen.add(key);
      const result = await probe(target.address, settings.timeoutMs, signal);
      const before = verdicts.get(key) ?? unknownVerdict;
      verdicts.set(
        key,
        nextVerdict(before, {...result, detail: `${target.address}: ${result.detail}`}, settings),
      );
    });
    for (const key of verdicts.keys()) if (!seen.has(key)) verdicts.delete(key);
    const observed = new Map<string, string>();
    const unknown = new Set<string>();
    for (const target of targets) {
      const verdict = verdicts.get(`${target.id} ${target.address}`)!;
      if (verdict.state === 'down') observed.set(target.id, verdict.reason ?? 'probe failed');
      else if (verdict.state === 'unknown') unknown.add(target.id);
    }
    updates.push({type: 'observed', source: 'probes', observed, unknown, at: Date.now()});
    return settings.intervalS * 1000;
  };
  void (async () => {
    while (!signal.aborted) {
      const started = Date.now();
      const intervalMs = await round();
      if (signal.aborted) break;
      // The shared sleep removes its abort listener when it wakes: one added a round and never
      // removed grew without end (and Node warned of a leak after eleven rounds).
      await delay(Math.max(0, intervalMs - (Date.now() - started)), signal);
    }
  })();
  return updates;
}
