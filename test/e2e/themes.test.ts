import {afterEach, describe, expect, it} from 'vitest';
import {hasTmux, Pane} from './tmux.js';

let pane: Pane | undefined;

afterEach(() => {
  pane?.close();
  pane = undefined;
});

/** The foreground colours (SGR 30-37, 90-97) of the screen as tmux holds it. */
function coloursOn(screen: Pane): Set<number> {
  const text = screen.tmux('capture-pane', '-p', '-e', '-t', 'main');
  const used = new Set<number>();
  // eslint-disable-next-line no-control-regex
  for (const match of text.matchAll(/\u001B\[([\d;]*)m/g))
    for (const part of match[1]!.split(';')) {
      const code = Number(part);
      if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) used.add(code);
    }
  return used;
}

describe.skipIf(!hasTmux && !process.env['CI'])('themes at 80×24 in a real terminal', () => {
  it.each([
    // dark: today's; light: no yellow (33) or cyan (36); high-contrast: bright colours only.
    ['dark', (used: Set<number>) => used.has(33) && used.has(31)],
    ['light', (used: Set<number>) => !used.has(33) && !used.has(36) && used.has(31)],
    [
      'high-contrast',
      (used: Set<number>) => [...used].every((code) => code >= 90) && used.size > 0,
    ],
    ['mono', (used: Set<number>) => used.size === 0],
  ] as const)('--theme %s', async (theme, expected) => {
    pane = Pane.open(['fixtures/demo.yaml', '--theme', theme], {columns: 80, rows: 24});
    await pane.waitForText('Topology · by zone');
    pane.keys('x');
    const screen = await pane.waitForText('simulated failure of zone KR-CA');
    expect(screen).toContain('⚡ KR-CA');
    const used = coloursOn(pane);
    expect(expected(used), `${theme}: ${[...used].join(' ')}`).toBe(true);
  });
});
