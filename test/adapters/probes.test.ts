import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import {createServer as createTcpServer} from 'node:net';
import type {AddressInfo} from 'node:net';
import {afterEach, describe, expect, it} from 'vitest';
import {probeOnce, runProbes, type ProbeResult} from '../../source/adapters/probes.js';
import {nextVerdict, unknownVerdict, type ProbeVerdict} from '../../source/core/probes.js';
import type {LiveUpdate, ObservedUpdate} from '../../source/core/live.js';
import {buildModel} from '../../source/core/build-model.js';
import type {Model} from '../../source/core/model.js';
import {topologySchema} from '../../source/core/schema.js';

const servers: Server[] = [];
const controllers: AbortController[] = [];
afterEach(() => {
  for (const controller of controllers.splice(0)) controller.abort();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
}

function modelWith(probes: Record<string, string>): Model {
  const topology = topologySchema.parse({
    version: 1,
    zones: [{id: 'KR-CA'}],
    accounts: [{id: 'acct'}],
    vms: Object.entries(probes).map(([id, probe]) => ({
      id,
      account: 'acct',
      zone: 'KR-CA',
      capacity: 1,
      probe,
    })),
  });
  const built = buildModel(topology);
  if (!built.ok) throw new Error('bad test topology');
  return built.model;
}

/** Reads snapshots until one satisfies `done`; returns it. */
async function until(
  updates: AsyncIterator<LiveUpdate>,
  done: (update: ObservedUpdate) => boolean,
): Promise<ObservedUpdate> {
  for (;;) {
    const {value, done: ended} = await updates.next();
    if (ended) throw new Error('stream ended');
    if (value.type === 'observed' && done(value)) return value;
  }
}

function start(model: Model, overrides = {}) {
  const controller = new AbortController();
  controllers.push(controller);
  return runProbes(() => model, controller.signal, {
    intervalS: 0.02,
    timeoutMs: 300,
    rise: 2,
    fall: 2,
    ...overrides,
  })[Symbol.asyncIterator]();
}

describe('rise and fall', () => {
  const settings = {rise: 2, fall: 3};
  const feed = (results: boolean[]) =>
    results.reduce<ProbeVerdict>(
      (verdict, ok) => nextVerdict(verdict, {ok, detail: ok ? 'ok' : 'HTTP 500'}, settings),
      unknownVerdict,
    );

  it('decides only after rise successes or fall failures in a row', () => {
    expect(feed([true]).state).toBe('unknown');
    expect(feed([true, true]).state).toBe('up');
    expect(feed([true, true, false, false]).state).toBe('up');
    expect(feed([true, true, false, false, false])).toEqual({
      state: 'down',
      streak: 0,
      reason: 'HTTP 500',
    });
    // Down, then one success and a failure: still down; two successes: up.
    expect(feed([false, false, false, true, false]).state).toBe('down');
    expect(feed([false, false, false, true, true]).state).toBe('up');
  });

  it('a flapping check never changes the state', () => {
    const flapping = Array.from({length: 40}, (_, i) => i % 2 === 0);
    expect(feed([true, true, ...flapping]).state).toBe('up');
    expect(feed([false, false, false, ...flapping]).state).toBe('down');
    expect(feed(flapping).state).toBe('unknown');
  });
});

describe('probeOnce against real servers', () => {
  it('http: 2xx and 3xx are up, 5xx is down, with the status as the reason', async () => {
    const ok = await serve((_req, res) => res.writeHead(204).end());
    const moved = await serve((_req, res) => res.writeHead(302, {location: '/elsewhere'}).end());
    const broken = await serve((_req, res) => res.writeHead(503).end('busy'));
    expect(await probeOnce(ok, 1000)).toEqual({ok: true, detail: 'HTTP 204'});
    expect(await probeOnce(moved, 1000)).toEqual({ok: true, detail: 'HTTP 302'});
    expect(await probeOnce(broken, 1000)).toEqual({ok: false, detail: 'HTTP 503'});
  });

  it('a server that accepts and never answers is cut off at the timeout', async () => {
    const hanging = await serve(() => undefined);
    const started = Date.now();
    const result = await probeOnce(hanging, 200);
    expect(result).toEqual({ok: false, detail: 'no answer within 200 ms'});
    // It returned because of the timeout, not because the server ended the request.
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('a slow server inside the timeout is up', async () => {
    const slow = await serve((_req, res) => {
      setTimeout(() => res.writeHead(200).end('ok'), 100);
    });
    expect(await probeOnce(slow, 2000)).toEqual({ok: true, detail: 'HTTP 200'});
  });

  it('tcp: a listening port is up, a closed one is down', async () => {
    const server = createTcpServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    expect(await probeOnce(`tcp://127.0.0.1:${port}`, 1000)).toEqual({
      ok: true,
      detail: 'connected',
    });
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(await probeOnce(`tcp://127.0.0.1:${port}`, 1000)).toEqual({
      ok: false,
      detail: 'ECONNREFUSED',
    });
  });
});

describe('runProbes', () => {
  it('a server that goes down turns its VM down after `fall` rounds, and up again after `rise`', async () => {
    let healthy = true;
    const address = await serve((_req, res) => res.writeHead(healthy ? 200 : 500).end());
    const updates = start(modelWith({'web-1': address}));
    const first = await until(updates, () => true);
    expect(first.unknown).toEqual(new Set(['web-1']));
    await until(updates, (u) => u.unknown?.size === 0 && u.observed.size === 0);
    healthy = false;
    const down = await until(updates, (u) => u.observed.has('web-1'));
    expect(down.observed.get('web-1')).toBe(`${address}: HTTP 500`);
    healthy = true;
    await until(updates, (u) => u.observed.size === 0 && u.unknown?.size === 0);
  });

  it('a hanging server does not hold up the others: both are decided in the same rounds', async () => {
    const hanging = await serve(() => undefined);
    const fine = await serve((_req, res) => res.writeHead(200).end());
    const updates = start(modelWith({'web-1': hanging, 'web-2': fine}), {timeoutMs: 150});
    const decided = await until(updates, (u) => u.unknown?.size === 0);
    expect(decided.observed).toEqual(new Map([['web-1', `${hanging}: no answer within 150 ms`]]));
  });

  it('never runs more probes at once than the concurrency allows', async () => {
    let running = 0;
    let most = 0;
    const release: Array<() => void> = [];
    const probe = (): Promise<ProbeResult> => {
      running++;
      most = Math.max(most, running);
      return new Promise((resolve) =>
        release.push(() => {
          running--;
          resolve({ok: true, detail: 'ok'});
        }),
      );
    };
    const model = modelWith(
      Object.fromEntries(
        Array.from({length: 10}, (_, i) => [`vm-${i}`, `tcp://127.0.0.1:${i + 1}`]),
      ),
    );
    const controller = new AbortController();
    controllers.push(controller);
    const updates = runProbes(
      () => model,
      controller.signal,
      {intervalS: 0.01, concurrency: 3, rise: 1},
      probe,
    )[Symbol.asyncIterator]();
    const pending = until(updates, () => true);
    let released = 0;
    while (released < 10) {
      await new Promise((resolve) => setImmediate(resolve));
      const next = release.shift();
      if (next) {
        next();
        released++;
      }
    }
    expect((await pending).unknown).toEqual(new Set());
    expect(most).toBe(3);
  });
});

describe('many rounds', () => {
  it('leave no abort listener behind: as many after 40 rounds as after 2', async () => {
    const {EventEmitter} = await import('node:events');
    const model = modelWith({'vm-1': 'tcp://127.0.0.1:1'});
    const controller = new AbortController();
    controllers.push(controller);
    const probe = async (): Promise<ProbeResult> => ({ok: true, detail: 'ok'});
    const updates = runProbes(() => model, controller.signal, {intervalS: 0.001, rise: 1}, probe)[
      Symbol.asyncIterator
    ]();
    const listenersAfter = async (rounds: number) => {
      for (let seen = 0; seen < rounds;)
        if ((await updates.next()).value?.type === 'observed') seen++;
      return EventEmitter.getEventListeners(controller.signal, 'abort').length;
    };
    const early = await listenersAfter(2);
    // Before the fix: one more listener a round, 38 more here (and Node's warning past 10).
    expect(await listenersAfter(38)).toBe(early);
  });
});
