import fc from 'fast-check';
import meow from 'meow';
import {describe, expect, it} from 'vitest';
import {plainCommandLine} from '../../source/commands/shared/command-line.js';
import {flagSpec} from '../../source/commands/shared/invocation.js';

/** What cli.tsx asks meow for the same arguments. */
function meowsAnswer(argv: string[]) {
  const {input, flags} = meow('usage', {
    importMeta: import.meta,
    argv,
    allowUnknownFlags: true,
    flags: flagSpec,
    pkg: {name: 'failsight', bin: {failsight: 'dist/cli.js'}},
  });
  return {input, flags};
}

describe('plainCommandLine', () => {
  const plainArgument = fc.oneof(
    fc.constantFrom('check', 'impact', 'demo', 'diff', 'fixtures/demo.yaml', '12', '0x1', 'true'),
    fc.string({maxLength: 8}).filter((text) => !text.startsWith('-')),
  );

  it('gives what meow gives for arguments without a flag', () => {
    fc.assert(
      fc.property(fc.array(plainArgument, {maxLength: 4}), (argv) => {
        expect(plainCommandLine(argv)).toEqual(meowsAnswer(argv));
      }),
      {numRuns: 300},
    );
  });

  it('leaves any command line with a flag, --, - or --help to meow', () => {
    const dashed = fc.oneof(
      fc.constantFrom('--json', '--', '-', '--help', '--version', '--lang=ko', '-x'),
      fc.string({maxLength: 6}).map((text) => `-${text}`),
    );
    fc.assert(
      fc.property(
        fc.array(plainArgument, {maxLength: 3}),
        dashed,
        fc.array(plainArgument, {maxLength: 3}),
        (before, flag, after) => {
          expect(plainCommandLine([...before, flag, ...after])).toBeUndefined();
        },
      ),
      {numRuns: 300},
    );
  });
});
