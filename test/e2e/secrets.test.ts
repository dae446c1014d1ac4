import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {execFile} from 'node:child_process';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {hasTmux, Pane} from './tmux.js';
import {binary, environment} from './run.js';
import {hostileServer, json, leaks, type HostileServer} from '../support/hostile-server.js';

/**
 * Servers that echo back whatever identifies the caller, and a scan of everything failsight
 * showed or wrote (screen, stderr, journal) for every credential the test gave it.
 */
let dir = '';
let pane: Pane | undefined;
let server: HostileServer | undefined;
const captured: string[] = [];
const credentials = [
  'hunter2-pass',
  'ops:hunter2-pass',
  'tok-Zq81-secret',
  'ck-KEY-1234',
  'ck-SECRET-5678',
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'failsight-secrets-'));
});
afterEach(async () => {
  pane?.close();
  pane = undefined;
  await server?.close();
  server = undefined;
});
afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
  // Every capture of this file, every credential, every form.
  expect(captured.length).toBeGreaterThan(0);
  expect(leaks(captured, credentials)).toEqual([]);
});

/** Echoes the Authorization header, the whole query (a signature among it) and the URL. */
const echo = () =>
  hostileServer((request, response) => {
    const said = `${request.headers.authorization} ${request.url} ${decodeURIComponent(request.url!)} ${new URLSearchParams(request.url!.split('?')[1]).get('signature')}`;
    if (request.url!.startsWith('/client/api'))
      return json(
        response,
        {errorresponse: {errorcode: 530, errortext: `bad request: ${said}`}},
        530,
      );
    json(response, {status: 'error', error: `unauthorized: ${said}`});
  });

describe.skipIf(!hasTmux && !process.env['CI'])('no credential shown or written', () => {
  it('the dashboard with echoing Prometheus: screen, stderr and journal hold no secret', async () => {
    server = await echo();
    const journal = join(dir, 'audit.jsonl');
    pane = Pane.open(
      [
        'fixtures/demo.yaml',
        '--prometheus',
        `http://ops:hunter2-pass@127.0.0.1:${server.port}`,
        '--interval',
        '1s',
        '--audit',
        journal,
      ],
      {columns: 160, rows: 30, env: {FAILSIGHT_PROMETHEUS_TOKEN: 'tok-Zq81-secret'}},
    );
    const screen = await pane.waitForText('query failed: unauthorized: Bearer ***');
    captured.push(screen);
    pane.keys('x');
    captured.push(await pane.waitForText('DOWN'));
    pane.keys('q');
    await pane.exited();
    // What was held back from stderr while the screen was up is printed after it.
    captured.push(pane.screen(), await readFile(journal, 'utf8'));
    expect(server.requests.length).toBeGreaterThan(0);
  });

  it('an import whose API echoes the signed request: stderr holds no key, secret or signature', async () => {
    server = await echo();
    const result = await new Promise<{code: number | null; stdout: string; stderr: string}>(
      (resolve) => {
        execFile(
          process.execPath,
          [binary, 'import', 'cloudstack'],
          {
            env: {
              ...environment(),
              CLOUDSTACK_ENDPOINT: `${server!.url}/client/api`,
              CLOUDSTACK_KEY: 'ck-KEY-1234',
              CLOUDSTACK_SECRET: 'ck-SECRET-5678',
            },
          },
          (error, stdout, stderr) =>
            resolve({code: error ? (error.code as number) : 0, stdout, stderr}),
        );
      },
    );
    captured.push(result.stdout, result.stderr);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the API answered 530: bad request: undefined /client/api?');
    const signatures = server.requests.map((request) =>
      new URLSearchParams(request.url!.split('?')[1]).get('signature')!,
    );
    expect(signatures.length).toBeGreaterThan(0);
    expect(leaks([result.stderr], signatures)).toEqual([]);
  });
});
