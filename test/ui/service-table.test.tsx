import chalk from 'chalk';
import fc from 'fast-check';
import {Box} from 'ink';
import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import type {ReactElement} from 'react';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import type {ServiceRow} from '../../source/ui/analysis/selection.js';
import {preloadWideTable, ServiceTable} from '../../source/ui/components/service-table.js';
import {InkTableServices} from '../../source/ui/components/wide-table.js';
import {themeOf} from '../../source/ui/theme.js';

const frameOf = (element: ReactElement, width: number) => {
  const {lastFrame, unmount} = render(
    <Box flexDirection="column" width={width}>
      {element}
    </Box>,
  );
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
};

const status = fc.constantFrom('OK', 'DEGRADED', 'DOWN') as fc.Arbitrary<ServiceRow['status']>;
const quantity = fc.oneof(
  fc.nat({max: 200_000}),
  fc.nat({max: 4000}).map((n) => n + 0.5),
);
const row = fc.record({
  id: fc.oneof(
    fc.stringMatching(/^[a-z][a-z0-9-]{0,30}$/),
    fc.constantFrom('결제-서비스', '주문', 'shop-web', 'a'),
  ),
  demand: quantity,
  before: quantity,
  after: quantity,
  status,
  changed: fc.boolean(),
}) as fc.Arbitrary<ServiceRow>;

describe('service table', () => {
  // Colours on, so that the comparison covers every cell's style, not only its text.
  const level = chalk.level;
  beforeAll(() => {
    chalk.level = 3;
  });
  afterAll(() => {
    chalk.level = level;
  });

  it('draws as one line per row exactly what ink-table drew, wherever the table fits', () => {
    fc.assert(
      fc.property(
        fc.array(row, {minLength: 1, maxLength: 6}),
        fc.integer({min: 40, max: 90}),
        fc.record({
          lang: fc.constantFrom('en', 'ko') as fc.Arbitrary<'en' | 'ko'>,
          ascii: fc.boolean(),
          color: fc.boolean(),
        }),
        fc.boolean(),
        fc.constantFrom('col.after', 'col.wouldBe', 'col.ifBack') as fc.Arbitrary<
          'col.after' | 'col.wouldBe' | 'col.ifBack'
        >,
        (rows, width, look, preview, afterColumn) => {
          const props = {rows, theme: themeOf(look), width, preview, afterColumn};
          expect(frameOf(<ServiceTable {...props} />, width)).toBe(
            frameOf(<InkTableServices {...props} />, width),
          );
        },
      ),
      {numRuns: 150},
    );
  });

  it('a table wider than the panel (huge amounts, narrow screen) never reaches past its edge', async () => {
    const rows: ServiceRow[] = [
      {
        id: 'shop-web',
        demand: 10_000_000_000,
        before: 9_999_999_999.5,
        after: 0,
        status: 'DOWN',
        changed: true,
      },
    ];
    const theme = themeOf({lang: 'en', ascii: false, color: false});
    // service 9 + demand 12 + before 13 + after 6 + status 7 = 47 columns in 40: the headings
    // wider than their values give way first ("after" and "status" lose one cell each, "status" a
    // second), then the id, down to 6; 41 columns still do not fit.
    const table = <ServiceTable rows={rows} theme={theme} width={40} />;
    // ink-table loads after the first frame; until then the lines stand in, each cut short.
    const before = frameOf(table, 40);
    for (const line of before.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(40);
    expect(before).toContain(' shop… 10000000000');
    preloadWideTable();
    await vi.waitFor(() => expect(frameOf(table, 40)).not.toBe(before));
    const frame = frameOf(table, 40);
    for (const line of frame.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(40);
    expect(frame).toContain(' shop 10000000000');
  });
});
