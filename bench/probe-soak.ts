import {readFileSync, writeFileSync} from 'node:fs';
import {createServer as createHttpServer, type Server} from 'node:http';
import {createServer as createTcpServer, type AddressInfo} from 'node:net';
import {fileURLToPath} from 'node:url';
import {scratchFile} from './files.js';
import {atMost, mb, type BenchOptions, type Row} from './measure.js';
import {Pty, shellQuote, sleep} from './pty.js';

const cli = fileURLToPath(new URL('../cli.js', import.meta.url));
const demo = fileURLToPath(new URL('../../fixtures/demo.yaml', import.meta.url));

/**
 * How long the soak runs: `FAILSIGHT_SOAK_S` seconds, 60 by default (the full check is 600).
 * Probes run every second, so a 60 s soak is 60 rounds of 7 probes.
 */
function soakSeconds(): number {
  const value = Number(process.env['FAILSIGHT_SOAK_S'] ?? 60);
  if (!Number.isFinite(value) || value < 5) throw new Error('FAILSIGHT_SOAK_S: at least 5 seconds');
  return value;
}

/**
 * `--probe` left running at a 1 s interval, in a real pty, against local listeners (four VMs on
 * an HTTP server, three on a TCP one). It samples the dashboard's RSS from /proc and keeps what
 * it writes to stderr in a file: a leak of listeners shows as a Node warning there, a leak of
 * memory as RSS that keeps climbing. The first sample is taken after a warm-up.
 */
export async function benchProbeSoak(_options: BenchOptions): Promise<Row[]> {
  const seconds = soakSeconds();
  const http = createHttpServer((_req, res) => res.end('ok'));
  const tcp = createTcpServer((socket) => socket.end());
  await listen(http);
  await listen(tcp);
  const httpPort = (http.address() as AddressInfo).port;
  const tcpPort = (tcp.address() as AddressInfo).port;
  const file = scratchFile('probe-soak.yaml');
  const stderrFile = scratchFile('probe-soak.stderr');
  writeFileSync(file, probed(httpPort, tcpPort));
  writeFileSync(stderrFile, '');
  // The JavaScript heap beside RSS, written each second by the dashboard itself (a preload):
  // RSS also moves as V8 resizes its young generation, the heap only when something is kept.
  const heapFile = scratchFile('probe-soak.heap');
  const preload = scratchFile('probe-soak-heap.cjs');
  writeFileSync(heapFile, '');
  writeFileSync(
    preload,
    `setInterval(() => require('node:fs').writeFileSync(${JSON.stringify(heapFile)}, String(process.memoryUsage().heapUsed)), 1000).unref();`,
  );
  const heapMb = () => Number(readFileSync(heapFile, 'utf8')) / 1024 / 1024;
  const heap: number[] = [];
  const pty = new Pty(100, 30);
  const samples: number[] = [];
  let screenAtEnd = '';
  try {
    // stderr to a file (the dashboard owns the screen); `exec` keeps the pane's pid the node's.
    const command = `exec ${shellQuote(process.execPath)} --require ${shellQuote(preload)} ${shellQuote(cli)} ${shellQuote(file)} --probe 2>${shellQuote(stderrFile)}`;
    await pty.open(['sh', '-c', command], {LANG: 'C.UTF-8', TERM: 'xterm-256color'});
    pty.start();
    if ((await pty.waitForText(0, '7 up', 30_000)) === undefined)
      throw new Error(`the probes never decided:\n${pty.screen()}`);
    // A warm-up: the first rounds compile code and size the heap (half the soak, at most 60 s).
    await sleep(Math.min(60, seconds / 2) * 1000);
    const started = performance.now();
    const every = Math.max(1_000, (seconds * 1000) / 120);
    while (performance.now() - started < seconds * 1000) {
      samples.push(pty.rssMb());
      heap.push(heapMb());
      await sleep(every);
    }
    samples.push(pty.rssMb());
    heap.push(heapMb());
    screenAtEnd = pty.screen();
    pty.press('q');
    await sleep(1_000);
    screenAtEnd += pty.screen();
  } finally {
    await pty.closeAndWait();
    await new Promise((resolve) => http.close(resolve));
    await new Promise((resolve) => tcp.close(resolve));
  }
  const stderr = readFileSync(stderrFile, 'utf8');
  const warnings = `${stderr}\n${screenAtEnd}`
    .split('\n')
    .filter((line) => /warning/i.test(line))
    .map((line) => line.trim());
  const first = samples[0] ?? Number.NaN;
  const last = samples.at(-1) ?? Number.NaN;
  const max = Math.max(...samples);
  const growth = (max - first) / first;
  // The trend apart from the warm-up: the second half's last sample over its first.
  const middle = samples[Math.floor(samples.length / 2)] ?? Number.NaN;
  return [
    {
      name: `--probe for ${seconds} s at 1 s, RSS first / last / max`,
      value: `${mb(first)} / ${mb(last)} / ${mb(max)}`,
      note: `${samples.length} samples from /proc`,
    },
    atMost('RSS growth, max over first', growth * 100, 10, percent),
    {
      name: 'JS heap used, first / last / max',
      value: `${mb(heap[0] ?? Number.NaN)} / ${mb(heap.at(-1) ?? Number.NaN)} / ${mb(Math.max(...heap))}`,
    },
    {name: 'RSS growth over the second half', value: percent(((last - middle) / middle) * 100)},
    {
      name: 'warnings printed',
      value: String(warnings.length),
      target: '= 0',
      met: warnings.length === 0,
      ...(warnings.length > 0 ? {note: warnings.slice(0, 3).join(' | ').slice(0, 300)} : {}),
    },
  ];
}

/** The demo with a probe and a 1 s probe interval: web-* over HTTP, the others over TCP. */
function probed(httpPort: number, tcpPort: number): string {
  const text = readFileSync(demo, 'utf8').replace(
    /^( {2}- \{id: (web-\d|db-\d|admin-1),.*)\}$/gm,
    (_line, head: string, id: string) =>
      `${head}, probe: "${id.startsWith('web') ? `http://127.0.0.1:${httpPort}/` : `tcp://127.0.0.1:${tcpPort}`}"}`,
  );
  if ((text.match(/probe: /g) ?? []).length !== 7) throw new Error('demo.yaml: seven VMs expected');
  return `${text}\nprobes: {intervalS: 1, rise: 1, fall: 1}\n`;
}

const percent = (value: number) => `${value.toFixed(1)} %`;

function listen(server: Server | ReturnType<typeof createTcpServer>): Promise<void> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
}
