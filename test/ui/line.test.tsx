import chalk from 'chalk';
import fc from 'fast-check';
import {Box, Text} from 'ink';
import {render} from 'ink-testing-library';
import type {ReactElement} from 'react';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {Line} from '../../source/ui/components/line.js';
import type {Segment} from '../../source/ui/segments.js';
import {themeOf, type Theme, type Tone} from '../../source/ui/theme.js';

const frameOf = (element: ReactElement, width: number) => {
  const {lastFrame, unmount} = render(<Box width={width}>{element}</Box>);
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
};

/** The line as Ink draws it with a Text for each segment, styled by Ink itself. */
function InkSegments({segments, theme}: {segments: readonly Segment[]; theme: Theme}) {
  return (
    <Text wrap="truncate">
      {segments.map((segment, index) => (
        <Text
          key={index}
          {...theme.style(segment.tone ?? 'plain')}
          inverse={segment.inverse ?? false}
          {...(segment.underline ? {underline: true} : {})}
        >
          {theme.printable(segment.text)}
        </Text>
      ))}
    </Text>
  );
}

const tones: Tone[] = ['ok', 'warn', 'bad', 'sim', 'would', 'dim', 'accent', 'strong', 'plain'];
const segment = fc.record(
  {
    text: fc.oneof(
      fc.string({maxLength: 12}),
      fc.constantFrom('결제-서비스', '● web-1', '60\u00a0s', '\u001b[31mred\u001b[0m', ''),
    ),
    tone: fc.constantFrom(...tones),
    inverse: fc.boolean(),
    underline: fc.boolean(),
  },
  {requiredKeys: ['text']},
) as fc.Arbitrary<Segment>;

describe('Line', () => {
  // Colours on: every segment's style is compared, not only its text.
  const level = chalk.level;
  beforeAll(() => {
    chalk.level = 3;
  });
  afterAll(() => {
    chalk.level = level;
  });

  it('draws exactly what a Text per segment drew, styles, cuts and guards included', () => {
    fc.assert(
      fc.property(
        fc.array(segment, {maxLength: 8}),
        fc.integer({min: 4, max: 60}),
        fc.record({lang: fc.constant('en' as const), ascii: fc.boolean(), color: fc.boolean()}),
        (segments, width, look) => {
          const theme = themeOf(look);
          const line = frameOf(<Line segments={segments} theme={theme} />, width);
          expect(line).toBe(frameOf(<InkSegments segments={segments} theme={theme} />, width));
        },
      ),
      {numRuns: 300},
    );
  });

  it('styles reach the frame', () => {
    const theme = themeOf({lang: 'en', ascii: false, color: true});
    const frame = frameOf(<Line segments={[{text: 'down', tone: 'bad'}]} theme={theme} />, 20);
    expect(frame).toContain('\u001b[31m');
    expect(frame).toContain('\u001b[1m');
  });
});
