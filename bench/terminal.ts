import {appendFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {benchFile, scratchFile} from './files.js';
import {atMost, kb, mb, median, ms, ratio, type BenchOptions, type Row} from './measure.js';
import {Pty, sleep} from './pty.js';
import {keyOnScreen, Screen, type Answer} from './screen.js';

const cli = fileURLToPath(new URL('../cli.js', import.meta.url));
const hello = fileURLToPath(new URL('./hello.js', import.meta.url));
const helloFile = fileURLToPath(new URL('./hello-file.js', import.meta.url));
const demo = fileURLToPath(new URL('../../fixtures/demo.yaml', import.meta.url));
const columns = 120;
const rows = 40;
/**
 * The last word of the footer: once it is on screen, the whole first frame is. From 1 MB on
 * that first frame is the loading frame (paint first, load after); its footer ends the same way.
 */
const frameDone = 'quit';
/** The first zone row of the tree: the topology is loaded and drawn. Every bench file has it. */
const treeDrawn = 'KR-CA';
/** After `x`: the impact panel says so, and its service rows have the columns of a failure. */
const failedOnScreen = ['failed (simulated)', 'now if back'];
/** Zones of the bench's shape, one per round of `x`. */
const zonesToFail = ['KR-CA', 'KR-CB', 'KR-M2'];
const env = {LANG: 'C.UTF-8', TERM: 'xterm-256color'};

/** A dashboard (or the floor) in its own pty, with the screen it shows. */
interface Opened {
  pty: Pty;
  screen: Screen;
  close: () => void;
  closeAndWait: () => Promise<void>;
}

/**
 * A process opened in its own pty, timed from exec until its screen shows `marker` (the end of
 * its first frame); the first byte is kept as a hint.
 */
async function opened(argv: string[], marker: string, extraEnv: Record<string, string> = {}) {
  const pty = new Pty(columns, rows);
  await pty.open(argv, {...env, ...extraEnv});
  const screen = new Screen(pty, columns, rows);
  const close = () => {
    pty.close();
    screen.dispose();
  };
  const closeAndWait = async () => {
    await pty.closeAndWait();
    screen.dispose();
  };
  pty.start();
  const shown = await screen.waitFor(0, [marker], 120_000);
  if (shown.shownAt === undefined) {
    const text = pty.screen();
    close();
    throw new Error(`no first frame from ${argv.join(' ')}; the screen:\n${text}`);
  }
  const view: Opened = {pty, screen, close, closeAndWait};
  return {
    ...view,
    view,
    firstFrameMs: shown.shownAt - pty.startedAt,
    firstByteMs: (shown.firstByteAt ?? Number.NaN) - pty.startedAt,
  };
}

async function firstFrame(argv: string[], marker: string): Promise<number> {
  const {closeAndWait, firstFrameMs} = await opened(argv, marker);
  await closeAndWait();
  return firstFrameMs;
}

/** The first frame, and then the tree: the two differ when the file loads after the paint. */
async function frameThenTree(argv: string[]): Promise<{frameMs: number; treeMs: number}> {
  const {pty, screen, closeAndWait, firstFrameMs} = await opened(argv, frameDone);
  try {
    if (screen.text().includes(treeDrawn)) return {frameMs: firstFrameMs, treeMs: firstFrameMs};
    const shown = await screen.waitFor(screen.read, [treeDrawn], 120_000);
    if (shown.shownAt === undefined)
      throw new Error(`no tree from ${argv.join(' ')}:\n${pty.screen()}`);
    return {frameMs: firstFrameMs, treeMs: shown.shownAt - pty.startedAt};
  } finally {
    await closeAndWait();
  }
}

/**
 * How long the dashboard's own idle work takes after the last frame: a full collection after a
 * second of stillness, the young generation given back after eight (see commands/idle-memory).
 * "At rest" is after it, with a second to spare.
 */
const restMs = 9_000;
/** Idle CPU is measured from later still: after V8's memory reducer too (see benchTerminal). */
const idleRestMs = 20_000;

/**
 * Resident memory at rest (the screen still and the dashboard's idle collections done), and as
 * it was the moment the screen settled.
 */
export async function restingRss(pty: Pty): Promise<{rest: number; settled: number}> {
  await pty.settle(300, 30_000);
  const settled = pty.rssMb();
  await sleep(restMs);
  return {rest: pty.rssMb(), settled};
}

const dashboard = (file: string) => [process.execPath, cli, file];

/** Removes the compile cache of a command (`dashboard`, `check`, …) from beside the program. */
function dropCompileCache(key: string): void {
  const dir = dirname(cli);
  for (const name of readdirSync(dir))
    if (name.endsWith(`.${key}.cache`) && name.startsWith('cli-body.')) rmSync(join(dir, name));
}

/**
 * One key as a user feels it, timed from the press until the screen shows `answer` (without
 * one: until the screen became the frame it shows once still); see screen.ts. The bytes are all
 * those written until the screen is still again.
 */
async function key(
  view: Opened,
  name: string,
  answer?: Answer,
): Promise<{ms: number; firstByteMs: number; bytes: number}> {
  const times = await keyOnScreen(view.pty, view.screen, name, answer);
  return {ms: times.answerMs, firstByteMs: times.firstByteMs, bytes: times.bytes};
}

async function keys(view: Opened, names: string[]): Promise<{ms: number[]; bytes: number[]}> {
  const result = {ms: [] as number[], bytes: [] as number[]};
  for (const name of names) {
    const measured = await key(view, name);
    result.ms.push(measured.ms);
    result.bytes.push(measured.bytes);
  }
  return result;
}

/** The dashboard as a user sees it: the whole process in a real pseudo-terminal (tmux), 120×40. */
export async function benchTerminal(options: BenchOptions): Promise<Row[]> {
  const rowsOut: Row[] = [];
  const small = benchFile(100);
  const medium = benchFile(10_000);
  const large = benchFile(100_000);

  // First frames, alternating with the floor: an Ink hello world in production mode.
  const helloTimes: number[] = [];
  const demoTimes: number[] = [];
  const largeTimes: number[] = [];
  const largeTrees: number[] = [];
  const fileFloors: number[] = [];
  const nodeFloors: number[] = [];
  // Three times the rounds: a first frame is some 200 ms, and from one process to the next it
  // moves by 10 % or more; a median of three swung the demo's ratio from 1.10× to 1.31×.
  // Each process is timed once the one before it has exited; the floor and the demo take turns
  // going first.
  const floorFrame = () => firstFrame([process.execPath, hello], 'hello, floor drawn');
  const demoFrame = () => firstFrame(dashboard(demo), frameDone);
  // A user's first run after a build or a Node upgrade compiles without a cache and writes it
  // (source/runtime/compile-cache.ts): that run is timed once, on its own row; later ones read it.
  dropCompileCache('dashboard');
  const uncached = await demoFrame();
  for (let round = 0; round < options.rounds * 3; round++) {
    if (round % 2 === 0) {
      helloTimes.push(await floorFrame());
      demoTimes.push(await demoFrame());
    } else {
      demoTimes.push(await demoFrame());
      helloTimes.push(await floorFrame());
    }
    const {frameMs, treeMs} = await frameThenTree(dashboard(large.json));
    largeTimes.push(frameMs);
    largeTrees.push(treeMs);
    fileFloors.push(await firstFrame([process.execPath, helloFile, large.json], 'floor drawn'));
    // node -e 0 as the dashboard is timed: in the pty from exec, until its one line is shown.
    nodeFloors.push(
      await firstFrame(
        [process.execPath, '-e', "process.stdout.write('node, floor drawn')"],
        'node, floor drawn',
      ),
    );
  }
  const floor = median(helloTimes);
  rowsOut.push(
    {name: 'first frame, Ink hello world', value: ms(floor), note: 'floor, from exec'},
    {name: 'first frame, dashboard on the demo', value: ms(median(demoTimes))},
    {
      name: 'first frame, demo, first run of a build',
      value: ms(uncached),
      note: `informational, one run: no compile cache yet (${ratio(uncached / floor)} the floor)`,
    },
    atMost('first frame, demo / hello world', median(demoTimes) / floor, 1.1, ratio),
    {
      name: 'node -e 0 (one line)',
      value: ms(median(nodeFloors)),
      note: 'floor, from exec, the same rounds',
    },
    atMost(
      'first frame, demo / node -e 0 (one line)',
      median(demoTimes) / median(nodeFloors),
      2,
      ratio,
      `the Ink hello world alone is ${ratio(floor / median(nodeFloors))}`,
    ),
    {name: 'first frame, dashboard at 100k VMs', value: ms(median(largeTimes))},
    atMost('first frame, 100k / hello world', median(largeTimes) / floor, 2, ratio),
    {
      name: 'tree on screen, 100k VMs',
      value: ms(median(largeTrees)),
      note: 'the first frame above is the loading frame; this is the first zone row',
    },
    atMost(
      'tree on screen, 100k / hello world',
      median(largeTrees) / floor,
      1.5,
      ratio,
      'reading and JSON.parse of the file alone take more than the hello world',
    ),
    {
      name: 'Ink hello world reading the 100k file',
      value: ms(median(fileFloors)),
      note: 'floor: read, JSON.parse, one line',
    },
    atMost(
      'tree on screen, 100k / that floor',
      median(largeTrees) / median(fileFloors),
      1.5,
      ratio,
    ),
  );

  // Cursor keys at 100k and at 100 VMs, alternating between the two open dashboards.
  // Keys are measured on the dashboard, not on a loading frame: opened once the tree is drawn.
  const big = await opened(dashboard(large.json), treeDrawn);
  const tiny = await opened(dashboard(small.json), treeDrawn);
  try {
    const opening = await restingRss(big.pty);
    const rssOpen = opening.rest;
    const moves = options.quick ? 4 : 10;
    const bigKeys: number[] = [];
    const tinyKeys: number[] = [];
    for (let i = 0; i < moves; i++) {
      const name = i % 4 < 2 ? 'j' : 'k';
      bigKeys.push((await key(big, name)).ms);
      tinyKeys.push((await key(tiny, name)).ms);
    }
    tiny.close();
    const cursorLarge = median(bigKeys);
    const cursorSmall = median(tinyKeys);
    rowsOut.push(
      {name: 'cursor key, 100 VMs', value: ms(cursorSmall)},
      atMost('cursor key, 100k VMs', cursorLarge, 16, ms),
      atMost('cursor key, 100k / 100 VMs', cursorLarge / cursorSmall, 2, ratio),
    );

    const rounds = options.quick ? 1 : 3;
    // Every action below starts and ends in the zone view with the cursor on the first zone.
    const fold: number[] = [];
    const filterKeys: number[] = [];
    const escape: number[] = [];
    const availability: number[] = [];
    const fail: number[] = [];
    const failFirstByte: number[] = [];
    const view: number[] = [];
    const downFilter: number[] = [];
    const downJump: number[] = [];
    for (let round = 0; round < rounds; round++) {
      await key(big, 'g');
      fold.push((await key(big, 'h')).ms, (await key(big, 'l')).ms);
      await key(big, '/');
      filterKeys.push(...(await keys(big, ['v', 'm', '1'])).ms);
      escape.push((await key(big, 'Escape')).ms);
      availability.push((await key(big, 'a')).ms);
      await key(big, 'Escape');
      // A different zone each round, chosen through the filter: a zone failed before would be
      // one of the last states evaluated, a cheaper answer than the first `x` on a zone is.
      await key(big, '/');
      await keyOnScreen(big.pty, big.screen, zonesToFail[round % zonesToFail.length]!, undefined, {
        literal: true,
      });
      await keys(big, ['Enter', 'Escape']);
      const failed = await key(big, 'x', failedOnScreen);
      fail.push(failed.ms);
      failFirstByte.push(failed.firstByteMs);
      // The zone's 25k VMs down: f shows only them (f f goes on to unknown, then to all).
      downFilter.push((await key(big, 'f')).ms);
      await keys(big, ['f', 'f']);
      downJump.push((await key(big, ']')).ms);
      await key(big, 'g');
      // Restoring may sweep again; it is not one of the measured keys.
      await key(big, 'R');
      view.push(...(await keys(big, ['v', 'v', 'v'])).ms);
    }
    rowsOut.push(
      atMost(
        'x on a zone, 100k VMs, to the updated panel',
        median(fail),
        100,
        ms,
        `first byte ${ms(median(failFirstByte))} (hint)`,
      ),
      atMost('view switch, 100k VMs', median(view), 100, ms),
      atMost('fold / unfold a zone, 100k VMs', median(fold), 100, ms),
      atMost('filter keystroke, 100k VMs', median(filterKeys), 100, ms),
      atMost('Esc from a filter, 100k VMs', median(escape), 100, ms),
      atMost('f (down only) with a zone down, 100k VMs', median(downFilter), 100, ms),
      atMost('] (next down row), 100k VMs', median(downJump), 100, ms),
      atMost('a (availability), 100k VMs', median(availability), 100, ms),
    );

    // Idle: no key, the clock ticking as it does for a user. Measured from rest: the collections
    // that follow the last key are that key's work, shown separately (the CPU of the first
    // seconds after the screen settles). They are the dashboard's (after 1 s and 8 s) and then
    // V8's own memory reducer, which a full collection arms for about 8 s later still (measured
    // at 100k VMs: some 130 ms of CPU, 14-17 s after the last key, then nothing).
    await big.pty.settle(500, 30_000);
    const cpuSettled = big.pty.cpuMs();
    await sleep(idleRestMs);
    const idleSeconds = options.quick ? 5 : 10;
    const cpuBefore = big.pty.cpuMs();
    await sleep(idleSeconds * 1000);
    const idlePercent = (100 * (big.pty.cpuMs() - cpuBefore)) / (idleSeconds * 1000);
    rowsOut.push(
      atMost(
        'idle CPU at rest, 100k VMs',
        idlePercent,
        1,
        (v) => `${v.toFixed(1)} %`,
        `${idleSeconds} s; the ${idleRestMs / 1000} s after the last key settled: ${ms(cpuBefore - cpuSettled)} of CPU (the collections after it)`,
      ),
    );
    rowsOut.push(
      atMost(
        'RSS after opening, 100k VMs, at rest',
        rssOpen,
        200,
        mb,
        `${mb(opening.settled)} as the first frame settled`,
      ),
    );

    // Memory: 100 view switches, each waited for, then RSS against the RSS just before them, both
    // at rest: what the keys above keep (the availability estimate, the sweep) is not a switch's.
    const beforeSwitches = await restingRss(big.pty);
    const switches = options.quick ? 20 : 100;
    const deadline = performance.now() + (options.quick ? 60_000 : 300_000);
    let done = 0;
    while (done < switches && performance.now() < deadline && big.pty.alive()) {
      const mark = big.pty.mark;
      big.pty.press('v');
      await big.pty.firstOutput(mark, 30_000);
      await big.pty.settle(30, 30_000);
      done++;
    }
    const alive = big.pty.alive();
    const switched = alive ? await restingRss(big.pty) : {rest: Number.NaN, settled: Number.NaN};
    const rssAfter = switched.rest;
    rowsOut.push(
      atMost(
        `RSS growth after ${done} view switches, 100k VMs`,
        (100 * (rssAfter - beforeSwitches.rest)) / beforeSwitches.rest,
        10,
        (v) => `${v >= 0 ? '+' : ''}${v.toFixed(1)} %`,
        `at rest ${mb(beforeSwitches.rest)} → ${alive ? `${mb(rssAfter)}; ${mb(switched.settled)} as the last switch settled` : 'process died'}${done < switches ? `; stopped at ${done} of ${switches} (too slow)` : ''}`,
      ),
    );
  } finally {
    big.close();
    tiny.close();
  }

  // Bytes per cursor move at 10k, as the pty receives them. Quick or not, the same ten moves
  // from the first zone: four of them cross a zone or router row and redraw its impact, so a
  // shorter list (j j k k) measured only those and read 6.7 KB where the median is 0.9 KB.
  const mid = await opened(dashboard(medium.json), treeDrawn);
  try {
    const moves = await keys(mid, [...'jjjjjkkkkk']);
    rowsOut.push(atMost('bytes per cursor move, 10k VMs', median(moves.bytes), 1024, kb));
  } finally {
    mid.close();
  }
  return rowsOut;
}

/** RSS stays flat under a flood of events and an hour of clock ticks (docs/development.md). */
export async function benchMemory(options: BenchOptions): Promise<Row[]> {
  const rowsOut: Row[] = [];
  const file = benchFile(10_000);
  const growth = (before: number, after: number) => (100 * (after - before)) / before;
  const percent = (v: number) => `${v >= 0 ? '+' : ''}${v.toFixed(1)} %`;

  // 10,000 events: VMs going down and coming back up, appended in batches to a followed file.
  // Those still down at the end are brought back up, so the state ends as it began and what
  // is left is what the events themselves left behind, not the size of a state with 1,200 VMs
  // down. Then the same flood again: growth that came once, and growth that keeps coming.
  // Each round is a dashboard of its own: what the allocator keeps varies from one process to
  // the next by several MB, so the rows are medians over the rounds, their range beside them.
  const total = options.quick ? 2_000 : 10_000;
  const sequence = floodEvents(total);
  const rounds: {before: number; flooded: number; settled: number; again: number}[] = [];
  for (let round = 0; round < options.rounds; round++)
    rounds.push(await floodRound(file.json, sequence));
  const first = rounds.map((r) => growth(r.before, r.flooded));
  const second = rounds.map((r) => growth(r.flooded, r.again));
  const range = (values: number[]) =>
    values.length > 1 ? `; ${percent(Math.min(...values))} to ${percent(Math.max(...values))}` : '';
  const middle = rounds[first.indexOf(median(first))] ?? rounds[0]!;
  rowsOut.push(
    atMost(
      `RSS growth after ${sequence.length} events, 10k VMs`,
      median(first),
      10,
      percent,
      `at rest ${mb(middle.before)} → ${mb(middle.flooded)}, ${mb(middle.settled)} as the last batch settled${range(first)}; the last ${sequence.length - total} bring every VM back up`,
    ),
    {
      name: `RSS growth over the same ${sequence.length} events again`,
      value: percent(median(second)),
      note: `informational${range(second)}`,
    },
  );

  // An hour of clock ticks, simulated: the bench hook ticks every 1 ms and runs the clock
  // 1000× fast, so each tick is one second on the dashboard's clock.
  const ticking = await opened(dashboard(file.json), treeDrawn, {FAILSIGHT_BENCH_TICK_MS: '1'});
  try {
    await sleep(1000);
    await ticking.pty.settle(50, 5_000);
    const before = ticking.pty.rssMb();
    const mark = ticking.pty.mark;
    const seconds = options.quick ? 600 : 3600;
    const deadline = performance.now() + (options.quick ? 30_000 : 120_000);
    while (ticking.pty.mark - mark < seconds && performance.now() < deadline) await sleep(100);
    const ticks = ticking.pty.mark - mark;
    const after = ticking.pty.rssMb();
    rowsOut.push(
      atMost(
        `RSS growth after ${ticks} clock ticks, 10k VMs`,
        growth(before, after),
        10,
        percent,
        `${mb(before)} → ${mb(after)}; simulated clock (FAILSIGHT_BENCH_TICK_MS=1), ticks counted as frames drawn`,
      ),
    );
  } finally {
    ticking.close();
  }
  return rowsOut;
}

/** One dashboard under the flood twice: RSS at rest before, after the first, after the second. */
async function floodRound(file: string, sequence: readonly string[]) {
  const events = scratchFile(`events-${process.pid}.jsonl`);
  writeFileSync(events, '');
  const flood = await opened([...dashboard(file), '--events', events], treeDrawn);
  const send = async () => {
    for (let sent = 0; sent < sequence.length; sent += 500) {
      const mark = flood.pty.mark;
      appendFileSync(events, sequence.slice(sent, sent + 500).join('\n') + '\n');
      await flood.pty.firstOutput(mark, 30_000);
      await flood.pty.settle(100, 60_000);
    }
  };
  try {
    const before = (await restingRss(flood.pty)).rest;
    await send();
    const flooded = await restingRss(flood.pty);
    await send();
    const again = await restingRss(flood.pty);
    return {before, flooded: flooded.rest, settled: flooded.settled, again: again.rest};
  } finally {
    flood.close();
  }
}

/**
 * `count` events over 4,800 VMs of a bench file, as an event source writes them (JSON lines):
 * twenty VMs go down, then the twenty that went down sixty steps before come back up, so that
 * every batch changes the state and 1,200 VMs are down at a time; then one "up" for each VM
 * still down.
 */
export function floodEvents(count: number): string[] {
  const lines: string[] = [];
  const down = new Set<string>();
  const vm = (n: number) => `vm${Math.floor(n / 80) % 60}-${Math.floor(n / 20) % 4}-${n % 20}`;
  const event = (n: number, state: 'down' | 'up') => {
    const id = vm(n % 4800);
    if (state === 'down') down.add(id);
    else down.delete(id);
    lines.push(JSON.stringify({id, state}));
  };
  const spread = 60;
  for (let step = 0; lines.length < count; step++) {
    for (let k = 0; k < 20 && lines.length < count; k++) event(step * 20 + k, 'down');
    if (step >= spread)
      for (let k = 0; k < 20 && lines.length < count; k++) event((step - spread) * 20 + k, 'up');
  }
  for (const id of down) lines.push(JSON.stringify({id, state: 'up'}));
  return lines;
}
