import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterEach, describe, expect, it} from 'vitest';
import {merge} from '../../source/adapters/channel.js';
import {endpointOf, getJson, pollSource} from '../../source/adapters/poll.js';
import {instanceOf} from '../../source/core/monitoring.js';
import {freePort} from '../support/monitoring.js';

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A server that answers only the given Authorization header, and records what it saw. */
async function guarded(expected: string) {
  const seen: Array<string | undefined> = [];
  const server = createServer((req, res) => {
    seen.push(req.headers.authorization);
    if (req.headers.authorization !== expected) return res.writeHead(401).end();
    res.writeHead(200, {'content-type': 'application/json'}).end('{"status":"success"}');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {port: (server.address() as AddressInfo).port, seen};
}

describe('polling endpoints', () => {
  it('basic auth from the URL goes into a header, never into a message', async () => {
    const {port, seen} = await guarded(`Basic ${Buffer.from('ops:s3cr%t').toString('base64')}`);
    const endpoint = endpointOf(`http://ops:s3cr%25t@127.0.0.1:${port}/prom`);
    expect(endpoint.base.href).toBe(`http://127.0.0.1:${port}/prom/`);
    expect(await getJson(endpoint, 'api/v1/query?query=up', 1000)).toEqual({status: 'success'});
    expect(seen).toHaveLength(1);
    const wrong = endpointOf(`http://ops:wrong-pass@127.0.0.1:${port}/`);
    const error = await getJson(wrong, 'api/v1/query', 1000).catch((e: Error) => e);
    expect(String(error)).toBe(
      `Error: http://127.0.0.1:${port}/api/v1/query: HTTP 401 (bad credentials?)`,
    );
  });

  it('a bearer token is sent and scrubbed from any message', async () => {
    const {port} = await guarded('Bearer tok-123');
    expect(await getJson(endpointOf(`http://127.0.0.1:${port}`, 'tok-123'), 'x', 1000)).toEqual({
      status: 'success',
    });
    const closed = await freePort();
    const refused = await getJson(
      endpointOf(`http://127.0.0.1:${closed}`, 'tok-123'),
      'x',
      1000,
    ).catch((e: Error) => e.message);
    expect(refused).toBe(`http://127.0.0.1:${closed}/x: ECONNREFUSED`);
  });

  it('sources are independent: one that never answers delays no other', async () => {
    const controller = new AbortController();
    const slow = pollSource('prometheus', 10, controller.signal, () => new Promise(() => {}));
    let polls = 0;
    const fast = pollSource('alertmanager', 10, controller.signal, async () => {
      polls++;
      return {observed: new Map([['web-1', `poll ${polls}`]])};
    });
    const updates = merge([slow, fast], controller.signal)[Symbol.asyncIterator]();
    const seen: string[] = [];
    while (seen.length < 3) {
      const {value} = await updates.next();
      if (value?.type === 'observed') seen.push(`${value.source} ${value.observed.get('web-1')}`);
    }
    expect(seen).toEqual(['alertmanager poll 1', 'alertmanager poll 2', 'alertmanager poll 3']);
    controller.abort();
  });

  it('quitting ends a request in flight at once, not at its timeout', async () => {
    const hanging = createServer(() => undefined);
    servers.push(hanging);
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const port = (hanging.address() as AddressInfo).port;
    const controller = new AbortController();
    const request = getJson(
      endpointOf(`http://127.0.0.1:${port}`),
      'x',
      3_600_000,
      controller.signal,
    );
    controller.abort();
    await expect(request).rejects.toThrow(`http://127.0.0.1:${port}/x: `);
    hanging.closeAllConnections();
  });

  it('a probe address names the instance Prometheus writes', () => {
    expect(instanceOf('http://127.0.0.1:8081/healthz')).toBe('127.0.0.1:8081');
    expect(instanceOf('https://web.example/healthz')).toBe('web.example:443');
    expect(instanceOf('tcp://10.0.0.5:443')).toBe('10.0.0.5:443');
  });
});
