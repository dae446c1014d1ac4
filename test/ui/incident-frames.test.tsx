import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {HookReport, HookRunner, LiveUpdate, Look} from '../../source/shared/types.js';
import {keys} from './frames.js';
import {channel, demoModel, fixedNow, renderDashboard, waitForFrame} from './helpers.js';

afterEach(() => cleanup());

/** Longer than any line of the events pane, at any width: the detail must show it whole. */
const reason =
  'ZonePowerLoss: KR-CA lost both power feeds at 14:01 and its generators did not start; runbook https://wiki.example/power-loss-kr-ca';

function start(
  look: Partial<Look> = {},
  clock: () => number = () => fixedNow,
  tickMs = 0,
  columns = 80,
) {
  const live = channel<LiveUpdate>();
  const rendered = renderDashboard({
    updates: live.iterable,
    look: {lang: 'en', ascii: false, color: false, ...look},
    size: {columns, rows: 24},
    now: clock,
    tickMs,
  });
  const observe = (source: string, at: number, text: string) =>
    live.push({type: 'observed', source, observed: new Map([['KR-CA', text]]), at});
  return {...rendered, observe};
}

/** The detail's lines inside the right panel, joined: wrapping must not lose a character. */
function rightPanelText(frame: string): string {
  return frame
    .split('\n')
    .slice(2, -3)
    .map((line) => (line.split(/││|\|\||┃│|│┃|\|\|/).at(-1) ?? '').slice(0, -1).trim())
    .join(' ');
}

describe('finding what is down at 80×24', () => {
  it('f shows only the down rows with the count in the title; ] moves across them', async () => {
    const {lastFrame, stdin, observe} = start();
    await waitForFrame(lastFrame, (f) => f.includes('by zone'));
    observe('alertmanager', fixedNow, reason);
    await waitForFrame(lastFrame, (f) => f.includes('✖ KR-CA'));
    stdin.write('f');
    const frame = await waitForFrame(lastFrame, (f) => f.includes('down only'));
    const lines = frame.split('\n');
    // KR-CA observed down: itself, 2 routers, 3 VMs and 1 LB are down, 7 rows, no ancestor.
    expect(lines[1]).toMatch(/^┌ Topology · by zone · 7 down ─+┐┌ Impact · zone KR-CA/);
    expect(lines[2]).toMatch(/^│›▾ ✖ KR-CA {2}중부 A +0\/1500 live {2}││/);
    expect(lines[8]).toMatch(/^│ {4}✖ lb-ca +0\/500 \(zone\)││/);
    expect(lines[9]).toMatch(/^│ +││/);
    expect(lines.at(-2)).toBe(' down only: 7 rows; ] [ jump between them, f next filter');
    stdin.write(']');
    const moved = await waitForFrame(lastFrame, (f) => f.includes('down row 2 of 7'));
    expect(moved).toContain('│› ▾ ✖ shop-main/KR-CA');
    stdin.write('[[');
    await waitForFrame(lastFrame, (f) => f.includes('down row 7 of 7 (wrapped around)'));
  });

  it('with --ascii and in Korean the filter says the same', async () => {
    const ascii = start({ascii: true});
    await waitForFrame(ascii.lastFrame, (f) => f.includes('by zone'));
    ascii.observe('alertmanager', fixedNow, reason);
    await waitForFrame(ascii.lastFrame, (f) => f.includes('X KR-CA'));
    ascii.stdin.write('f');
    const plain = await waitForFrame(ascii.lastFrame, (f) => f.includes('down only'));
    expect(plain.split('\n')[1]).toMatch(/^\+ Topology, by zone, 7 down -+\+/);
    expect(plain).toMatch(/\|>- X KR-CA +0\/1500 live/);
    cleanup();
    const ko = start({lang: 'ko'});
    await waitForFrame(ko.lastFrame, (f) => f.includes('존별'));
    ko.observe('alertmanager', fixedNow, reason);
    await waitForFrame(ko.lastFrame, (f) => f.includes('✖ KR-CA'));
    ko.stdin.write('f');
    const korean = await waitForFrame(ko.lastFrame, (f) => f.includes('장애만 표시: 7행'));
    expect(korean.split('\n')[1]).toMatch(/^┌ 토폴로지 · 존별 · 장애 7 ─+┐/);
  });
});

