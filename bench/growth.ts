import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {benchFile} from './files.js';
import {atMost, mb, median, ms, ratio, type BenchOptions, type Row} from './measure.js';
import {processTime, type ProcessTime} from './process-time.js';
import {Pty, sleep} from './pty.js';
import {keyOnScreen, Screen} from './screen.js';

const cli = fileURLToPath(new URL('../cli.js', import.meta.url));
/** The sizes, in VMs; the 1M file (some 170 MB of JSON) is generated on first use, not kept in git. */
const sizes = [1_000, 10_000, 100_000, 1_000_000];
const label = (vms: number) => (vms >= 1_000_000 ? `${vms / 1_000_000}M` : `${vms / 1_000}k`);

/**
 * The exponent b of time ∝ n^b, fitted by least squares on logarithms, over the sizes given.
 * Fitted on the cost above the floor (an empty process), which does not grow with n.
 */
export function fittedExponent(points: readonly {n: number; time: number}[]): number {
  const xs = points.map((p) => Math.log(p.n));
  const ys = points.map((p) => Math.log(Math.max(p.time, 1e-3)));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return num / den;
}

const exponent = (value: number) => (Number.isFinite(value) ? `b = ${value.toFixed(2)}` : 'n/a');

/**
 * How cost grows with the topology: `check --json` at 1k, 10k, 100k and 1M VMs (every size in
 * each round, beside the floor), and the dashboard's tree on screen and resident memory at rest.
 */
export async function benchGrowth(options: BenchOptions): Promise<Row[]> {
  const files = sizes.map((vms) => benchFile(vms));
  const floor: ProcessTime[] = [];
  const checks: ProcessTime[][] = sizes.map(() => []);
  for (let round = 0; round < options.rounds; round++) {
    floor.push(processTime(['-e', '0']));
    // Alternating: the order of the sizes turns round every other round.
    const order = round % 2 === 0 ? [...sizes.keys()] : [...sizes.keys()].reverse();
    for (const index of order)
      checks[index]!.push(processTime([cli, 'check', '--json', files[index]!.json]));
  }
  const floorCpu = median(floor.map((r) => r.cpuMs));
  const wall = checks.map((runs) => median(runs.map((r) => r.wallMs)));
  const cpu = checks.map((runs) => median(runs.map((r) => r.cpuMs)));
  const rows: Row[] = [
    {
      name: 'node -e 0',
      value: ms(median(floor.map((r) => r.wallMs))),
      note: `floor; CPU ${ms(floorCpu)}`,
    },
  ];
  sizes.forEach((vms, i) =>
    rows.push({
      name: `check --json, ${label(vms)} VMs`,
      value: ms(wall[i]!),
      note: `CPU ${ms(cpu[i]!)}`,
    }),
  );
  // The smallest file's run is the fixed cost (start-up, the bundle's code): what grows is above it.
  const above = sizes.map((n, i) => ({n, time: cpu[i]! - cpu[0]!})).slice(1);
  const last = sizes.length - 1;
  const top = fittedExponent(above.slice(-2));
  rows.push(
    atMost(
      'check --json, fitted exponent (CPU above the 1k run)',
      fittedExponent(above),
      1.1,
      (v) => v.toFixed(2),
      `over ${sizes.slice(1).map(label).join(', ')}; ${exponent(top)} from 100k to 1M; ${exponent(fittedExponent(sizes.map((n, i) => ({n, time: cpu[i]! - floorCpu}))))} over all, above node -e 0`,
    ),
    atMost(
      'check --json, 1M / 100k (CPU)',
      cpu[last]! / cpu[last - 1]!,
      11,
      ratio,
      `wall ${ratio(wall[last]! / wall[last - 1]!)}`,
    ),
  );

  // The dashboard: the tree on screen from exec, a cursor key, `x` on a zone, and resident memory
  // once it is at rest.
  const trees: {n: number; time: number}[] = [];
  const cursor: {n: number; time: number}[] = [];
  const fail: {n: number; time: number}[] = [];
  for (const [i, vms] of sizes.entries()) {
    const opened = await openDashboard(files[i]!.json);
    try {
      trees.push({n: vms, time: opened.treeMs});
      rows.push({
        name: `tree on screen, ${label(vms)} VMs`,
        value: ms(opened.treeMs),
        note: `CPU ${ms(opened.cpuMs)}; first byte ${ms(opened.firstByteMs)} (hint)`,
      });
      // A key's row is held to its target at the largest size; below it, it is the curve.
      const keyRow = (name: string, value: number, target: number, note?: string): Row =>
        vms === sizes[last]
          ? atMost(name, value, target, ms, note)
          : {name, value: ms(value), ...(note === undefined ? {} : {note})};
      const key = await cursorKeys(opened, options.quick ? 4 : 8);
      cursor.push({n: vms, time: key});
      rows.push(keyRow(`cursor key, ${label(vms)} VMs`, key, 30));
      const failed = await failZone(opened);
      fail.push({n: vms, time: failed.answerMs});
      rows.push(
        keyRow(
          `x on a zone, ${label(vms)} VMs, to the updated panel`,
          failed.answerMs,
          1000,
          `first byte ${ms(failed.firstByteMs)} (hint)`,
        ),
      );
      if (vms === sizes[last]) {
        await opened.pty.settle(500, 120_000);
        const settled = opened.pty.rssMb();
        await sleep(restMs);
        rows.push(
          atMost(
            `RSS at rest, dashboard, ${label(vms)} VMs`,
            opened.pty.rssMb(),
            1200,
            mb,
            `${mb(settled)} as the first frame settled; peak ${mb(peakRssMb(opened.pty.pid))}`,
          ),
        );
      }
    } finally {
      opened.close();
    }
  }
  rows.push(
    atMost(
      'tree on screen, fitted exponent (wall above the 1k run)',
      fittedExponent(trees.slice(1).map((t) => ({n: t.n, time: t.time - trees[0]!.time}))),
      1.1,
      (v) => v.toFixed(2),
      `over ${sizes.slice(1).map(label).join(', ')}, from exec`,
    ),
    atMost('tree on screen, 1M / 100k', trees[last]!.time / trees[last - 1]!.time, 11, ratio),
    {
      name: 'cursor key, fitted exponent',
      value: exponent(fittedExponent(cursor)),
      note: `over ${sizes.map(label).join(', ')}; informational (a key's work is the rows on screen)`,
    },
    atMost(
      'x on a zone, fitted exponent',
      fittedExponent(fail.slice(1)),
      1.1,
      (v) => v.toFixed(2),
      `over ${sizes.slice(1).map(label).join(', ')}`,
    ),
  );
  return rows;
}

