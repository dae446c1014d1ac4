import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {hasTmux, Pane} from './tmux.js';

let pane: Pane | undefined;
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'failsight-hostile-'));
});
afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});
afterEach(() => {
  pane?.close();
  pane = undefined;
});

// Skipped only on a machine without tmux; CI installs it, so there a missing tmux fails.
describe.skipIf(!hasTmux && !process.env['CI'])('hostile text in a real terminal (tmux)', () => {
  it('labels, the name and event reasons with escape sequences draw harmlessly', async () => {
    const events = join(dir, 'events.jsonl');
    const reason = 'probe \u001b]0;pwned\u0007\u001b[2Jfailed\nagain';
    await writeFile(events, JSON.stringify({id: 'KR-CA', state: 'down', reason}) + '\n');
    // Wide enough for the header to keep the topology's name beside the live parts.
    pane = Pane.open(['test/fixtures/hostile/labels.yaml', '--events', events], {columns: 160});
    // The reason as it came, escaped and word-wrapped in the impact panel.
    const screen = await pane.waitForText('\\e]0;pwned\\x07\\e[2Jfailed\\nagain');
    const title = pane.show('#{pane_title}');
    expect(title).not.toContain('pwned');
    const lines = pane.lines();
    // Not cleared, not split: the header on top, the frame's borders where they belong.
    // The topology's name shows, escaped.
    expect(lines[0]).toMatch(/^ (failsight {2})?shop\\e\[31m-prod {2}2 DOWN/);
    expect(lines[1]).toMatch(/^┌ Topology · by zone ─+┐┌ Impact · zone KR-CA ─+┐$/);
    expect(lines[2]).toContain('KR-CA  v1\\e[2J\\e]0;pwned\\x0');
    expect(lines[3]).toMatch(/^│ {3}▾ . shop-main\/KR-CA/);
    expect(lines[26]).toMatch(/^└─+┘└─+┘$/);
    expect(screen).not.toContain('\u001b');
    pane.keys('q');
    expect((await pane.exited()).status).toBe(0);
  });

  it('an id with escape sequences is refused before anything is drawn', async () => {
    pane = Pane.open(['test/fixtures/bad/id-with-escapes.yaml']);
    const {status} = await pane.exited();
    expect(status).toBe(2);
    expect(pane.screen().replace(/\n/g, '')).toContain(
      'id-with-escapes.yaml:4:9: zones[0].id: an id cannot contain control characters (\\e found)',
    );
    expect(pane.show('#{pane_title}')).not.toContain('pwned');
  });
});