describe('the events pane at 80×24', () => {
  it('one line per change with both sources, Enter selects it, → shows it whole', async () => {
    const {lastFrame, stdin, observe} = start();
    await waitForFrame(lastFrame, (f) => f.includes('by zone'));
    observe('alertmanager', fixedNow, reason);
    await waitForFrame(lastFrame, (f) => f.includes('✖ KR-CA'));
    observe('probe', fixedNow, 'connect refused');
    // The cursor away from KR-CA first: Enter on its event must bring it back.
    stdin.write('G');
    await waitForFrame(lastFrame, (f) => f.includes('Impact · site idc-guro'));
    stdin.write('e');
    const list = await waitForFrame(lastFrame, (f) => f.includes('Live events'));
    const line = list.split('\n').find((l) => l.includes('KR-CA down since'))!;
    // One line, cut to the panel: the time, the component, how long, then the reasons.
    expect(line).toMatch(/│┃14:03:22 ✖ KR-CA down since 14:03, unde…┃$/);
    expect(list.split('\n').filter((l) => l.includes('KR-CA down'))).toHaveLength(1);
    stdin.write(keys.right);
    const detail = await waitForFrame(lastFrame, (f) => f.includes('Live events · KR-CA'));
    const text = rightPanelText(detail);
    expect(text).toContain('reported by:');
    // Every character of both reasons is there, wrapped at spaces only.
    expect(text).toContain(`alertmanager: ${reason}`);
    expect(text).toContain('probe: connect refused');
    expect(detail.split('\n').at(-1)).toContain('← list');
    stdin.write(keys.left);
    await waitForFrame(lastFrame, (f) => f.includes('┐┏ Live events ━'));
    stdin.write('G');
    stdin.write(keys.enter);
    // The tree has the keys (heavy border), the events list stays open beside it.
    const shown = await waitForFrame(lastFrame, (f) => f.includes('┃›▾ ✖ KR-CA'));
    expect(shown).toMatch(/┏ Topology · by zone ━+┓┌ Live events ─/);
    expect(shown).not.toContain('›  ● idc-guro');
  });

  it('the detail in Korean and in ASCII', async () => {
    const ko = start({lang: 'ko'});
    await waitForFrame(ko.lastFrame, (f) => f.includes('존별'));
    ko.observe('alertmanager', fixedNow, 'power\u001b[31m lost');
    ko.stdin.write('e');
    await waitForFrame(ko.lastFrame, (f) => f.includes('KR-CA 14:03부터 장애'));
    ko.stdin.write('l');
    const korean = await waitForFrame(ko.lastFrame, (f) => f.includes('보고한 소스:'));
    // A control character from the source is escaped, never sent to the terminal.
    expect(korean).toContain('alertmanager: power\\e[31m lost');
    expect(korean).not.toContain('\u001b[31m');
    cleanup();
    const ascii = start({ascii: true});
    await waitForFrame(ascii.lastFrame, (f) => f.includes('by zone'));
    ascii.observe('alertmanager', fixedNow, reason);
    ascii.stdin.write('e');
    await waitForFrame(ascii.lastFrame, (f) => f.includes('KR-CA down since'));
    ascii.stdin.write('l');
    const plain = await waitForFrame(ascii.lastFrame, (f) => f.includes('Live events, KR-CA'));
    expect(rightPanelText(plain)).toContain('X KR-CA down since 14:03, under a minute');
    expect(rightPanelText(plain)).toContain(`alertmanager: ${reason}`);
    expect(plain.split('\n').at(-1)).toContain('h list');
  });

  it('how long it has been down ticks with the clock', async () => {
    let now = fixedNow;
    // Wide enough for the whole line in the list.
    const {lastFrame, stdin, observe} = start({}, () => now, 20, 130);
    await waitForFrame(lastFrame, (f) => f.includes('by zone'));
    observe('alertmanager', fixedNow, 'power');
    stdin.write('e');
    await waitForFrame(lastFrame, (f) => f.includes('KR-CA down since 14:03, under a minute'));
    now = fixedNow + 3 * 60_000 + 5_000;
    // 3 min 5 s later, with no key and no new event: the pane says 3 min.
    await waitForFrame(lastFrame, (f) => f.includes('KR-CA down since 14:03, 3 min'));
  });
});

