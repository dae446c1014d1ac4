import type {Key} from 'ink';
import {describe, expect, it} from 'vitest';
import {dashboardAction, keyContext, scopesOf} from '../../source/ui/keys/key-actions.js';
import {
  bindingFor,
  footerHints,
  helpEntries,
  keymap,
  plainContext,
  type KeyContext,
} from '../../source/ui/keymap.js';
import {key, start} from './reducer-helpers.js';
import {helpKeys} from '../../source/ui/keys/key-names.js';

const context: KeyContext = plainContext;

describe('the keymap', () => {
  it('maps the keys of docs/dashboard.md to actions in the tree', () => {
    const tree = ['tree'] as const;
    const cases: [string, Partial<Key>, string][] = [
      ['', {upArrow: true}, 'moveUp'],
      ['k', {}, 'moveUp'],
      ['j', {}, 'moveDown'],
      ['', {pageDown: true}, 'pageDown'],
      ['g', {}, 'first'],
      ['G', {shift: true}, 'last'],
      ['h', {}, 'fold'],
      ['', {rightArrow: true}, 'unfold'],
      [' ', {}, 'toggleFold'],
      ['', {return: true}, 'toggleFold'],
      ['x', {}, 'fail'],
      ['r', {}, 'restore'],
      ['R', {shift: true}, 'restoreAll'],
      ['u', {}, 'undo'],
      ['o', {}, 'failover'],
      ['v', {}, 'nextView'],
      ['1', {}, 'viewZone'],
      ['2', {}, 'viewAccount'],
      ['3', {}, 'viewService'],
      ['/', {}, 'filter'],
      ['n', {}, 'nextMatch'],
      ['N', {shift: true}, 'previousMatch'],
      ['', {tab: true}, 'focusNext'],
      ['', {tab: true, shift: true}, 'focusPrevious'],
      ['s', {}, 'sweep'],
      ['a', {}, 'availability'],
      ['?', {}, 'help'],
      ['q', {}, 'quit'],
      ['c', {ctrl: true}, 'quit'],
    ];
    for (const [input, overrides, action] of cases)
      expect(
        bindingFor([...tree], input, key(overrides))?.action,
        `${input} ${JSON.stringify(overrides)}`,
      ).toBe(action);
  });

  it('gives ←/→/Space to the demo player before the tree', () => {
    expect(bindingFor(['demo', 'tree'], '', key({rightArrow: true}))?.action).toBe('demoNext');
    expect(bindingFor(['demo', 'tree'], '', key({leftArrow: true}))?.action).toBe('demoPrev');
    expect(bindingFor(['demo', 'tree'], ' ', key())?.action).toBe('demoPause');
    expect(bindingFor(['demo', 'tree'], 'j', key())?.action).toBe('moveDown');
  });

  it('in a list panel, arrows move in the list and Enter jumps', () => {
    expect(bindingFor(['list'], 'j', key())?.action).toBe('listDown');
    expect(bindingFor(['list'], '', key({return: true}))?.action).toBe('jump');
    expect(bindingFor(['list'], '', key({escape: true}))?.action).toBe('close');
    expect(bindingFor(['list'], 'x', key())).toBeUndefined();
  });

  it('turns every key action into a reducer action or a screen action', () => {
    const state = start();
    const screen = new Set([
      'quit',
      'demoPause',
      'demoNext',
      'demoPrev',
      'confirmHook',
      'commandLine',
      'copy',
    ]);
    for (const binding of keymap) {
      const action = dashboardAction(binding.action, state, 1);
      expect(action === undefined, binding.action).toBe(screen.has(binding.action));
    }
  });

  it('has a label in English and Korean for every key', () => {
    for (const binding of keymap) {
      expect(binding.label.en.length, binding.action).toBeGreaterThan(0);
      expect(binding.label.ko.length, binding.action).toBeGreaterThan(0);
      expect(helpKeys([binding.keys], true)).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('the footer lists only the keys that apply now', () => {
    const plain = footerHints(['tree'], context, 'en', false).map(
      (hint) => `${hint.keys} ${hint.label}`,
    );
    expect(plain).toEqual([
      '↑↓ move',
      '←→ fold',
      'Tab focus',
      'x fail',
      'o failover',
      'v view',
      '/ filter',
      's sweep',
      'a availability',
      'p plan',
      '? help',
      'q quit',
      'f down',
      ': cmd',
    ]);
    const busy = footerHints(
      ['tree'],
      {...context, hasSimulated: true, canUndo: true, filterActive: true},
      'en',
      false,
    );
    expect(busy.map((hint) => hint.keys)).toEqual([
      '↑↓',
      '←→',
      'Tab',
      'x',
      'r',
      'R',
      'u',
      'o',
      'v',
      '/',
      'n N',
      's',
      'a',
      'p',
      '?',
      'q',
      'f',
      ':',
    ]);
    const readOnly = footerHints(
      ['tree'],
      {...context, readOnly: true, hasSimulated: true},
      'en',
      false,
    );
    expect(readOnly.map((hint) => hint.keys)).not.toContain('x');
    expect(readOnly.map((hint) => hint.keys)).not.toContain('o');
  });

  it('help lists every key with the reason a key is off', () => {
    const entries = helpEntries(['tree', 'list'], {...context, readOnly: true}, 'en', false);
    expect(entries.find((entry) => entry.keys === 'x')).toEqual({
      keys: 'x',
      label: 'simulate its failure',
      reason: 'read-only',
      commands: [':fail'],
    });
    // Every key's help line names its command too; a shared line names each.
    expect(entries.find((entry) => entry.keys === 'n N')?.commands).toEqual([':next', ':previous']);
    expect(entries.find((entry) => entry.keys === 'n N')?.reason).toBe('no filter');
    expect(entries.find((entry) => entry.keys === 'v 1 2 3')?.reason).toBeUndefined();
    // Pairs (↑/↓, n/N, Tab/Shift-Tab) share one help line.
    expect(entries.filter((entry) => entry.keys === 'n N')).toHaveLength(1);
    expect(entries.filter((entry) => entry.keys === 'Tab S-Tab')).toHaveLength(1);
    const korean = helpEntries(['tree'], context, 'ko', true);
    expect(korean.find((entry) => entry.keys === 'q Ctrl-C')?.label).toBe('종료');
  });

  it('scopes follow what is open; the context follows the state', () => {
    const state = start();
    expect(scopesOf(state)).toEqual(['tree']);
    expect(scopesOf({...state, panel: 'sweep'})).toEqual(['tree']);
    expect(scopesOf({...state, panel: 'sweep', focus: 'panel'})).toEqual(['list']);
    expect(scopesOf({...state, focus: 'panel'})).toEqual(['panel']);
    expect(scopesOf({...state, help: true})).toEqual(['help']);
    expect(scopesOf({...state, demo: true})).toEqual(['demo', 'tree']);
    expect(keyContext({...state, readOnly: true})).toEqual({...context, readOnly: true});
  });
});

describe('the footer names what a key does', () => {
  const enterIn = (planOpen: boolean, lang: 'en' | 'ko') =>
    footerHints(['list'], {...context, planOpen}, lang, false).find((h) => h.keys === 'Enter')
      ?.label;

  it('says Enter applies the failover in the plan, and shows elsewhere', () => {
    expect(enterIn(true, 'en')).toBe('apply');
    expect(enterIn(false, 'en')).toBe('show');
    expect(enterIn(true, 'ko')).toBe('적용');
  });

  it('gives no two keys of one footer the same word, in either language', () => {
    const scopes = [['tree'], ['list'], ['panel'], ['detail'], ['help']] as const;
    for (const lang of ['en', 'ko'] as const)
      for (const scope of scopes)
        for (const planOpen of [false, true]) {
          const hints = footerHints([...scope], {...context, planOpen}, lang, false);
          const words = hints.map((hint) => hint.label);
          // Enter in a list once said "이동", the word of ↑↓.
          expect(new Set(words).size, `${lang} ${scope[0]}: ${words.join(', ')}`).toBe(
            words.length,
          );
        }
  });

  it('shows, for every binding, exactly the keys that reach it', () => {
    // Each key as the help writes it, and as the terminal reports it: written out by hand here,
    // not taken from the table.
    const presses: [string, string, Partial<Key>][] = [
      ['↑', '', {upArrow: true}],
      ['↓', '', {downArrow: true}],
      ['←', '', {leftArrow: true}],
      ['→', '', {rightArrow: true}],
      ['PgUp', '', {pageUp: true}],
      ['PgDn', '', {pageDown: true}],
      ['Home', '', {home: true}],
      ['End', '', {end: true}],
      ['Enter', '', {return: true}],
      ['Space', ' ', {}],
      ['Tab', '', {tab: true}],
      ['S-Tab', '', {tab: true, shift: true}],
      ['Esc', '', {escape: true}],
      ['Ctrl-C', 'c', {ctrl: true}],
      ...[...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/?:![]%'].map(
        (char): [string, string, Partial<Key>] => [char, char, {}],
      ),
    ];
    // "↑↓ k j": a pair of arrows is two keys.
    const tokens = (keys: string) =>
      keys.split(' ').flatMap((token) => (/^[↑↓←→]+$/.test(token) ? [...token] : [token]));
    const scopes = ['tree', 'list', 'panel', 'detail', 'help', 'demo', 'confirm', 'hook'] as const;
    let lines = 0;
    for (const scope of scopes) {
      for (const entry of helpEntries([scope], context, 'en', false)) {
        // A help line stands for the bindings of one label, each in its own scope ("→ ← l h
        // read an entry whole, and back": → l in a list, ← h in the entry).
        const reaching = presses
          .filter(([, input, flags]) =>
            scopes.some(
              (where) => bindingFor([where], input, key(flags))?.label.en === entry.label,
            ),
          )
          .map(([shown]) => shown);
        expect(tokens(entry.keys).sort(), `${scope}: ${entry.label}`).toEqual(reaching.sort());
        lines++;
      }
      // A footer entry names keys that reach one of the bindings under its name.
      for (const hint of footerHints([scope], context, 'en', false))
        for (const shown of tokens(hint.keys)) {
          const press = presses.find(([name]) => name === shown);
          expect(press, `${scope}: footer ${hint.keys}`).toBeDefined();
          const binding = bindingFor([scope], press![1], key(press![2]));
          expect(binding?.footer, `${scope}: footer ${hint.keys}`).toBeDefined();
        }
    }
    // Every help line of every scope was held to it: the table has more than 40.
    expect(lines).toBeGreaterThan(40);
  });
});
