import {describe, expect, it} from 'vitest';
import {redactText, redactUrl} from '../../source/core/redact.js';

describe('one redaction for every text', () => {
  it('hides a secret as written, URL-encoded and in base64, with or without padding', () => {
    const secret = 'pa55/word';
    const base64 = Buffer.from('ops:pa55/word').toString('base64');
    const text = `raw pa55/word, encoded pa55%2Fword, header Basic ${base64} and ${base64.replace(/=+$/, '')}`;
    const clean = redactText(text, [secret, 'ops:pa55/word']);
    expect(clean).toBe('raw ***, encoded ***, header Basic *** and ***');
  });

  it('hides an echoed Authorization header whatever it holds, and URL credentials', () => {
    expect(redactText('"authorization": "Bearer unknown-token-1"', [])).toBe(
      '"authorization": "Bearer ***"',
    );
    expect(redactUrl('GET http://ops:pw@host:9/x?apiKey=K1&signature=S%2F2&page=1')).toBe(
      'GET http://host:9/x?apiKey=***&signature=***&page=1',
    );
  });

  it('leaves a short secret alone: hiding every "ab" would hide the message', () => {
    expect(redactText('about ab', ['ab'])).toBe('about ab');
  });
});
