import {describe, expect, it} from 'vitest';
import {parseDuration} from '../../source/core/duration.js';

describe('parseDuration (--interval)', () => {
  it.each([
    ['30s', 30],
    ['2m', 120],
    ['1m30s', 90],
    ['15', 15],
    ['0.5', 0.5],
    ['500ms', 0.5],
    ['1h', 3600],
    [' 45S ', 45],
  ])('reads %j as %d seconds', (text, seconds) => {
    expect(parseDuration(text)).toEqual({ok: true, seconds});
  });

  it.each(['', 'soon', '30x', '-5', '0', '0s', 'm', '1.5.2s'])('refuses %j', (text) => {
    const parsed = parseDuration(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(`"${text}"`);
  });
});
