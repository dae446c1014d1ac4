import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterEach, describe, expect, it} from 'vitest';
import {endpointOf, getJson} from '../../source/adapters/poll.js';
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

  it('a probe address names the instance Prometheus writes', () => {
    expect(instanceOf('http://127.0.0.1:8081/healthz')).toBe('127.0.0.1:8081');
    expect(instanceOf('https://web.example/healthz')).toBe('web.example:443');
    expect(instanceOf('tcp://10.0.0.5:443')).toBe('10.0.0.5:443');
  });
});
