import {appendFileSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {hasTmux, Pane} from './tmux.js';

let pane: Pane | undefined;

afterEach(() => {
  pane?.close();
  pane = undefined;
});

/** The right panel's lines joined: a wrapped reason reads as one text again. */
function rightPanel(screen: string): string {
  return screen
    .split('\n')
    .slice(2, -3)
    .map((line) => (line.split(/││|┃│|│┃/).at(-1) ?? '').slice(0, -1).trim())
    .join(' ');
}

const reason =
  'alertmanager: ZonePowerLoss: KR-CA lost both power feeds at 14:41; generators did not start (ticket OPS-4411)';

describe.skipIf(!hasTmux && !process.env['CI'])('in an outage at 80×24 (tmux)', () => {
  it('filter to what is down, jump across it, open its event, see it in the tree and whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'failsight-incident-'));
    const events = join(dir, 'events.jsonl');
    writeFileSync(events, '');
    pane = Pane.open(['fixtures/demo.yaml', '--events', events], {columns: 80, rows: 24});
    await pane.waitForText('live ● 0 up');
    appendFileSync(events, `${JSON.stringify({id: 'KR-CA', state: 'down', reason})}\n`);
    await pane.waitForText('│›▾ ✖ KR-CA');
    // The tree shows the change before the status line announces it: the key comes after both,
    // as on a screen someone reads, or the announcement would replace the filter's notice.
    await pane.waitForText(' KR-CA down (events: alertmanager');

    pane.keys('f');
    // KR-CA with its 2 routers, 3 VMs and 1 LB: 7 rows down, no other row left.
    const filtered = await pane.waitForText('Topology · by zone · 7 down');
    expect(filtered).toContain('down only: 7 rows');
    expect(filtered).not.toContain('KR-CB');

    pane.keys(']');
    await pane.waitForText('down row 2 of 7');
    expect(pane.screen()).toContain('│› ▾ ✖ shop-main/KR-CA');
    pane.keys('[', '[');
    await pane.waitForText('down row 7 of 7 (wrapped around)');
    expect(pane.screen()).toContain('│›   ✖ lb-ca ');

    pane.keys('e');
    // The list has the keys: its heavy border; wait for its rows, drawn after its heading.
    const list = await pane.waitFor((s) => /unde…┃/.test(s), 'the events list');
    expect(list).toMatch(/┏ Live events/);
    expect(list).toMatch(/✖ KR-CA down since \d\d:\d\d, unde…┃/);
    pane.keys('Enter');
    // The tree has the keys again, KR-CA selected in it; the events stay open beside it.
    const shown = await pane.waitForText('┃›▾ ✖ KR-CA');
    expect(shown).toMatch(/┏ Topology · by zone · 7 down ━+┓┌ Live events/);

    pane.keys('Tab', 'Right');
    const detail = await pane.waitForText('Live events · KR-CA');
    expect(rightPanel(detail)).toContain(`reported by: events: ${reason}`);
    pane.keys('q');
    expect((await pane.exited()).status).toBe(0);
  });
});
