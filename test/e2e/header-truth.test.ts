import {spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {FakeCloud} from '../adapters/cloudstack/fake-cloud.js';
import {
  metricsServer,
  runMonitoringTests,
  startPrometheus,
  type Running,
} from '../support/monitoring.js';
import {hasTmux, Pane, root} from './tmux.js';

// What the 80×24 header says when its data cannot be trusted, with the real binary.

let pane: Pane | undefined;
let cloud: FakeCloud | undefined;
const daemons: Running[] = [];
afterEach(async () => {
  pane?.close();
  pane = undefined;
  await cloud?.close();
  cloud = undefined;
});
afterAll(async () => {
  await Promise.all(daemons.map((daemon) => daemon.stop()));
});

const small = {columns: 80, rows: 24};
const headerOf = (screen: string) => screen.split('\n')[0]!;
const runTmux = hasTmux || Boolean(process.env['CI']);

describe.skipIf(!runMonitoringTests || !runTmux)(
  'the 80×24 header with the real Prometheus',
  () => {
    it('a wrong path: the header says NO DATA and every failable component is unknown', async () => {
      const prometheus = await startPrometheus([]);
      daemons.push(prometheus);
      pane = Pane.open(
        [
          'fixtures/demo.yaml',
          '--prometheus',
          `${prometheus.url}/no/such/path`,
          '--interval',
          '1s',
        ],
        small,
      );
      const screen = await pane.waitFor(
        (s) => headerOf(s).includes('✖ NO DATA prometheus'),
        'NO DATA in the header',
      );
      // The demo's failable components: 3 zones… counted by the core as 21 (none up).
      expect(headerOf(screen)).toContain('? 21 unknown');
      expect(headerOf(screen)).not.toMatch(/● [1-9]/);
      expect(screen).toMatch(/\? web-1 +250 unknown/);
      // S shows the error whole.
      pane.keys('S');
      const sources = await pane.waitForText('Live sources');
      expect(sources).toContain('NO DATA: never answered');
      expect(sources).toContain('HTTP 404');
    });

    it('a wrong bearer token behind a proxy that checks it: NO DATA, never up', async () => {
      const prometheus = await startPrometheus([]);
      daemons.push(prometheus);
      // Prometheus itself takes no bearer token: a proxy in front of it does, as in production.
      const proxy = await tokenProxy(prometheus.url, 'right-token');
      try {
        // 5 s: each poll has that long to answer (the cores are shared under test).
        pane = Pane.open(['fixtures/demo.yaml', '--prometheus', proxy.url, '--interval', '5s'], {
          ...small,
          env: {FAILSIGHT_PROMETHEUS_TOKEN: 'wrong-token'},
        });
        const screen = await pane.waitFor(
          (s) => headerOf(s).includes('✖ NO DATA prometheus'),
          'NO DATA in the header',
        );
        expect(headerOf(screen)).toContain('? 21 unknown');
        expect(screen).toContain('HTTP 401 (bad credentials?)');
        expect(screen).not.toContain('wrong-token');
      } finally {
        await new Promise((resolve) => proxy.server.close(resolve));
      }
    });

    it('killed mid-session: STALE at the next poll, what it watched unknown, never up', async () => {
      const web1 = await metricsServer();
      const web3 = await metricsServer();
      const prometheus = await startPrometheus([
        {
          job_name: 'vms',
          static_configs: [
            {targets: [web1.address], labels: {failsight_id: 'web-1'}},
            {targets: [web3.address], labels: {failsight_id: 'web-3'}},
          ],
        },
      ]);
      daemons.push(prometheus);
      pane = Pane.open(
        ['fixtures/demo.yaml', '--prometheus', prometheus.url, '--interval', '2s'],
        small,
      );
      // It watches web-1 and web-3, both up: 2 up, nothing else counted (until Prometheus has
      // scraped them, it watches nothing: 0 up, never 21).
      const up = await pane.waitFor((s) => headerOf(s).includes('● 2 up'), 'two up', 30_000);
      expect(headerOf(up)).not.toContain('unknown');
      await prometheus.stop();
      const stale = await pane.waitFor(
        (s) => headerOf(s).includes('✖ STALE prometheus'),
        'STALE in the header',
      );
      expect(headerOf(stale)).toContain('? 2 unknown');
      expect(headerOf(stale)).toContain('0 DOWN · 0 DEGRADED · 3 OK');
      expect(stale).toMatch(/\? web-1 +250 unknown/);
      await web1.stop();
      await web3.stop();
    });
  },
);

describe.skipIf(!runTmux)('the 80×24 header with CloudStack and probes', () => {
  it('a wrong CLOUDSTACK_SECRET: NO DATA cloudstack, its zones and VMs unknown', async () => {
    cloud = await FakeCloud.start();
    const dir = mkdtempSync(join(tmpdir(), 'failsight-e2e-header-'));
    const file = join(dir, 'cloud.yaml');
    const env = {
      CLOUDSTACK_ENDPOINT: cloud.endpoint,
      CLOUDSTACK_KEY: cloud.apiKey,
      CLOUDSTACK_SECRET: 'fake-secret-Zx9/+*',
    };
    expect(await run(['import', 'cloudstack', '--out', file], env)).toBe(0);
    // One VM stopped in the cloud: the dashboard cannot know it, and must not say it is up.
    cloud.vm('web-1')['state'] = 'Stopped';
    pane = Pane.open([file, '--cloudstack', '--interval', '5s'], {
      ...small,
      env: {...env, CLOUDSTACK_SECRET: 'wrong-secret'},
    });
    const screen = await pane.waitFor(
      (s) => headerOf(s).includes('✖ NO DATA cloudstack'),
      'NO DATA cloudstack in the header',
    );
    // Every zone and VM of the import is watched by the cloud source: all unknown, none up.
    expect(headerOf(screen)).toMatch(/\? \d+ unknown/);
    expect(headerOf(screen)).not.toMatch(/● [1-9]/);
    expect(screen).toMatch(/\? web-1 .*unknown/);
  });

  it('--probe at start: the probed components are unknown, not up, and the count is not cut', async () => {
    const server = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const {port} = server.address() as AddressInfo;
    try {
      const dir = mkdtempSync(join(tmpdir(), 'failsight-e2e-probe-'));
      const file = join(dir, 'probed.yaml');
      writeFileSync(file, probedDemo(`http://127.0.0.1:${port}/`));
      pane = Pane.open([file, '--probe'], small);
      // rise 2 at a 5 s interval: the first round leaves all 7 undecided.
      const first = await pane.waitFor((s) => headerOf(s).includes('unknown'), 'unknown count');
      expect(headerOf(first)).toContain('live ● 0 up ? 7 unknown');
      const decided = await pane.waitFor(
        (s) => headerOf(s).includes('● 7 up'),
        'seven up after two rounds',
        30_000,
      );
      expect(headerOf(decided)).not.toContain('unknown');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

/** The demo with a probe on each of its seven VMs (`- {id: web-1, …}`), all to one server. */
function probedDemo(address: string): string {
  const demo = readFileSync(join(root, 'fixtures', 'demo.yaml'), 'utf8');
  const probed = demo.replace(
    /^( {2}- \{id: (?:web-\d|db-\d|admin-1),.*)\}$/gm,
    (_line, head: string) => `${head}, probe: "${address}"}`,
  );
  expect(probed.match(/probe: /g)).toHaveLength(7);
  return probed;
}

/** A proxy that passes requests with the right bearer token on to `target`, else answers 401. */
async function tokenProxy(target: string, token: string): Promise<{url: string; server: Server}> {
  const server = createServer((req, res) => {
    if (req.headers.authorization !== `Bearer ${token}`) {
      res.writeHead(401).end('unauthorized');
      return;
    }
    void fetch(new URL(req.url ?? '/', target)).then(async (answer) => {
      res.writeHead(answer.status, {'content-type': 'application/json'});
      res.end(await answer.text());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {url: `http://127.0.0.1:${port}`, server};
}

function run(args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/cli.js', ...args], {
      cwd: root,
      env: {...process.env, ...env, NO_COLOR: '1'},
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? -1));
  });
}
