import type {LiveUpdate} from '../core/live.js';
import {redactText} from '../core/redact.js';

/**
 * Every credential the program holds (a Prometheus token, a password from a URL and the
 * `user:password` pair its Basic header encodes, a CloudStack key and secret), registered where
 * it is read, so that one redaction hides them from every text that is shown, logged or journaled.
 */
const held = new Set<string>();

/** Register credentials; empty values are ignored. */
export function holdSecrets(...secrets: readonly (string | undefined)[]): void {
  for (const secret of secrets) if (secret !== undefined && secret !== '') held.add(secret);
}

/** `text` with every held credential (and `extra`, e.g. one request's signature) hidden. */
export function redact(text: string, extra: readonly string[] = []): string {
  return redactText(text, extra.length === 0 ? held : [...held, ...extra]);
}

/** A live update with every text in it redacted: messages, reasons. */
export function redactUpdate(update: LiveUpdate): LiveUpdate {
  switch (update.type) {
    case 'model':
      return update;
    case 'observed': {
      const observed = new Map<string, string>();
      for (const [id, reason] of update.observed) observed.set(id, redact(reason));
      return {...update, observed};
    }
    default:
      return {...update, message: redact(update.message)};
  }
}
