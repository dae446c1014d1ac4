import {mkdtempSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {generateTopology} from '../../bench/generate.js';
import {Pty} from '../../bench/pty.js';
import {paintFirstBytes} from '../../source/commands/dashboard/interactive.js';
import {hasTmux, Pane, root} from './tmux.js';

let pane: Pane | undefined;
let pty: Pty | undefined;
let dir: string;
let big: string;
/** Big enough to still be loading when the test has seen its loading frame and pressed a key. */
let huge: string;
let broken: string;
/** Where the bad member is in `broken`, counted as an editor does (1-based). */
let brokenAt: {line: number; column: number};

afterEach(() => {
  pane?.close();
  pane = undefined;
  pty?.close();
  pty = undefined;
});

describe.skipIf(!hasTmux && !process.env['CI'])('opening a big topology (tmux)', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'failsight-opening-'));
    // 10k VMs as indented JSON: about 3 MB, over the size that paints before it loads.
    const topology = generateTopology({vms: 10_000});
    big = join(dir, 'big.json');
    writeFileSync(big, JSON.stringify(topology, null, 2));
    huge = join(dir, 'huge.json');
    writeFileSync(huge, JSON.stringify(generateTopology({vms: 40_000})));
    // The same with one load balancer naming a VM that does not exist, near the end.
    const lb = topology.loadBalancers!.at(-1)!;
    lb.members = ['vm-nowhere', ...(lb.members ?? []).slice(1)];
    const text = JSON.stringify(topology, null, 2);
    broken = join(dir, 'broken.json');
    writeFileSync(broken, text);
    const before = text.slice(0, text.indexOf('"vm-nowhere"')).split('\n');
    brokenAt = {line: before.length, column: before.at(-1)!.length + 1};
  });
  afterAll(() => rmSync(dir, {recursive: true, force: true}));

  it('the files are big enough to paint first', () => {
    expect(statSync(big).size).toBeGreaterThanOrEqual(paintFirstBytes);
    expect(statSync(broken).size).toBeGreaterThanOrEqual(paintFirstBytes);
  });

  it('draws the loading frame first, then the tree; q quits', async () => {
    // Every byte the program writes is kept, so a loading frame shown briefly is still seen.
    pty = new Pty(100, 30);
    await pty.open([process.execPath, join(root, 'dist/cli.js'), big], {
      LANG: 'C.UTF-8',
      TERM: 'xterm-256color',
    });
    pty.start();
    const loading = await pty.waitForText(0, 'Topology · loading', 60_000);
    const size = await pty.waitForText(0, 'big.json', 60_000);
    const tree = await pty.waitForText(0, 'KR-CA  Zone 1', 60_000);
    expect(loading).toBeDefined();
    expect(size).toBeDefined();
    expect(tree).toBeDefined();
    expect(tree!).toBeGreaterThan(loading!);
    expect(pty.screen()).toContain('Topology · by zone');
    pty.press('q');
    for (let tries = 0; pty.alive() && tries < 400; tries++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pty.alive()).toBe(false);
  });

  it('once loaded, the screen is the one drawn without a loading frame', async () => {
    // One topology twice: under the size that paints first, and padded with trailing spaces
    // (still the same JSON) over it.
    const text = JSON.stringify(generateTopology({vms: 4_000}));
    const small = join(dir, 'small.json');
    const padded = join(dir, 'padded.json');
    writeFileSync(small, text);
    writeFileSync(padded, text + ' '.repeat(paintFirstBytes));
    expect(statSync(small).size).toBeLessThan(paintFirstBytes);
    const screens: string[] = [];
    for (const file of [small, padded]) {
      pane = Pane.open([file]);
      await pane.waitForText('KR-CA  Zone 1', 60_000);
      await pane.waitForText('Impact · zone KR-CA', 60_000);
      // The clock (the header's last ten columns) is the only cell that may differ.
      const [header = '', ...rest] = pane.lines();
      screens.push([header.slice(0, -10), ...rest].join('\n'));
      pane.close();
      pane = undefined;
    }
    expect(screens[1]).toBe(screens[0]);
    expect(screens[0]).toContain('Topology · by zone');
  });

  it('a bad big file: exit 2 with file:line:column, the terminal restored, no frame left', async () => {
    pane = Pane.open([broken], {columns: 200, rows: 30});
    const result = await pane.exited(60_000);
    expect(result).toEqual({status: 2, cursorVisible: true, alternateScreen: false});
    const screen = pane.screen();
    expect(screen).toContain(`failsight: ${broken}:${brokenAt.line}:${brokenAt.column}:`);
    expect(screen).toContain('vm-nowhere');
    for (const drawn of ['Topology · loading', '┌', 'q quit']) expect(screen).not.toContain(drawn);
  });

  it('q while loading quits with 0, Ctrl-C with 130; the terminal restored', async () => {
    for (const [key, status] of [
      ['q', 0],
      ['C-c', 130],
    ] as const) {
      pane = Pane.open([huge]);
      await pane.waitForText('Topology · loading', 60_000);
      pane.keys(key);
      const result = await pane.exited(60_000);
      expect(result).toEqual({status, cursorVisible: true, alternateScreen: false});
      expect(pane.screen()).not.toContain('┌');
      pane.close();
      pane = undefined;
    }
  });
});
