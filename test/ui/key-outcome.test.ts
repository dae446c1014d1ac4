import type {Key} from 'ink';
import {describe, expect, it} from 'vitest';
import {fittingHints} from '../../source/ui/components/bars.js';
import {keyContext, scopesOf} from '../../source/ui/keys/key-actions.js';
import {keyOutcome} from '../../source/ui/keys/key-outcome.js';
import {footerHints} from '../../source/ui/keymap.js';
import {apply, at, key, start} from './reducer-helpers.js';

const options = {at, ascii: false};

describe('a key press, decided by the keymap alone', () => {
  it('read-only: x, r, R, u and o say why they are off and change nothing', () => {
    const state = start({readOnly: true});
    for (const input of ['x', 'r', 'R', 'u', 'o'])
      expect(keyOutcome(state, input, key(), options), input).toEqual({
        type: 'dispatch',
        action: {type: 'notice', notice: {id: 'msg.readOnly', tone: 'warn'}},
      });
  });

  it('in the demo, the failure keys say that the script drives them, with the step keys', () => {
    const state = start({demo: true});
    expect(keyOutcome(state, 'x', key(), options)).toEqual({
      type: 'dispatch',
      action: {
        type: 'notice',
        notice: {id: 'msg.demoDrives', tone: 'warn', params: {arrows: '←→'}},
      },
    });
    const ascii = keyOutcome(state, 'o', key(), {at, ascii: true});
    expect(ascii).toMatchObject({action: {notice: {params: {arrows: 'left/right'}}}});
    expect(keyOutcome(state, '', key({rightArrow: true}), options)).toEqual({
      type: 'demo',
      action: 'demoNext',
    });
  });

  it('keys that apply are the reducer actions of the keymap', () => {
    expect(keyOutcome(start(), 'x', key(), options)).toEqual({
      type: 'dispatch',
      action: {type: 'failSelected', at},
    });
    // With nothing simulated, r has nothing to restore: the same reason the help gives.
    expect(keyOutcome(start(), 'r', key(), options)).toMatchObject({
      action: {notice: {id: 'msg.nothingSimulated'}},
    });
    expect(keyOutcome(start(), 'N', key({shift: true}), options)).toMatchObject({
      action: {notice: {id: 'msg.noFilter'}},
    });
    expect(keyOutcome(start(), 'q', key(), options)).toEqual({type: 'quit', code: 0});
    expect(keyOutcome(start(), 'c', key({ctrl: true}), options)).toEqual({type: 'quit', code: 130});
  });

  it('an unknown key points to ?; a key of the tree says where it works', () => {
    expect(keyOutcome(start(), '%', key(), options)).toEqual({
      type: 'dispatch',
      action: {type: 'notice', notice: {id: 'msg.unknownKey', tone: 'warn', params: {key: '%'}}},
    });
    // `:` opens the command line: the screen's to do.
    expect(keyOutcome(start(), ':', key(), options)).toEqual({type: 'commandLine'});
    const panel = apply(start(), {type: 'focusNext'});
    expect(scopesOf(panel)).toEqual(['panel']);
    expect(keyOutcome(panel, 'x', key(), options)).toMatchObject({
      action: {notice: {id: 'msg.keyInTree', params: {key: 'x'}}},
    });
    // While a failover preview waits, any other key repeats how to answer it.
    const pending = {...start(), pending: {id: 'db-2'}} as unknown as ReturnType<typeof start>;
    expect(keyOutcome(pending, 'x', key(), options)).toMatchObject({
      action: {notice: {id: 'msg.confirmFailover', params: {key: 'y'}}},
    });
    // Keys with no printable name (a bare Escape sequence, F-keys) stay silent.
    expect(keyOutcome(start(), '', key({meta: true}), options)).toBeUndefined();
  });

  it('with the impact panel focused, the arrows, pages and g/G scroll it', () => {
    const panel = apply(start({treeRows: 18}), {type: 'focusNext'});
    const outcome = (input: string, overrides: Partial<Key> = {}) =>
      keyOutcome(panel, input, key(overrides), options);
    expect(outcome('', {downArrow: true})).toEqual({
      type: 'dispatch',
      action: {type: 'scrollPanel', by: 1},
    });
    expect(outcome('k')).toMatchObject({action: {type: 'scrollPanel', by: -1}});
    expect(outcome('', {pageDown: true})).toMatchObject({action: {type: 'scrollPanel', by: 17}});
    expect(outcome('G', {shift: true})).toMatchObject({
      action: {type: 'scrollPanelTo', to: 'last'},
    });
    expect(outcome('', {tab: true})).toMatchObject({action: {type: 'focusNext'}});
    // With the sweep open and focused, the same keys move its cursor.
    const sweep = apply(start(), {type: 'toggleSweep'});
    expect(keyOutcome(sweep, 'j', key(), options)).toMatchObject({
      action: {type: 'listMove', by: 1},
    });
  });
});

describe('the footer at 80 columns', () => {
  const shown = (state: ReturnType<typeof start>) =>
    fittingHints(footerHints(scopesOf(state), keyContext(state), 'en', false), 80)
      .map((hint) => hint.keys)
      .join(' ');

  it('keeps o (failover) while something is failed, help and quit always', () => {
    const calm = start();
    expect(shown(calm)).toBe('↑↓ ←→ Tab x v / s ? q');
    const failed = apply(calm, {type: 'failSelected', at});
    expect(shown(failed)).toBe('↑↓ Tab x r o p ? q');
    expect(shown(apply(failed, {type: 'focusNext'}))).toBe('↑↓ Tab s a p ? Esc q');
  });
});

describe('a notice said in the help', () => {
  it('goes when the help closes, by Esc or by ?', () => {
    for (const close of [key({escape: true}), key()]) {
      let state = apply(start(), {type: 'toggleHelp'});
      // x works in the tree only: in the help it is "not a key here".
      const outcome = keyOutcome(state, 'x', key(), options);
      if (outcome?.type !== 'dispatch') throw new Error('x in the help said nothing');
      state = apply(state, outcome.action);
      expect(state.notice?.id).toBe('msg.unknownKey');
      const closing = keyOutcome(state, close.escape ? '' : '?', close, options);
      if (closing?.type !== 'dispatch') throw new Error('no key closes the help');
      state = apply(state, closing.action);
      expect(state.help).toBe(false);
      expect(state.notice).toBeUndefined();
    }
  });
});
