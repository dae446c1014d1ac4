import {noAnswer, readAnswer, type ApiObject, type FailureKind, type Outcome} from './answer.js';
import {printable} from '../../core/printable.js';
import {redactUrl} from '../../core/redact.js';
import {fetchWithinOrigin, RedirectRefused} from '../guarded-fetch.js';
import {holdSecrets, redact} from '../secrets.js';
import {signedQuery, type Params} from './sign.js';
import {append} from '../../core/append.js';

export type {ApiObject, FailureKind};

/** Where and as whom: the endpoint (…/client/api) and the API key pair. */
export interface Credentials {
  endpoint: string;
  key: string;
  secret: string;
}

/** A request that failed for good (after its retries), with a message fit to show. */
export class CloudStackError extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly command: string,
    message: string,
  ) {
    super(message);
    this.name = 'CloudStackError';
  }
}

export interface ClientOptions {
  timeoutMs?: number;
  /** Extra attempts after a 5xx answer or a broken connection (never after 4xx or a timeout). */
  retries?: number;
  backoffMs?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  pageSize?: number;
  /** Ends every request in flight (a dashboard that quits, an import that has failed). */
  signal?: AbortSignal;
  /** One deadline for every request of this client together (an import), counted from its creation. */
  deadlineMs?: number;
}

export interface CloudStackClient {
  /** One command; the object inside `…response`. */
  call(command: string, params?: Params, endpoint?: string): Promise<ApiObject>;
  /** Every page of a list command: items under `itemKey` until `count` is reached. */
  list(command: string, itemKey: string, params?: Params, endpoint?: string): Promise<ApiObject[]>;
  readonly endpoint: string;
}

/** A slot-limited runner: at most `limit` tasks at once, the rest queue in order. */
function limiter(limit: number) {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

/** Text from the API is data: one line, control characters escaped, a bounded length, no secrets. */
function apiText(text: string, extra: readonly string[]): string {
  const flat = printable(redact(text, extra).replace(/\s+/g, ' ').trim());
  return flat.length > 300 ? `${flat.slice(0, 300)}…` : flat;
}

export function createClient(
  credentials: Credentials,
  options: ClientOptions = {},
): CloudStackClient {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const retries = options.retries ?? 3;
  const backoffMs = options.backoffMs ?? 500;
  const pageSize = options.pageSize ?? 500;
  const slot = limiter(options.concurrency ?? 4);
  const deadline =
    options.deadlineMs === undefined ? undefined : AbortSignal.timeout(options.deadlineMs);
  const ends = [options.signal, deadline].filter((signal) => signal !== undefined);
  holdSecrets(credentials.key, credentials.secret);
  const fail = (kind: FailureKind, command: string, message: string, signature = '') =>
    new CloudStackError(kind, command, apiText(message, [signature]));

  /** One HTTP exchange, read; a failure carries whether another attempt may help. */
  async function attempt(
    command: string,
    url: string,
    signature: string,
  ): Promise<{ok: true; body: ApiObject} | {ok: false; retry: boolean; error: CloudStackError}> {
    const shown = redactUrl(url);
    let outcome: Outcome;
    try {
      const response = await fetchWithinOrigin(url, {
        signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), ...ends]),
        headers: {accept: 'application/json'},
      });
      const type = response.headers.get('content-type') ?? '';
      outcome = readAnswer(response.status, type, await response.text(), shown, command);
    } catch (error) {
      outcome =
        error instanceof RedirectRefused
          ? {ok: false, kind: 'redirect', retry: false, message: error.message}
          : deadline?.aborted
            ? {
                ok: false,
                kind: 'timeout',
                retry: false,
                message: `no complete answer from ${shown} within the ${options.deadlineMs! / 1000} s given to the whole import`,
              }
            : noAnswer(error, shown, timeoutMs);
    }
    if (outcome.ok) return outcome;
    return {
      ok: false,
      retry: outcome.retry,
      error: fail(outcome.kind, command, `${command}: ${outcome.message}`, signature),
    };
  }

  async function call(command: string, params: Params = {}, endpoint = credentials.endpoint) {
    const query = signedQuery(
      {...params, command, response: 'json', apiKey: credentials.key},
      credentials.secret,
    );
    const url = `${endpoint}${endpoint.includes('?') ? '&' : '?'}${query}`;
    // A server may echo the signature without its name: hidden as a secret of this request.
    const signature = new URLSearchParams(query).get('signature') ?? '';
    return slot(async () => {
      for (let tries = 0; ; tries++) {
        const result = await attempt(command, url, signature);
        if (result.ok) return result.body;
        // Nothing is retried once the caller has stopped (or the deadline has passed).
        if (!result.retry || tries >= retries || ends.some((end) => end.aborted))
          throw result.error;
        // Exponential backoff with jitter, so retries from many polls do not arrive together.
        const wait = backoffMs * 2 ** tries * (0.5 + Math.random() / 2);
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    });
  }

  async function list(command: string, itemKey: string, params: Params = {}, endpoint?: string) {
    const items: ApiObject[] = [];
    const seen = new Set<string>();
    for (let page = 1; ; page++) {
      const body = await call(
        command,
        {...params, page: String(page), pagesize: String(pageSize)},
        endpoint,
      );
      const pageItems = body[itemKey] ?? findArray(body);
      if (pageItems !== undefined && !Array.isArray(pageItems))
        throw fail('format', command, `${command}: "${itemKey}" is not a list`);
      const got = (pageItems ?? []).filter(
        (item): item is ApiObject => typeof item === 'object' && item !== null,
      );
      const count = body['count'] === undefined ? undefined : Number(body['count']);
      if (count !== undefined && !(Number.isInteger(count) && count >= 0))
        throw fail(
          'format',
          command,
          `${command}: "count" is not a number of items (${JSON.stringify(body['count'])})`,
        );
      // Items already listed (a server that answers the same page again) are not new.
      const fresh = got.filter((item) => {
        const id = item['id'];
        if (typeof id !== 'string' && typeof id !== 'number') return true;
        if (seen.has(String(id))) return false;
        seen.add(String(id));
        return true;
      });
      if (items.length + fresh.length > maxItems)
        throw fail(
          'limit',
          command,
          `${command}: more than ${maxItems} items; import fewer at a time (--zone Z)`,
        );
      append(items, fresh);
      // The listing ends at `count`, at a page with nothing new (an empty page when `count`
      // promised more: a shrinking inventory; or a page repeated), or at the ceiling above.
      if (fresh.length === 0 || items.length >= (count ?? items.length)) return items;
    }
  }

  return {call, list, endpoint: credentials.endpoint};
}

/** The most items one listing takes: past it the listing is refused, not cut short silently. */
export const maxItems = 200_000;

function findArray(body: ApiObject): unknown[] | undefined {
  for (const value of Object.values(body)) if (Array.isArray(value)) return value;
  return undefined;
}
