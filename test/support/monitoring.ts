import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import {createServer as createTcpServer, type AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

/** Debian names the Alertmanager binary prometheus-alertmanager; upstream names it alertmanager. */
export const prometheusBinary = 'prometheus';
export const alertmanagerBinary =
  spawnSync('prometheus-alertmanager', ['--version']).status === 0
    ? 'prometheus-alertmanager'
    : 'alertmanager';
const has = (binary: string) => spawnSync(binary, ['--version']).status === 0;
/** Under CI these tests must run: a missing binary then fails them instead of skipping. */
export const runMonitoringTests =
  Boolean(process.env['CI']) || (has(prometheusBinary) && has(alertmanagerBinary));

export async function freePort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Polls `check` until it gives a value; a condition, not a fixed sleep. */
export async function waitFor<T>(check: () => Promise<T | undefined> | T | undefined): Promise<T> {
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function ready(url: string): Promise<true | undefined> {
  try {
    const response = await fetch(url);
    await response.body?.cancel();
    return response.ok ? true : undefined;
  } catch {
    return undefined;
  }
}

export interface Running {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

async function startDaemon(binary: string, args: string[], url: string): Promise<Running> {
  const child = spawn(binary, args, {stdio: ['ignore', 'pipe', 'pipe']});
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const failed = new Promise<never>((_resolve, reject) => {
    child.once('error', reject);
    void exited.then(() => reject(new Error(`${binary} exited:\n${output}`)));
  });
  await Promise.race([waitFor(() => ready(`${url}/-/ready`)), failed]);
  failed.catch(() => undefined);
  return {
    url,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Prometheus on 127.0.0.1 with its own port, storage and config, scraping every 250 ms. */
export async function startPrometheus(scrapeConfigs: object[]): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), 'failsight-prom-'));
  const port = await freePort();
  const config = {
    global: {scrape_interval: '250ms', scrape_timeout: '200ms', evaluation_interval: '1s'},
    scrape_configs: scrapeConfigs,
  };
  writeFileSync(join(dir, 'prometheus.yml'), JSON.stringify(config));
  return startDaemon(
    prometheusBinary,
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      '--log.level=warn',
    ],
    `http://127.0.0.1:${port}`,
  );
}

/** Alertmanager on 127.0.0.1 with its own port and storage, clustering off. */
export async function startAlertmanager(): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), 'failsight-am-'));
  const port = await freePort();
  const config = {route: {receiver: 'nobody', group_wait: '0s'}, receivers: [{name: 'nobody'}]};
  writeFileSync(join(dir, 'alertmanager.yml'), JSON.stringify(config));
  return startDaemon(
    alertmanagerBinary,
    [
      `--config.file=${join(dir, 'alertmanager.yml')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
      `--storage.path=${join(dir, 'data')}`,
      '--log.level=warn',
    ],
    `http://127.0.0.1:${port}`,
  );
}

/** An HTTP server a test controls: it serves metrics until stopped. */
export async function metricsServer(): Promise<{address: string; stop: () => Promise<void>}> {
  const server: Server = createServer((_req, res) =>
    res.writeHead(200, {'content-type': 'text/plain'}).end('# TYPE demo gauge\ndemo 1\n'),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