describe('the hooks pane and the plan read whole', () => {
  it('→ on a hook run shows the command, how it ended and every line of its output', async () => {
    let report: ((event: HookReport) => void) | undefined;
    const runHook: HookRunner = (_hook, tell) => {
      report = tell;
      tell({type: 'started', at: fixedNow});
    };
    const model = {...demoModel(), hooks: {failover: ['./failover.sh', '--region', 'kr-central']}};
    const {lastFrame, stdin} = renderDashboard({model, runHook, size: {columns: 80, rows: 24}});
    await waitForFrame(lastFrame, (f) => f.includes('by zone'));
    stdin.write('3');
    await waitForFrame(lastFrame, (f) => f.includes('by service'));
    for (let i = 0; i < 10; i++) stdin.write('j');
    await waitForFrame(lastFrame, (f) => f.includes('service shop-db'));
    stdin.write('o');
    await waitForFrame(lastFrame, (f) => f.includes('Run its hook'));
    stdin.write('y');
    await waitForFrame(lastFrame, (f) => f.includes('running…'));
    // 30 lines of output: more than the pane has rows, and each longer than a line.
    const output = Array.from(
      {length: 30},
      (_, i) => `line ${i + 1}: promoted db-2 in zone KR-M2 and moved the GSLB record db.example`,
    ).join('\n');
    report!({
      type: 'ended',
      outcome: {exitCode: 3, signal: null, timedOut: false, durationMs: 2500, output, dropped: 0},
    });
    await waitForFrame(lastFrame, (f) => f.includes('exit 3 after 2.5 s'));
    stdin.write(keys.tab);
    stdin.write(keys.right);
    const detail = await waitForFrame(lastFrame, (f) => f.includes('Hooks · shop-db'));
    const text = rightPanelText(detail);
    expect(text).toContain('14:03:22 ./failover.sh --region kr-central shop-db');
    expect(text).toContain('exit 3 after 2.5 s');
    expect(text).toContain('output:');
    expect(text).toContain(
      'line 1: promoted db-2 in zone KR-M2 and moved the GSLB record db.example',
    );
    // It scrolls: G shows the end of the output, with where it stands in the border. The
    // detail reports its length after it is drawn, so G is pressed until that has arrived.
    for (let tries = 0; tries < 100 && !(lastFrame() ?? '').includes('line 30:'); tries++) {
      stdin.write('G');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const end = await waitForFrame(lastFrame, (f) => f.includes('line 30:'));
    expect(rightPanelText(end)).toContain(
      'line 30: promoted db-2 in zone KR-M2 and moved the GSLB record db.example',
    );
    // 30 entries of two lines each, and 4 lines before them: 64 lines, the last 18 shown.
    expect(end).toContain(' 47-64/64 ┓');
  });

  it('→ on a plan entry shows it whole', async () => {
    const live = channel<LiveUpdate>();
    const {lastFrame, stdin} = renderDashboard({
      updates: live.iterable,
      size: {columns: 80, rows: 24},
    });
    await waitForFrame(lastFrame, (f) => f.includes('by zone'));
    live.push({
      type: 'observed',
      source: 'events',
      observed: new Map([['KR-CA', 'power']]),
      at: fixedNow,
    });
    await waitForFrame(lastFrame, (f) => f.includes('✖ KR-CA'));
    stdin.write('p');
    const plan = await waitForFrame(lastFrame, (f) => f.includes('Failover plan'));
    expect(plan).toContain('…');
    stdin.write(keys.right);
    const detail = await waitForFrame(lastFrame, (f) => f.includes('Failover plan · '));
    // The first entry of the plan, whatever it is, is shown without an ellipsis.
    expect(rightPanelText(detail)).not.toContain('…');
    expect(rightPanelText(detail)).toMatch(/→ shop-/);
  });
});
