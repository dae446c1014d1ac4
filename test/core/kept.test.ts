import {describe, expect, it} from 'vitest';
import {keptIn, Recent} from '../../source/core/kept.js';

describe('keptIn', () => {
  it('makes a value once per key and keeps the last `limit` made', () => {
    const map = new Map<string, number>();
    let made = 0;
    const make = () => ++made;
    expect(keptIn(map, 'a', 2, make)).toBe(1);
    expect(keptIn(map, 'a', 2, make)).toBe(1);
    keptIn(map, 'b', 2, make);
    keptIn(map, 'c', 2, make);
    expect([...map.keys()]).toEqual(['b', 'c']);
  });
});

describe('Recent', () => {
  const key = (name: string) => ({name});

  it('makes a value once per key while it is among the last asked for', () => {
    const recent = new Recent<{name: string}, string>(2);
    const [a, b, c] = [key('a'), key('b'), key('c')];
    let made = 0;
    const make = (k: {name: string}) => () => `${k.name}${++made}`;
    expect(recent.of(a, make(a))).toBe('a1');
    expect(recent.of(b, make(b))).toBe('b2');
    // Asking for a again makes it the newest: c pushes b out, not a.
    expect(recent.of(a, make(a))).toBe('a1');
    expect(recent.of(c, make(c))).toBe('c3');
    expect(recent.get(a)).toBe('a1');
    expect(recent.get(b)).toBeUndefined();
    expect(recent.of(b, make(b))).toBe('b4');
  });

  it('holds keys by identity, not by content', () => {
    const recent = new Recent<{name: string}, number>(3);
    recent.of(key('a'), () => 1);
    expect(recent.get(key('a'))).toBeUndefined();
  });

  it('keepOnly lets go of the others and keeps the order of those kept', () => {
    const recent = new Recent<{name: string}, string>(4);
    const keys = ['a', 'b', 'c', 'd'].map(key);
    for (const k of keys) recent.of(k, () => k.name);
    recent.keepOnly((k) => k.name !== 'c');
    expect(keys.map((k) => recent.get(k))).toEqual(['a', 'b', undefined, 'd']);
    recent.keepOnly(() => false);
    expect(keys.map((k) => recent.get(k))).toEqual([undefined, undefined, undefined, undefined]);
  });
});