/** The median of `moves` cursor keys (j j k k …) from the first zone, each until the screen is still. */
async function cursorKeys({pty, screen}: OpenDashboard, moves: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < moves; i++)
    times.push((await keyOnScreen(pty, screen, i % 4 < 2 ? 'j' : 'k')).answerMs);
  return median(times);
}

/** `x` on the first zone, until the impact panel says so with its new columns; then `r`. */
async function failZone({pty, screen}: OpenDashboard) {
  const failed = await keyOnScreen(pty, screen, 'x', ['failed (simulated)', 'now if back'], {
    timeoutMs: 120_000,
  });
  await keyOnScreen(pty, screen, 'r', undefined, {timeoutMs: 120_000});
  return failed;
}

/** After the dashboard's idle collections (a second, then eight; see commands/idle-memory). */
const restMs = 10_000;

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

/** A dashboard opened at 120×40, its tree on screen. */
export interface OpenDashboard {
  pty: Pty;
  screen: Screen;
  treeMs: number;
  firstByteMs: number;
  cpuMs: number;
  close: () => void;
}

async function openDashboard(file: string): Promise<OpenDashboard> {
  const pty = new Pty(120, 40);
  await pty.open([process.execPath, cli, file], {LANG: 'C.UTF-8', TERM: 'xterm-256color'});
  const screen = new Screen(pty, 120, 40);
  const close = () => {
    pty.close();
    screen.dispose();
  };
  pty.start();
  // The first zone row of the tree: the topology is loaded and drawn.
  const shown = await screen.waitFor(0, ['KR-CA'], 600_000);
  if (shown.shownAt === undefined) {
    const text = pty.screen();
    close();
    throw new Error(`no tree from ${file}:\n${text}`);
  }
  return {
    pty,
    screen,
    close,
    treeMs: shown.shownAt - pty.startedAt,
    firstByteMs: (shown.firstByteAt ?? Number.NaN) - pty.startedAt,
    cpuMs: pty.cpuMs(),
  };
}
