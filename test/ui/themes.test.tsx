import chalk from 'chalk';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {palettes, borderColours} from '../../source/ui/themes/palettes.js';
import {themeNames, type ThemeName} from '../../source/ui/themes/names.js';
import {renderDashboard, waitForFrame} from './helpers.js';

/** The SGR code of each colour a theme may name (Ink's Text and chalk both write these). */
const codes: Record<string, number> = {
  red: 31,
  green: 32,
  yellow: 33,
  blue: 34,
  magenta: 35,
  cyan: 36,
  redBright: 91,
  greenBright: 92,
  yellowBright: 93,
  magentaBright: 95,
  cyanBright: 96,
};

/** The foreground colours a theme allows: its tones' and its focused border's. */
function allowed(name: ThemeName): Set<number> {
  const colours = Object.values(palettes[name]).flatMap((style) =>
    style.color ? [style.color] : [],
  );
  const border = borderColours[name];
  return new Set([...colours, ...(border ? [border] : [])].map((colour) => codes[colour]!));
}

/** Every SGR parameter a frame uses. */
function sgr(frame: string): Set<number> {
  const used = new Set<number>();
  // eslint-disable-next-line no-control-regex
  for (const match of frame.matchAll(/\u001B\[([\d;]*)m/g))
    for (const part of match[1]!.split(';')) if (part !== '') used.add(Number(part));
  return used;
}

const foreground = (code: number) => (code >= 30 && code <= 37) || (code >= 90 && code <= 97);

/** The screens an operator opens: what each key shows, after a failure so every state is drawn. */
const screens: [string, string[]][] = [
  ['tree and impact', []],
  ['impact focused', ['\t']],
  ['help', ['?']],
  ['sweep', ['s']],
  ['availability', ['a']],
  ['plan', ['p']],
  ['cause', ['c']],
  ['events', ['e']],
  ['timeline', ['t']],
  ['sources', ['S']],
  ['hooks', ['!']],
  ['state filter', ['f']],
];

let level: typeof chalk.level;
beforeAll(() => {
  level = chalk.level;
  chalk.level = 1;
});
afterAll(() => {
  chalk.level = level;
});

describe('every screen in every theme', () => {
  it.each(themeNames)(
    '%s: only the theme’s colours, and states still told apart by words and glyphs',
    async (name) => {
      const permitted = allowed(name);
      for (const [screen, keys] of screens) {
        const {stdin, lastFrame, unmount} = renderDashboard({
          look: {lang: 'en', ascii: false, color: true},
          theme: name,
          size: {columns: 80, rows: 24},
        });
        await waitForFrame(lastFrame, (f) => f.includes('Topology'));
        // KR-CA failed (simulated), then a failover preview is not needed: x is enough for ⚡ and DOWN.
        stdin.write('x');
        await waitForFrame(lastFrame, (f) => f.includes('simulated failure'));
        for (const key of keys) {
          stdin.write(key);
          await new Promise((resolve) => setTimeout(resolve, 30));
        }
        const frame = lastFrame() ?? '';
        const used = sgr(frame);
        const colours = [...used].filter(foreground);
        for (const code of colours)
          expect(permitted.has(code), `${name} ${screen}: colour ${code}`).toBe(true);
        if (name === 'mono') expect(colours, `${screen}: mono has no colour`).toEqual([]);
        else if (screen === 'tree and impact') expect(colours.length, name).toBeGreaterThan(1);
        if (name === 'high-contrast') expect(used.has(2), `${screen}: nothing dimmed`).toBe(false);
        if (name === 'light')
          // Yellow and cyan vanish on a white background.
          expect(
            colours.filter((code) => code === 33 || code === 36),
            screen,
          ).toEqual([]);
        if (screen === 'tree and impact') {
          // The failure reads without colour: its glyph and its word.
          // eslint-disable-next-line no-control-regex
          const plain = frame.replace(/\u001B\[[\d;]*m/g, '');
          expect(plain).toContain('⚡ KR-CA');
          expect(plain).toContain('DOWN');
          expect(plain).toMatch(/● +KR-CB/);
        }
        unmount();
      }
    },
  );
});
