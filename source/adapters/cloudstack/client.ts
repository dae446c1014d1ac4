import {redactUrl, scrub} from './redact.js';
import {signedQuery, type Params} from './sign.js';

/** Where and as whom: the endpoint (…/client/api) and the API key pair. */
export interface Credentials {
  endpoint: string;
  key: string;
  secret: string;
}

/** What went wrong, in the words a user acts on. */
export type FailureKind =
  | 'credentials' // 401: wrong key or secret
  | 'forbidden' // 432: the key may not use this command
  | 'parameter' // 431: the API refused a parameter
  | 'timeout'
  | 'tls'
  | 'html' // the endpoint is a web page, not the API
  | 'connection'
  | 'http'
  | 'format';

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
  /** Ends every request in flight (a dashboard that quits). */
  signal?: AbortSignal;
}

export type ApiObject = Record<string, unknown>;

export interface CloudStackClient {
  /** One command; the object inside `…response`. */
  call(command: string, params?: Params, endpoint?: string): Promise<ApiObject>;
  /** Every page of a list command: items under `itemKey` until `count` is reached. */
  list(command: string, itemKey: string, params?: Params, endpoint?: string): Promise<ApiObject[]>;
  readonly endpoint: string;
}

const tlsCodes = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
]);

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

// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Text from the API is data: no control characters, a bounded length, no secrets. */
function apiText(text: string, secrets: readonly string[]): string {
  const flat = scrub(text, secrets).replace(controls, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 300)}…` : flat;
}

/** The useful part of fetch's "fetch failed": the first cause with a code, else the innermost message. */
function errorCause(error: unknown): {code?: string; message: string} {
  let current: unknown = error;
  let innermost = error instanceof Error ? error.message : String(error);
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET' && current !== error)
      return {code, message: current.message || innermost};
    if (current.message) innermost = current.message;
    current = (current as Error & {cause?: unknown}).cause;
  }
  return {message: innermost};
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
  const secrets = [credentials.key, credentials.secret];
  const fail = (kind: FailureKind, command: string, message: string) =>
    new CloudStackError(kind, command, apiText(message, secrets));

  /** One HTTP exchange, classified; `retry` says whether another attempt may help. */
  async function attempt(
    command: string,
    url: string,
  ): Promise<{ok: true; body: ApiObject} | {ok: false; retry: boolean; error: CloudStackError}> {
    const shown = redactUrl(url);
    let response: Response;
    try {
      response = await fetch(url, {
        signal: options.signal
          ? AbortSignal.any([AbortSignal.timeout(timeoutMs), options.signal])
          : AbortSignal.timeout(timeoutMs),
        headers: {accept: 'application/json'},
      });
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError')
        return {
          ok: false,
          retry: false,
          error: fail(
            'timeout',
            command,
            `${command}: no answer within ${timeoutMs / 1000} s from ${shown}`,
          ),
        };
      const cause = errorCause(error);
      if (cause.code !== undefined && (tlsCodes.has(cause.code) || /TLS|SSL|CERT/.test(cause.code)))
        return {
          ok: false,
          retry: false,
          error: fail(
            'tls',
            command,
            `${command}: TLS error talking to ${shown}: ${cause.message} (${cause.code})`,
          ),
        };
      return {
        ok: false,
        retry: true,
        error: fail(
          'connection',
          command,
          `${command}: cannot reach ${shown}: ${cause.message}${cause.code ? ` (${cause.code})` : ''}`,
        ),
      };
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      return {
        ok: false,
        retry: true,
        error: fail(
          'connection',
          command,
          `${command}: the answer from ${shown} broke off: ${errorCause(error).message}`,
        ),
      };
    }
    const type = response.headers.get('content-type') ?? '';
    if (/html/i.test(type) || /^\s*</.test(text))
      return {
        ok: false,
        retry: response.status >= 500,
        error: fail(
          'html',
          command,
          `${command}: ${shown} answered with an HTML page (HTTP ${response.status}), not the CloudStack API: check the endpoint, it usually ends in /client/api`,
        ),
      };
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return {
        ok: false,
        retry: response.status >= 500,
        error: fail(
          'format',
          command,
          `${command}: the answer from ${shown} is not JSON (HTTP ${response.status})`,
        ),
      };
    }
    const body = innerResponse(parsed);
    const code = Number(body?.['errorcode'] ?? (response.ok ? 0 : response.status));
    if (code === 0 && response.ok && body) return {ok: true, body};
    const detail = typeof body?.['errortext'] === 'string' ? `: ${body['errortext']}` : '';
    if (code === 401)
      return {
        ok: false,
        retry: false,
        error: fail(
          'credentials',
          command,
          `${command}: the API refused the key or secret (401${detail}); check CLOUDSTACK_KEY and CLOUDSTACK_SECRET`,
        ),
      };
    if (code === 432)
      return {
        ok: false,
        retry: false,
        error: fail(
          'forbidden',
          command,
          `${command}: this key may not use ${command} (432${detail})`,
        ),
      };
    if (code === 431)
      return {
        ok: false,
        retry: false,
        error: fail('parameter', command, `${command}: the API refused a parameter (431${detail})`),
      };
    if (!body)
      return {
        ok: false,
        retry: response.status >= 500,
        error: fail(
          'format',
          command,
          `${command}: the answer from ${shown} has no "${command.toLowerCase()}response"`,
        ),
      };
    return {
      ok: false,
      retry: code >= 500,
      error: fail('http', command, `${command}: the API answered ${code}${detail}`),
    };
  }

  async function call(command: string, params: Params = {}, endpoint = credentials.endpoint) {
    const query = signedQuery(
      {...params, command, response: 'json', apiKey: credentials.key},
      credentials.secret,
    );
    const url = `${endpoint}${endpoint.includes('?') ? '&' : '?'}${query}`;
    return slot(async () => {
      for (let tries = 0; ; tries++) {
        const result = await attempt(command, url);
        if (result.ok) return result.body;
        if (!result.retry || tries >= retries) throw result.error;
        // Exponential backoff with jitter, so retries from many polls do not arrive together.
        const wait = backoffMs * 2 ** tries * (0.5 + Math.random() / 2);
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    });
  }

  async function list(command: string, itemKey: string, params: Params = {}, endpoint?: string) {
    const items: ApiObject[] = [];
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
      items.push(...got);
      const count = Number(body['count'] ?? items.length);
      // An empty page ends the listing even when `count` promised more (a shrinking inventory).
      if (got.length === 0 || items.length >= count) return items;
    }
  }

  return {call, list, endpoint: credentials.endpoint};
}

/** `{"listzonesresponse": {…}}` → the inner object; the name's case varies between clouds. */
function innerResponse(parsed: unknown): ApiObject | undefined {
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const entries = Object.entries(parsed as ApiObject);
  const found = entries.find(([name]) => /response$/i.test(name)) ?? entries[0];
  const inner = found?.[1];
  return typeof inner === 'object' && inner !== null && !Array.isArray(inner)
    ? (inner as ApiObject)
    : undefined;
}

function findArray(body: ApiObject): unknown[] | undefined {
  for (const value of Object.values(body)) if (Array.isArray(value)) return value;
  return undefined;
}
