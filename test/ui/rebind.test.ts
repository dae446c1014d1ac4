import {describe, expect, it} from 'vitest';
import {helpEntries, keymap, plainContext} from '../../source/ui/keymap.js';
import {matchesAny} from '../../source/ui/keys/key-names.js';
import {rebound} from '../../source/ui/keys/rebind.js';

describe('keys given to another command by the config file', () => {
  it('leave the command they were taken from: its matcher, help and footer', () => {
    // fail: f takes f from the state filter.
    const table = rebound(keymap, {fail: 'f'});
    const fail = table.filter((binding) => binding.action === 'fail');
    const state = table.filter((binding) => binding.action === 'stateFilter');
    expect(fail.length).toBeGreaterThan(0);
    expect(state.length).toBeGreaterThan(0);
    for (const binding of fail) expect(binding.keys).toEqual(['f']);
    for (const binding of state) {
      expect(binding.keys).not.toContain('f');
      expect(matchesAny(binding.keys, 'f', {} as never)).toBe(false);
    }
    // Before rebinding, the help gives f to the state filter (so the test above can fail).
    const before = helpEntries(['tree'], plainContext, 'en', false);
    expect(before.some((entry) => entry.keys === 'f' && entry.commands?.includes(':state'))).toBe(
      true,
    );
  });
});
