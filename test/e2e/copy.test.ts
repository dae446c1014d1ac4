import {existsSync, mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {hasTmux, Pane} from './tmux.js';

let pane: Pane | undefined;

afterEach(() => {
  pane?.close();
  pane = undefined;
});

async function until(what: string, check: () => boolean) {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(!hasTmux && !process.env['CI'])('y copies the focused panel with OSC 52', () => {
  it('writes ESC ] 52 ; c ; BASE64 BEL on the terminal, and tmux takes it as the clipboard', async () => {
    const raw = join(mkdtempSync(join(tmpdir(), 'failsight-osc52-')), 'raw');
    pane = Pane.open(['fixtures/demo.yaml'], {columns: 80, rows: 24});
    pane.tmux('set-option', '-g', 'set-clipboard', 'on');
    pane.tmux('pipe-pane', '-o', '-t', 'main', `cat > '${raw}'`);
    await pane.waitForText('Topology · by zone');
    pane.keys('x', 'Tab', 'y');
    // Inside tmux the message says what tmux needs.
    await pane.waitForText('lines of Impact · zone KR-CA; tmux needs set -g set-clipboard on');
    await until(
      'the raw output',
      () => existsSync(raw) && readFileSync(raw, 'latin1').includes('\u0007'),
    );
    const bytes = readFileSync(raw, 'latin1');
    // eslint-disable-next-line no-control-regex
    const osc = /\u001B\]52;c;([A-Za-z0-9+/=]+)\u0007/.exec(bytes);
    expect(osc, 'an OSC 52 sequence').not.toBeNull();
    const text = Buffer.from(osc![1]!, 'base64').toString('utf8');
    // The impact panel, every line of it, without its border.
    expect(text.split('\n')[0]).toBe('Impact · zone KR-CA');
    expect(text).toContain('shop-web     1000   0    1000 DOWN');
    expect(text).toContain('⚡ LB lb-ca');
    expect(text).not.toContain('│');
    expect(pane.tmux('show-buffer')).toBe(text);
  });

  it('says when TERM suggests the terminal will not take it', async () => {
    pane = Pane.open(['fixtures/demo.yaml'], {columns: 80, rows: 24, env: {TERM: 'linux'}});
    await pane.waitForText('Topology');
    pane.keys('y');
    await pane.waitForText('TERM=linux may not take it');
  });
});
