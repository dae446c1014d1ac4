import type {AnyFlags} from 'meow';
import {flagSpec, type Flags} from './invocation.js';

/**
 * The command line when it holds no flag at all (`failsight FILE`, `failsight check FILE`):
 * meow would answer the arguments as they are and every flag at its default, so meow is not
 * loaded (10-15 ms of a first frame). Undefined as soon as one argument starts with `-`: those
 * (--help, --version, -- and every flag) are meow's to read. A test holds it to meow's answer.
 */
export function plainCommandLine(
  argv: readonly string[],
): {input: string[]; flags: Flags} | undefined {
  if (argv.some((argument) => argument.startsWith('-'))) return undefined;
  return {input: [...argv], flags: defaultFlags(flagSpec) as Flags};
}

/** What meow gives each flag that is not on the command line. */
function defaultFlags(spec: AnyFlags): Record<string, unknown> {
  const flags: Record<string, unknown> = {};
  for (const [name, flag] of Object.entries(spec)) {
    if (flag.default !== undefined) flags[name] = flag.default;
    else if (flag.isMultiple) flags[name] = [];
  }
  return flags;
}
