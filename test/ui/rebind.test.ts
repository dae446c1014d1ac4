import {describe, expect, it} from 'vitest';
import {helpEntries, keymap, plainContext} from '../../source/ui/keymap.js';
import {rebound, withoutKeys} from '../../source/ui/keys/rebind.js';

describe('keys given to another command by the config file', () => {
  it('leave the written keys of the command they were taken from', () => {
    expect(withoutKeys('j/k', new Set(['k']))).toBe('j');
    expect(withoutKeys('Enter Space', new Set(['Enter']))).toBe('Space');
    expect(withoutKeys('x', new Set(['x']))).toBe('');
    expect(withoutKeys('↑↓', new Set(['k']))).toBe('↑↓');
  });

  it('show the keys in force in the help and the footer, not the ones taken away', () => {
    // fail: f takes f from the state filter; k (move up, written "j/k" in ASCII) is untouched.
    const table = rebound(keymap, {fail: 'f'});
    const fail = table.filter((binding) => binding.action === 'fail');
    const state = table.filter((binding) => binding.action === 'stateFilter');
    expect(fail.length).toBeGreaterThan(0);
    expect(state.length).toBeGreaterThan(0);
    for (const binding of fail) {
      expect(binding.keys).toEqual({unicode: 'f', ascii: 'f'});
      if (binding.footer) expect(binding.footer.keys.unicode).toBe('f');
    }
    for (const binding of state) {
      expect(binding.keys.unicode).not.toContain('f');
      expect(binding.footer?.keys.unicode ?? '').toBe('');
      expect(binding.matches('f', {} as never)).toBe(false);
    }
    // Before rebinding, the help gives f to the state filter (so the test above can fail).
    const before = helpEntries(['tree'], plainContext, 'en', false);
    expect(before.some((entry) => entry.keys === 'f' && entry.commands?.includes(':state'))).toBe(
      true,
    );
  });
});
