/**
 * The real binary in tmux, one test per place where the screen once disagreed with the analyzer:
 * the screen an operator sees after the steps that showed the disagreement.
 */
import {
  appendFileSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {hasTmux, Pane, root} from './tmux.js';

let pane: Pane | undefined;
const open = (...args: Parameters<typeof Pane.open>) => (pane = Pane.open(...args));
const directory = mkdtempSync(join(tmpdir(), 'failsight-agree-'));
const demo = readFileSync(join(root, 'fixtures', 'demo.yaml'), 'utf8');

afterEach(() => {
  pane?.close();
  pane = undefined;
});
afterAll(() => rmSync(directory, {recursive: true, force: true}));

/** What the impact panel says while a GSLB window is open or after it closed. */
const countdowns = [
  'moves traffic in',
  'has no healthy target left',
  'detected it',
  'has moved traffic',
  'moved traffic ✔',
];

function expectNoCountdown(screen: string) {
  for (const text of countdowns) expect(screen).not.toContain(text);
}

/** A file written whole and renamed over the old one, as an editor saves. */
function save(file: string, text: string) {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

/** The demo without its GSLBs: the web service enters at lb-cb, the database at db-1. */
const demoWithoutGslbs = demo
  .replace(/^gslbs:\n[\s\S]*?(?=^services:)/m, '')
  .replace('entry: shop-gslb', 'entry: lb-cb')
  .replace('entry: db-gslb', 'entry: db-1');

/** Two zones behind a GSLB that detects in one second and has a one-second TTL. */
const fastGslb = `version: 1
name: fast
zones: [{id: ZA}, {id: ZB}]
accounts: [{id: acct}]
vms:
  - {id: a-1, account: acct, zone: ZA, capacity: 100}
  - {id: b-1, account: acct, zone: ZB, capacity: 100}
loadBalancers:
  - {id: lb-a, account: acct, zone: ZA, members: [a-1]}
  - {id: lb-b, account: acct, zone: ZB, members: [b-1]}
gslbs:
  - id: fast-gslb
    policy: failover
    healthCheck: {type: http, intervalS: 1, threshold: 1}
    ttlS: 1
    targets: [{ref: lb-a, priority: 1}, {ref: lb-b, priority: 2}]
services:
  - {id: app, demand: 100, entry: fast-gslb}
`;

/** The right panel's text, its rows joined by spaces: what it says, however it wraps. */
function rightPanel(screen: string): string {
  return screen
    .split('\n')
    .map((line) => /[│┃][│┃](.*)[│┃]$/.exec(line)?.[1]?.trim())
    .filter((text) => text !== undefined && text !== '')
    .join(' ')
    .replace(/ +/g, ' ');
}

/** Selects a node by filtering on its id, then clears the filter (the selection stays). */
async function select(screen: Pane, id: string, title: string) {
  screen.type(`/${id}`);
  await screen.waitForText('Enter keeps it');
  await screen.waitForText(`/${id}`);
  screen.keys('Enter');
  await screen.waitFor(
    (text) => !text.includes('Enter keeps it') && text.includes(`Impact · ${title}`),
    `${title} selected`,
  );
  screen.keys('Escape');
  await screen.waitFor(
    (text) => !text.includes(`· /${id}`) && text.includes(`Impact · ${title}`),
    'the filter cleared',
  );
}

/** Fails zone KR-CA from the first screen and waits until its countdown is on the panel. */
async function failKrCa(screen: Pane) {
  await screen.waitForText('Topology · by zone');
  screen.keys('x');
  const failed = await screen.waitForText('simulated failure of zone KR-CA');
  expect(failed).toContain('GSLB shop-gslb moves traffic in ~');
  expect(failed).toContain('GSLB db-gslb has no healthy target left');
  return failed;
}

/** KR-CA failed and db-2 promoted through the plan, back on the impact panel. */
async function failKrCaAndPromote(screen: Pane) {
  await failKrCa(screen);
  screen.keys('p');
  await screen.waitForText('┏ Failover plan');
  screen.keys('Enter');
  const promoted = await screen.waitForText('failover: promote db-2; now shop-web 500');
  screen.keys('Escape');
  await screen.waitForText('┌ Impact');
  return promoted;
}

/**
 * The SGR attributes in force at the first cell of `text` on the line that `row` matches, read
 * from `capture-pane -e` (which writes only the changes between cells).
 */
function styleAt(screen: Pane, row: RegExp, text: string): string {
  const raw = screen.tmux('capture-pane', '-e', '-p', '-t', 'main').split('\n');
  for (const line of raw) {
    let visible = '';
    const styles: string[] = [];
    let attributes = new Map<string, string>();
    for (let i = 0; i < line.length;) {
      // eslint-disable-next-line no-control-regex -- the SGR sequences of capture-pane -e
      const sgr = /^\u001b\[([\d;]*)m/.exec(line.slice(i));
      if (sgr) {
        const codes = sgr[1] === '' ? [0] : sgr[1]!.split(';').map(Number);
        for (let c = 0; c < codes.length; c++) {
          const code = codes[c]!;
          if (code === 0) attributes = new Map();
          else if (code === 38 || code === 48) {
            const length = codes[c + 1] === 5 ? 2 : 4;
            attributes.set(code === 38 ? 'fg' : 'bg', codes.slice(c, c + 1 + length).join(';'));
            c += length;
          } else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97))
            attributes.set('fg', String(code));
          else if (code === 39) attributes.delete('fg');
          else if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107))
            attributes.set('bg', String(code));
          else if (code === 49) attributes.delete('bg');
          else if (code === 22) {
            attributes.delete('1');
            attributes.delete('2');
          } else if (code >= 23 && code <= 29) attributes.delete(String(code - 20));
          else attributes.set(String(code), String(code));
        }
        i += sgr[0].length;
        continue;
      }
      // eslint-disable-next-line no-control-regex -- any other escape sequence
      const other = /^\u001b[^a-zA-Z]*[a-zA-Z]/.exec(line.slice(i));
      if (other) {
        i += other[0].length;
        continue;
      }
      const character = String.fromCodePoint(line.codePointAt(i)!);
      visible += character;
      const style = [...attributes.values()].sort().join(';');
      for (let unit = 0; unit < character.length; unit++) styles.push(style);
      i += character.length;
    }
    if (!row.test(visible)) continue;
    const at = visible.indexOf(text);
    if (at >= 0) return styles[at]!;
  }
  throw new Error(`no row ${String(row)} with ${JSON.stringify(text)} on the screen`);
}

