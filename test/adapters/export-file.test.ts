import {mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {clipboardDoubt, osc52} from '../../source/adapters/clipboard.js';
import {writeFileAtomically} from '../../source/adapters/export-file.js';

describe('writing an export', () => {
  it('writes whole, keeps an existing file unless told to replace it, and leaves no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'failsight-export-'));
    const path = join(dir, 'impact.md');
    expect(writeFileAtomically(path, 'first\n', false)).toEqual({type: 'written'});
    expect(writeFileAtomically(path, 'second\n', false)).toEqual({type: 'exists'});
    expect(readFileSync(path, 'utf8')).toBe('first\n');
    expect(writeFileAtomically(path, 'third\n', true)).toEqual({type: 'written'});
    expect(readFileSync(path, 'utf8')).toBe('third\n');
    expect(readdirSync(dir)).toEqual(['impact.md']);
    const failed = writeFileAtomically(join(dir, 'no', 'such', 'dir.txt'), 'x', false);
    expect(failed.type).toBe('failed');
    writeFileSync(join(dir, 'keep'), '');
    expect(readdirSync(dir).sort()).toEqual(['impact.md', 'keep']);
  });
});

describe('OSC 52', () => {
  it('is ESC ] 52 ; c ; the text in base64, then BEL', () => {
    // "hi\n" in base64 is aGkK.
    expect(osc52('hi\n')).toBe('\u001B]52;c;aGkK\u0007');
  });

  it('doubts a Linux console, a dumb terminal, and tmux (which needs set-clipboard on)', () => {
    expect(clipboardDoubt({TERM: 'linux'})).toEqual({type: 'sent', doubt: 'term', term: 'linux'});
    expect(clipboardDoubt({})).toEqual({type: 'sent', doubt: 'term', term: 'unset'});
    expect(clipboardDoubt({TERM: 'tmux-256color'}).doubt).toBe('tmux');
    expect(clipboardDoubt({TERM: 'xterm-256color', TMUX: '/tmp/t,1,0'}).doubt).toBe('tmux');
    expect(clipboardDoubt({TERM: 'xterm-kitty'})).toEqual({type: 'sent'});
  });
});
