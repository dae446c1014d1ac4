import {createHmac} from 'node:crypto';

/** Request parameters as sent: names as CloudStack spells them, values as text. */
export type Params = Readonly<Record<string, string>>;

/**
 * A value percent-encoded the way the signature expects: RFC 3986 unreserved characters stay,
 * everything else (space as %20, never +) is escaped. encodeURIComponent leaves !'()* alone, so
 * those are escaped by hand.
 */
export function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The query in the order the signature covers it: sorted by field name, values encoded. */
export function sortedQuery(params: Params): string {
  return Object.keys(params)
    .filter((name) => name.toLowerCase() !== 'signature')
    .sort((a, b) => {
      const left = a.toLowerCase();
      const right = b.toLowerCase();
      return left < right ? -1 : left > right ? 1 : 0;
    })
    .map((name) => `${name}=${encodeValue(params[name]!)}`)
    .join('&');
}

/** Step 2 of the developer's guide: the sorted command string, lower-cased. */
export function stringToSign(params: Params): string {
  return sortedQuery(params).toLowerCase();
}

/** HMAC-SHA1 of the string to sign with the secret, base64 (not yet URL-encoded). */
export function signature(params: Params, secret: string): string {
  return createHmac('sha1', secret).update(stringToSign(params), 'utf8').digest('base64');
}

/** The full query string of a signed request: the sorted parameters, then `signature`. */
export function signedQuery(params: Params, secret: string): string {
  return `${sortedQuery(params)}&signature=${encodeValue(signature(params, secret))}`;
}