describe.skipIf(!hasTmux && !process.env['CI'])(
  'the screen agrees with the analyzer (tmux)',
  () => {
    describe('1. countdowns live only while their failure is in force', () => {
      it('x on KR-CA then R: no countdown remains', async () => {
        const screen = open(['fixtures/demo.yaml']);
        await failKrCa(screen);
        screen.keys('R');
        const clean = await screen.waitForText('restored every simulated failure and failover');
        expect(clean).toContain('0 DOWN · 0 DEGRADED · 3 OK');
        expectNoCountdown(clean);
      });

      it('x on KR-CA then u: no countdown remains', async () => {
        const screen = open(['fixtures/demo.yaml']);
        await failKrCa(screen);
        screen.keys('u');
        const undone = await screen.waitForText('undone: ');
        expect(undone).toContain('0 DOWN · 0 DEGRADED · 3 OK');
        expectNoCountdown(undone);
      });

      it('a live "up" event ends the countdown its "down" opened', async () => {
        const events = join(directory, 'up.jsonl');
        writeFileSync(events, '');
        const screen = open(['fixtures/demo.yaml', '--events', events]);
        await screen.waitForText('live ● 0 up');
        appendFileSync(events, '{"id": "zone:KR-CA", "state": "down", "reason": "power"}\n');
        const down = await screen.waitForText('live ● 0 up ✖ 7 down');
        // Zone KR-CA is selected: its panel counts down the move it caused.
        await screen.waitForText('GSLB shop-gslb moves traffic in ~');
        expect(down).toContain('2 DOWN · 0 DEGRADED · 1 OK');
        appendFileSync(events, '{"id": "zone:KR-CA", "state": "up"}\n');
        const up = await screen.waitFor(
          (text) => text.includes('live ● 1 up') && !text.includes('✖'),
          'KR-CA back up',
        );
        expect(up).toContain('0 DOWN · 0 DEGRADED · 3 OK');
        expectNoCountdown(up);
      });

      it('a --watch reload of a topology without those GSLBs ends their countdowns', async () => {
        const file = join(directory, 'watched.yaml');
        writeFileSync(file, demo);
        const screen = open([file, '--watch']);
        await failKrCa(screen);
        save(file, demoWithoutGslbs);
        const reloaded = await screen.waitForText('topology reloaded');
        // KR-CA is still failed in the simulation, in the reloaded topology.
        expect(reloaded).toContain('sim ⚡ zone KR-CA');
        expectNoCountdown(reloaded);
        expect(reloaded).not.toContain('shop-gslb');
        expect(reloaded).not.toContain('db-gslb');
      });

      it('a finished move is said once, then leaves the panel', async () => {
        const file = join(directory, 'fast.yaml');
        const audit = join(directory, 'fast-audit.jsonl');
        writeFileSync(file, fastGslb);
        const screen = open([file, '--audit', audit]);
        await screen.waitForText('Impact · zone ZA');
        screen.keys('x');
        // The move takes about two seconds: its notice may replace the failure's before a poll.
        const moved = await screen.waitForText('GSLB fast-gslb has moved traffic: 100 served');
        // Said on the message line, not kept as a line of the panel.
        const panel = moved
          .split('\n')
          .filter((line) => line.startsWith('│') || line.startsWith('┃'))
          .join('\n');
        expectNoCountdown(panel);
        expect(moved).toContain('0 DOWN · 0 DEGRADED · 1 OK');
        // The next action replaces the notice; nothing of the move comes back.
        screen.keys('Escape');
        await screen.waitFor((text) => !text.includes('has moved traffic'), 'the notice to go');
        screen.keys('j');
        const after = await screen.waitForText('Impact · router acct/ZA');
        expectNoCountdown(after);
        const journal = readFileSync(audit, 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as {action?: string; ids: string[]; simulated: boolean});
        // The analysis after the failure is journaled too; the actions are these two.
        const actions = journal.filter((record) => record.action !== undefined);
        expect(actions.map(({action, ids, simulated}) => ({action, ids, simulated}))).toEqual([
          {action: 'fail', ids: ['ZA'], simulated: true},
          {action: 'moved', ids: ['fast-gslb'], simulated: true},
        ]);
      });
    });

    it("1, 3. the demo: the promoted standby's step agrees with the tree, the last step is clean", async () => {
      const screen = open(['demo']);
      await screen.waitForText('Normal: 3 services');
      screen.keys('Space');
      const paused = await screen.waitForText('(paused)');
      let step = Number(/\[(\d)\/7\] \(paused\)/.exec(paused)![1]);
      const stepTo = async (target: number) => {
        while (step !== target) {
          step += step < target ? 1 : -1;
          screen.keys(step > target ? 'Left' : 'Right');
          await screen.waitForText(`[${step}/7] (paused)`);
        }
        return screen.screen();
      };
      const promoted = await stepTo(5);
      expect(promoted).toContain('o promoted db-2 for shop-db');
      expect(promoted).not.toContain('still down');
      expect(promoted).toMatch(/shop-db +1000 OK/);
      expect(promoted).toMatch(/shop-db +1000 +1000 +1000 OK/);
      expect(promoted).not.toContain('0 now');
      const last = await stepTo(7);
      expect(last).toContain('0 DOWN · 0 DEGRADED · 3 OK');
      expectNoCountdown(last);
    });

    it('2. o on shop-gslb after KR-CA and db-2: keeps lb-cb, never cycles, the tree marks it', async () => {
      const screen = open(['fixtures/demo.yaml']);
      const promoted = await failKrCaAndPromote(screen);
      expect(promoted).toContain('0 DOWN · 1 DEGRADED · 2 OK');
      screen.keys('3');
      await screen.waitForText('Topology · by service');
      await select(screen, 'shop-gslb', 'GSLB shop-gslb');
      for (let attempt = 0; attempt < 3; attempt++) {
        screen.keys('o');
        const kept = await screen.waitForText(
          'no failover: shop-gslb already sends its traffic to lb-cb, the healthy target that serves',
        );
        // shop-web stays at 500 DEGRADED on lb-cb: never 300 DOWN on idc-guro.
        expect(kept).toContain('0 DOWN · 1 DEGRADED · 2 OK');
        expect(kept).toMatch(/shop-web +500\/1000 DEGRADED/);
        expect(kept).toMatch(/lb-cb +500 active/);
        expect(kept).not.toMatch(/idc-guro.*active/);
        expect(kept).not.toMatch(/lb-ca.*active/);
        expect(kept).not.toContain('does it, Esc cancels');
        // Clear the message so the next o is seen afresh.
        screen.keys('Escape');
        await screen.waitFor((text) => !text.includes('no failover:'), 'the message to clear');
      }
    });

    it('3. after promoting db-2 the tree and the panel agree on shop-db', async () => {
      const screen = open(['fixtures/demo.yaml']);
      await failKrCaAndPromote(screen);
      screen.keys('3');
      await screen.waitForText('Topology · by service');
      await select(screen, 'db-gslb', 'GSLB db-gslb');
      const shown = screen.screen();
      expect(shown).toMatch(/│ ▾ ● +shop-db +1000 OK/);
      expect(shown).toMatch(/db-2 +1000 active/);
      expect(shown).toMatch(/shop-db +1000 +1000 +1000 OK/);
      // A window still open says what is served until the move and after it: 1000, as the tree.
      expect(shown).not.toContain('0 now');
      expect(shown).not.toContain('has no healthy target left');
      const window =
        /GSLB db-gslb moves traffic in ~\d+\s?s: serves \d+ until then, (\d+) after/.exec(
          rightPanel(shown),
        );
      expect(window, rightPanel(shown)).not.toBeNull();
      expect(window![1]).toBe('1000');
    });

    describe('4. "before" is the state now, for a GSLB and a service too', () => {
      it('a GSLB and a service while KR-CA is failed', async () => {
        const screen = open(['fixtures/demo.yaml']);
        await failKrCa(screen);
        screen.keys('3');
        await screen.waitForText('Topology · by service');
        await select(screen, 'shop-gslb', 'GSLB shop-gslb');
        const gslb = screen.screen();
        expect(gslb).toContain(' service    demand before after status');
        expect(gslb).toMatch(/shop-web +1000 +0 +0 DOWN/);
        expect(gslb).toMatch(/shop-db +1000 +0 +0 DOWN/);
        expect(gslb).toMatch(/shop-admin +50 +50 +50 OK/);
        await select(screen, 'shop-admin', 'service shop-admin');
        const service = screen.screen();
        expect(service).toContain('service shop-admin: OK, 50 of 50 users');
        expect(service).toMatch(/shop-web +1000 +0 +0 DOWN/);
        expect(service).toMatch(/shop-db +1000 +0 +0 DOWN/);
      });
    });

    describe('5. the sweep while KR-CA is failed', () => {
      it('in English: no "zone zone", a DOWN service is already down', async () => {
        const screen = open(['fixtures/demo.yaml']);
        await failKrCa(screen);
        screen.keys('s');
        const sweep = await screen.waitForText('┏ N-1 sweep');
        // shop-admin, one failure from DOWN, comes first with its four SPOFs; then the others.
        expect(sweep).toContain('⚠ 1 one failure from DOWN · from now: 3');
        expect(sweep).toMatch(/shop-web +DOWN +multi-zone · already down/);
        expect(sweep).toMatch(/shop-db +DOWN +multi-zone · already down/);
        expect(sweep).not.toContain('zone zone');
        expect(sweep).not.toContain('no single point of failure');
        const admin = rightPanel(sweep);
        expect(admin).toContain('›shop-admin');
        expect(admin).toContain('fix: put admin-1 and a second VM of account shop-main');
        expect(admin).not.toContain('zone zone');
        screen.keys('j', 'j', 'j', 'j', 'j');
        const web = rightPanel(await screen.waitForText('›shop-web'));
        expect(web).toContain('fix: shop-web is down now: bring back what');
        expect(web).not.toContain('zone zone');
      });

      it('in Korean: the fix is Korean', async () => {
        const screen = open(['fixtures/demo.yaml', '--lang', 'ko']);
        await screen.waitForText('토폴로지');
        screen.keys('x');
        await screen.waitForText('중단 2 · 저하 0 · 정상 1');
        screen.keys('s');
        const sweep = await screen.waitForText('┏ N-1 점검');
        expect(sweep).toMatch(/shop-web +중단 +multi-zone · 이미 중단/);
        const admin = rightPanel(sweep);
        expect(admin).toContain('권고: KR-CB 의 로드밸런서 뒤에 admin-1 옆 계정 shop-main 의');
        expect(admin).not.toMatch(/fix:|behind a load balancer|survive|zone zone/);
        screen.keys('j', 'j', 'j', 'j', 'j');
        const web = rightPanel(await screen.waitForText('›shop-web'));
        expect(web).toContain('권고: shop-web 지금 중단: 장애 난 것을 복구하거나 페일오버');
        expect(web).not.toContain('fix:');
        expect(web).not.toContain('bring back');
      });
    });

    it('6. the header counts the services DOWN, DEGRADED and OK', async () => {
      const screen = open(['fixtures/demo.yaml']);
      const first = await screen.waitForText('Topology · by zone');
      expect(screen.lines()[0]).toContain(' 0 DOWN · 0 DEGRADED · 3 OK ');
      expect(first).toContain('shop-prod');
      await failKrCa(screen);
      expect(screen.lines()[0]).toContain(' 2 DOWN · 0 DEGRADED · 1 OK ');
      screen.keys('p');
      await screen.waitForText('┏ Failover plan');
      screen.keys('Enter');
      await screen.waitForText('failover: promote db-2');
      expect(screen.lines()[0]).toContain(' 0 DOWN · 1 DEGRADED · 2 OK ');
    });

    it('7. live mode: o on a component really down says the cloud was not changed', async () => {
      const events = join(directory, 'live-o.jsonl');
      writeFileSync(events, '');
      const screen = open(['fixtures/demo.yaml', '--events', events]);
      await screen.waitForText('live ● 0 up');
      appendFileSync(events, '{"id": "zone:KR-CA", "state": "down", "reason": "power"}\n');
      await screen.waitForText('live ● 0 up ✖ 7 down');
      screen.keys('3');
      await screen.waitForText('Topology · by service');
      await select(screen, 'shop-db', 'service shop-db');
      screen.keys('o');
      const done = await screen.waitForText('(simulated: nothing changed in the cloud)');
      expect(done).toContain('failover: promote db-2');
      // What is really down stays down on screen.
      expect(done).toMatch(/✖ +db-1 +0\/1000 \(zone\)/);
      expect(done).toMatch(/✖ +lb-ca +0\/500 \(zone\)/);
      expect(done).toContain('live ● 0 up ✖ 7 down');
      expect(done).toContain('0 DOWN · 1 DEGRADED · 2 OK');
      // The GSLB in front of the dead LB does not send traffic back to it.
      await select(screen, 'shop-gslb', 'GSLB shop-gslb');
      screen.keys('o');
      const kept = await screen.waitForText(
        'no failover: shop-gslb already sends its traffic to lb-cb',
      );
      expect(kept).toMatch(/✖ +lb-ca +0\/500 \(zone\)/);
      expect(kept).not.toMatch(/lb-ca.*active/);
      expect(kept).toMatch(/lb-cb +500 active/);
    });

    it('8. on first open the preview is not drawn in the outage red', async () => {
      const screen = open(['fixtures/demo.yaml']);
      const first = await screen.waitForText('Impact · zone KR-CA');
      expect(first).toContain('demand before would be status');
      expect(first).toMatch(/shop-web +1000 +1000 +0 DOWN/);
      const preview = styleAt(screen, /shop-web +1000 +1000 +0 DOWN/, 'DOWN');
      screen.keys('x');
      await screen.waitForText('simulated failure of zone KR-CA');
      await screen.waitFor(
        (text) => /shop-web +1000 +0 +1000 DOWN/.test(text),
        'the real outage on the panel',
      );
      const real = styleAt(screen, /shop-web +1000 +0 +1000 DOWN/, 'DOWN');
      expect(real).not.toBe('');
      expect(preview).not.toBe(real);
    });

    it('9. escape sequences in labels and the name draw harmlessly', async () => {
      const file = join(directory, 'hostile.yaml');
      writeFileSync(
        file,
        demo
          .replace('name: shop-prod', `name: ${JSON.stringify('shop\u001b[2J')}`)
          .replace('label: 중부 A', `label: ${JSON.stringify('x\ny\u001b[2J')}`)
          .replace('label: 구로 IDC', `label: ${JSON.stringify('I\u001b]0;pwned\u0007')}`),
      );
      const screen = open([file]);
      const titleBefore = screen.show('#{pane_title}');
      const shown = await screen.waitForText('Topology · by zone');
      const lines = screen.lines();
      // The header on top: the screen was not cleared under it.
      expect(lines[0]).toMatch(/^ failsight {2}shop\\e\[2J /);
      // One row per node: the label's newline is shown, not obeyed.
      expect(lines[2]).toMatch(/^│›▾ ● KR-CA {2}x\\ny\\e\[2J +1500/);
      expect(lines[3]).toMatch(/^│ {3}▾ ● shop-main\/KR-CA/);
      expect(shown).toMatch(/● idc-guro {2}I\\e\]0;pwned\\x07 +300/);
      for (const line of lines.slice(1, 27)) expect(line).toMatch(/^[┌│└]/);
      expect(shown).not.toContain('\u001b');
      expect(screen.show('#{pane_title}')).not.toContain('pwned');
      expect(screen.show('#{pane_title}')).toBe(titleBefore);
    });
  },
);
