import type {AnyFlags} from 'meow';

/** A flag as it is written: --include-gslb. */
export function writtenFlag(name: string): string {
  return `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/**
 * The first flag that takes a value but was given none, read from argv itself (meow takes a
 * missing value as an empty string, or the next flag as the value): `--out` at the end,
 * `--tolerance=`, `--zone --kt`. One rule for every flag of type string, whatever the command.
 */
export function flagWithoutValue(argv: readonly string[], spec: AnyFlags): string | undefined {
  const takesValue = new Set(
    Object.entries(spec)
      .filter(([, flag]) => flag.type === 'string')
      .map(([name]) => writtenFlag(name)),
  );
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === '--') break;
    const equals = argument.indexOf('=');
    const name = equals >= 0 ? argument.slice(0, equals) : argument;
    if (!takesValue.has(name)) continue;
    if (equals >= 0) {
      if (argument.slice(equals + 1).trim() === '') return name;
      continue;
    }
    const next = argv[index + 1];
    if (next === undefined || next.trim() === '' || (next.startsWith('--') && next.length > 2))
      return name;
    index++;
  }
  return undefined;
}

/** Whether argv asks for help, anywhere before `--` (`failsight check --help`). */
export function asksForHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).includes('--help');
}
