/**
 * One redaction for every text that reaches a screen, a journal or stderr: credentials the
 * program holds, in each form a server may echo them back (as written, URL-encoded, base64),
 * and the parts of a URL that identify the caller.
 */

/** Query parameters that identify the caller (CloudStack's key and signature): never shown. */
const secretParams = /([?&](?:apikey|signature)=)[A-Za-z0-9%._~*+/=-]*/gi;
/** `scheme://user:password@host`: the user info goes, the host stays. */
const userInfo = /([a-z][a-z0-9+.-]*:\/\/)[^/@\s"'<>]*@/gi;
/** The value of an Authorization header or a bearer token as a server may echo it. */
const authHeader = /\b(authorization["']?\s*[:=]\s*["']?(?:basic|bearer)?\s*)[^\s"',;]+/gi;

/** A secret shorter than this is not redacted: "***" everywhere a 2-letter password occurs hides more than it protects. */
const shortest = 4;

/** The forms of a secret a server may echo: as written, URL-encoded, base64 (a Basic header). */
export function secretForms(secret: string): string[] {
  if (secret.length < shortest) return [];
  const forms = new Set([secret, encodeURIComponent(secret)]);
  const base64 = Buffer.from(secret, 'utf8').toString('base64');
  forms.add(base64);
  // Base64 without its padding, as some servers print it.
  forms.add(base64.replace(/=+$/, ''));
  return [...forms].filter((form) => form.length >= shortest);
}

/** A URL, or any text holding URLs, with its credentials hidden. */
export function redactUrl(text: string): string {
  return text.replace(secretParams, '$1***').replace(userInfo, '$1');
}

/** `text` with every form of every secret, every URL credential and every echoed header value hidden. */
export function redactText(text: string, secrets: Iterable<string>): string {
  let clean = redactUrl(text).replace(authHeader, '$1***');
  // Longest first: a secret that contains another is hidden whole.
  const forms = [...new Set([...secrets].flatMap(secretForms))].sort((a, b) => b.length - a.length);
  for (const form of forms) if (clean.includes(form)) clean = clean.split(form).join('***');
  return clean;
}
