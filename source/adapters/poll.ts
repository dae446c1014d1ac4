import type {LiveUpdate} from '../core/live.js';
import {channel} from './channel.js';
import {fetchWithinOrigin, RedirectRefused} from './guarded-fetch.js';
import {holdSecrets, redact} from './secrets.js';

/** An endpoint to call: the URL without credentials, and the headers that carry them. */
export interface Endpoint {
  base: URL;
  headers: Record<string, string>;
}

/**
 * Credentials from the URL (basic auth) or a bearer token; fetch refuses URLs with credentials,
 * and neither may ever reach the screen, so both move into headers.
 */
export function endpointOf(url: string, token?: string): Endpoint {
  const base = new URL(url);
  const headers: Record<string, string> = {accept: 'application/json'};
  if (base.username !== '' || base.password !== '') {
    const user = decodeURIComponent(base.username);
    const password = decodeURIComponent(base.password);
    headers['authorization'] = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    // The password alone, as written in the URL, and the pair the header encodes (base64).
    if (password !== '') holdSecrets(password, base.password, `${user}:${password}`);
    base.username = '';
    base.password = '';
  }
  if (token !== undefined && token !== '') {
    headers['authorization'] = `Bearer ${token}`;
    holdSecrets(token);
  }
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return {base, headers};
}

/** GET a JSON document; any failure becomes an Error whose message names the URL, not the secret. */
export async function getJson(
  endpoint: Endpoint,
  path: string,
  timeoutMs: number,
  stop?: AbortSignal,
): Promise<unknown> {
  const url = new URL(path, endpoint.base);
  const shown = `${url.origin}${url.pathname}`;
  let response: Response;
  try {
    response = await fetchWithinOrigin(url, {
      headers: endpoint.headers,
      // Quitting ends a request in flight at once, not at its timeout.
      signal: stop
        ? AbortSignal.any([stop, AbortSignal.timeout(timeoutMs)])
        : AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    if (error instanceof RedirectRefused) throw new Error(redact(error.message));
    const name = (error as Error).name;
    const cause = (error as {cause?: {code?: string; message?: string}}).cause;
    const why =
      name === 'TimeoutError' || name === 'AbortError'
        ? `no answer within ${timeoutMs} ms`
        : (cause?.code ?? cause?.message ?? (error as Error).message);
    throw new Error(redact(`${shown}: ${why}`));
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    const hint = response.status === 401 || response.status === 403 ? ' (bad credentials?)' : '';
    throw new Error(`${shown}: HTTP ${response.status}${hint}`);
  }
  try {
    return await response.json();
  } catch (error) {
    const name = (error as Error).name;
    // The timeout also covers reading the body: a slow answer is not a malformed one.
    if (name === 'TimeoutError' || name === 'AbortError')
      throw new Error(`${shown}: no complete answer within ${timeoutMs} ms`);
    throw new Error(`${shown}: the answer is not JSON`);
  }
}

/** One poll's answer: what it observes, and how many of the answer's items were skipped. */
export type Snapshot = Omit<Extract<LiveUpdate, {type: 'observed'}>, 'type' | 'source' | 'at'> & {
  skipped?: number;
};

/**
 * Calls `once` every `intervalMs` (measured from the start of each call, so a slow answer does not
 * stretch the period) until the signal aborts; each call yields a snapshot or a source error.
 * Every source polls on its own loop: one slow source delays no other.
 */
export function pollSource(
  source: string,
  intervalMs: number,
  signal: AbortSignal,
  once: (signal: AbortSignal) => Promise<Snapshot>,
  /** What the source would see had it answered: shown unknown while its polls fail. */
  watching: () => ReadonlySet<string> = () => new Set(),
): AsyncIterable<LiveUpdate> {
  const updates = channel<LiveUpdate>(signal);
  let skippedSoFar = 0;
  void (async () => {
    while (!signal.aborted) {
      const started = Date.now();
      try {
        const {skipped = 0, ...snapshot} = await once(signal);
        if (signal.aborted) break;
        updates.push({type: 'observed', source, intervalMs, ...snapshot, at: Date.now()});
        if (skipped > 0) {
          skippedSoFar += skipped;
          updates.push({
            type: 'badLine',
            source,
            count: skippedSoFar,
            message: `${skipped} item${skipped === 1 ? '' : 's'} of the answer not in shape, skipped (${skippedSoFar} so far); the rest is used`,
            at: Date.now(),
          });
        }
      } catch (error) {
        updates.push({
          type: 'sourceError',
          source,
          message: sourceWords(error),
          expected: watching(),
          intervalMs,
          at: Date.now(),
        });
      }
      await delay(Math.max(0, intervalMs - (Date.now() - started)), signal);
    }
  })();
  return updates;
}

/**
 * What a failed poll says: the source's words or ours (plain Errors, made here), never a
 * JavaScript error's (a TypeError from an answer out of shape reads as nonsense to a user).
 */
export function sourceWords(error: unknown): string {
  if (error instanceof Error && Object.getPrototypeOf(error) === Error.prototype)
    return error.message;
  return 'the answer could not be read (not in the shape this source gives)';
}

export function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, {once: true});
  });
}
