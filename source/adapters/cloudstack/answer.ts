/** How one HTTP exchange with the API ended, in the words a user acts on. */

export type ApiObject = Record<string, unknown>;

export type FailureKind =
  | 'credentials' // 401: wrong key or secret
  | 'forbidden' // 432: the key may not use this command
  | 'parameter' // 431: the API refused a parameter
  | 'timeout'
  | 'tls'
  | 'html' // the endpoint is a web page, not the API
  | 'connection'
  | 'redirect' // to another origin: refused, the signed request stays with its endpoint
  | 'http'
  | 'format'
  | 'limit'; // more items than the stated ceiling

/** `retry`: whether another attempt may help (5xx and broken connections only). */
export type Outcome =
  {ok: true; body: ApiObject} | {ok: false; kind: FailureKind; retry: boolean; message: string};

const failed = (kind: FailureKind, retry: boolean, message: string): Outcome => ({
  ok: false,
  kind,
  retry,
  message,
});

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

/** The useful part of fetch's "fetch failed": the first cause with a code, else the innermost message. */
export function errorCause(error: unknown): {code?: string; message: string} {
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

/** A request that got no answer: a timeout, a TLS failure, or a connection that failed. */
export function noAnswer(error: unknown, shown: string, timeoutMs: number): Outcome {
  if (error instanceof Error && error.name === 'TimeoutError')
    return failed('timeout', false, `no answer within ${timeoutMs / 1000} s from ${shown}`);
  const cause = errorCause(error);
  if (cause.code !== undefined && (tlsCodes.has(cause.code) || /TLS|SSL|CERT/.test(cause.code)))
    return failed('tls', false, `TLS error talking to ${shown}: ${cause.message} (${cause.code})`);
  const code = cause.code ? ` (${cause.code})` : '';
  return failed('connection', true, `cannot reach ${shown}: ${cause.message}${code}`);
}

/** An answer, read: the object inside `…response`, or what is wrong with it. */
export function readAnswer(
  status: number,
  contentType: string,
  text: string,
  shown: string,
  command: string,
): Outcome {
  const serverSide = status >= 500;
  if (/html/i.test(contentType) || /^\s*</.test(text))
    return failed(
      'html',
      serverSide,
      `${shown} answered with an HTML page (HTTP ${status}), not the CloudStack API: check the endpoint, it usually ends in /client/api`,
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return failed('format', serverSide, `the answer from ${shown} is not JSON (HTTP ${status})`);
  }
  const body = innerResponse(parsed);
  const ok = status >= 200 && status < 300;
  const code = Number(body?.['errorcode'] ?? (ok ? 0 : status));
  if (code === 0 && ok && body) return {ok: true, body};
  const detail = typeof body?.['errortext'] === 'string' ? `: ${body['errortext']}` : '';
  if (code === 401)
    return failed(
      'credentials',
      false,
      `the API refused the key or secret (401${detail}); check CLOUDSTACK_KEY and CLOUDSTACK_SECRET`,
    );
  if (code === 432)
    return failed('forbidden', false, `this key may not use ${command} (432${detail})`);
  if (code === 431) return failed('parameter', false, `the API refused a parameter (431${detail})`);
  if (!body)
    return failed(
      'format',
      serverSide,
      `the answer from ${shown} has no "${command.toLowerCase()}response"`,
    );
  return failed('http', code >= 500, `the API answered ${code}${detail}`);
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
