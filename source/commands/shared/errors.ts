import type {Located} from '../../core/load.js';
import {printable} from '../../core/printable.js';
import {redact} from '../../adapters/secrets.js';

/** Read from argv itself: a usage error can come before meow has parsed the flags. */
function wantsJson(): boolean {
  const args = process.argv.slice(2);
  const format = args.indexOf('--format');
  return (
    args.includes('--json') ||
    args.includes('--format=json') ||
    (format >= 0 && args[format + 1] === 'json')
  );
}

/** An error as JSON gives it: one about the whole file (line 0) has no line or column to give. */
export function placed<T extends Partial<Located> & {message: string}>(error: T) {
  return error.line === 0 ? {file: error.file, message: error.message} : error;
}

/** With --json, stdout is one JSON document whatever the exit code (docs/semantics.md): on bad input, the errors. */
export function jsonErrors(errors: ReadonlyArray<Partial<Located> & {message: string}>): void {
  if (!wantsJson()) return;
  process.stdout.write(JSON.stringify({errors: errors.map(placed)}, null, 2) + '\n');
}

/** A mistake on the command line: said once, on stderr (and as JSON with --json), exit 2. */
export function usageError(text: string): never {
  const message = redact(text);
  jsonErrors([{message}]);
  process.stderr.write(`failsight: ${printable(message)}\nRun failsight --help for usage.\n`);
  process.exit(2);
}

/** Not the user's fault: exit 70, still one JSON document with --json. */
export function internalError(error: unknown): number {
  const message = redact(
    `internal error: ${error instanceof Error ? error.message : String(error)}`,
  );
  jsonErrors([{message}]);
  process.stderr.write(`failsight: ${printable(message)}\n`);
  return 70;
}
