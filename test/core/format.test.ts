import {describe, expect, it} from 'vitest';
import * as cli from '../../source/commands/shared/text.js';
import {amount, minutes, percent} from '../../source/core/format.js';
import * as ui from '../../source/ui/text.js';

describe('one formatter for the dashboard and the CLI', () => {
  it('amounts: whole where whole, else one decimal', () => {
    expect([amount(1000), amount(0), amount(262.84), amount(0.05)]).toEqual([
      '1000',
      '0',
      '262.8',
      '0.1',
    ]);
  });

  it('percentages with four decimals, minutes whole from 100 on', () => {
    expect([percent(0.9995), percent(1), percent(0)]).toEqual(['99.9500%', '100.0000%', '0.0000%']);
    expect([minutes(262.8), minutes(52.56), minutes(99.95)]).toEqual(['263', '52.6', '100.0']);
  });

  it('the CLI and the dashboard use these very functions', () => {
    expect(cli.amount).toBe(amount);
    expect(cli.percent).toBe(percent);
    expect(ui.amount).toBe(amount);
  });
});
