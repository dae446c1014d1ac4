import {redactUrl} from '../core/redact.js';

/** Redirects followed within the origin before the request is given up as a loop. */
const maxRedirects = 5;

/** A redirect the request was not allowed to follow: its credentials stay with their origin. */
export class RedirectRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedirectRefused';
  }
}

/**
 * fetch for a request that carries credentials (a header, or a signed query): redirects are
 * followed only within the origin the credentials belong to. A redirect to another origin
 * (another host, port or scheme) is refused, not followed with or without them: a signed query
 * is a credential by itself, and data from a host the user did not name is not theirs.
 */
export async function fetchWithinOrigin(url: URL | string, init: RequestInit): Promise<Response> {
  let current = new URL(url);
  const origin = current.origin;
  for (let hops = 0; ; hops++) {
    const response = await fetch(current, {...init, redirect: 'manual'});
    if (response.status < 300 || response.status >= 400 || response.status === 304) return response;
    const location = response.headers.get('location');
    await response.body?.cancel().catch(() => undefined);
    if (location === null) return response;
    const next = new URL(location, current);
    if (next.origin !== origin)
      throw new RedirectRefused(
        `${origin} redirected to another origin (${redactUrl(next.origin)}): refused, the request's credentials stay with ${origin}`,
      );
    if (hops >= maxRedirects)
      throw new RedirectRefused(`${origin} redirected more than ${maxRedirects} times`);
    current = next;
  }
}
