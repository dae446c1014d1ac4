/** Query parameters that identify the caller: never shown, whatever the message. */
const secretParams = /([?&](?:apikey|signature)=)[A-Za-z0-9%._~*+/=-]*/gi;

/** A URL fit for a message: `apiKey` and `signature` replaced by `***`, no user or password. */
export function redactUrl(url: string): string {
  return url.replace(secretParams, '$1***').replace(/(https?:\/\/)[^/@\s]*@/gi, '$1');
}

/**
 * Text fit for a message: redacted URLs, and any occurrence of the given secrets (a server may
 * echo the key back in its error text) replaced by `***`.
 */
export function scrub(text: string, secrets: readonly string[]): string {
  let clean = redactUrl(text);
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    clean = clean.split(secret).join('***');
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) clean = clean.split(encoded).join('***');
  }
  return clean;
}
