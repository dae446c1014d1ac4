import {describe, expect, it} from 'vitest';
import {ko} from '../../source/i18n/messages-ko.js';

describe('Korean messages', () => {
  it('never guess a particle after an id: "db-gslb 이(가)" reads as a form, not a sentence', () => {
    // An id can end in a consonant or a vowel (or a digit), so a particle after one is a guess.
    // The messages put ids before a colon or after their noun instead.
    const guessed = Object.entries(ko).filter(([, text]) =>
      /\((가|이|를|을|는|은|과|와|으)\)/.test(text),
    );
    expect(guessed).toEqual([]);
  });
});
