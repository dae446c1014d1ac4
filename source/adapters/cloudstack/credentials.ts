import type {Credentials} from './client.js';

const keyFlags = ['--key', '--secret', '--api-key', '--apikey', '--secret-key', '--secretkey'];

/** A flag that would carry a key on the command line, by name only (its value is never shown). */
export function keyFlagIn(argv: readonly string[]): string | undefined {
  return argv
    .map((arg) => arg.split('=')[0]!.toLowerCase())
    .find((name) => keyFlags.includes(name));
}

/**
 * The endpoint and key pair, from the environment only (as other CloudStack tools name them):
 * keys on a command line end up in shell history and in every `ps` listing. `--endpoint` may
 * override the endpoint, which is not a secret.
 */
export function credentialsFrom(
  env: NodeJS.ProcessEnv,
  endpointFlag?: string,
): {ok: true; credentials: Credentials} | {ok: false; message: string} {
  const endpoint = (endpointFlag ?? env['CLOUDSTACK_ENDPOINT'] ?? '').trim();
  const key = env['CLOUDSTACK_KEY'] ?? '';
  const secret = env['CLOUDSTACK_SECRET'] ?? '';
  const missing = [
    endpoint === '' ? 'CLOUDSTACK_ENDPOINT (or --endpoint URL)' : undefined,
    key === '' ? 'CLOUDSTACK_KEY' : undefined,
    secret === '' ? 'CLOUDSTACK_SECRET' : undefined,
  ].filter(Boolean);
  if (missing.length > 0)
    return {
      ok: false,
      message: `set ${missing.join(', ')} in the environment: the API key and secret are read from there only`,
    };
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return {
      ok: false,
      message: `the endpoint is not a URL: ${JSON.stringify(endpoint.slice(0, 200))}`,
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return {
      ok: false,
      message: `the endpoint must be an http:// or https:// URL (got ${url.protocol})`,
    };
  if (url.search !== '')
    return {
      ok: false,
      message:
        'the endpoint must not carry a query: give the API address, e.g. https://host/client/api',
    };
  return {ok: true, credentials: {endpoint, key, secret}};
}

/** How the endpoint is named in headers and messages: no credentials, no query. */
export function sourceName(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return 'the endpoint';
  }
}
