import {afterEach, describe, expect, it} from 'vitest';
import {CloudStackError, createClient} from '../../source/adapters/cloudstack/client.js';
import {endpointOf, getJson} from '../../source/adapters/poll.js';
import {hostileServer, json, type HostileServer} from '../support/hostile-server.js';

const servers: HostileServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

/** Another origin (same host, another port) that would answer anything, and the one redirecting to it. */
async function redirectingTo(path: string, status = 302) {
  const other = await hostileServer((_request, response) =>
    json(response, {listzonesresponse: {count: 1, zone: [{id: 'z', name: 'evil'}]}}),
  );
  const origin = await hostileServer((request, response) => {
    // A redirect within the origin first, then one away from it.
    if (request.url!.startsWith('/first'))
      return response.writeHead(status, {location: `${other.url}${path}`}).end();
    response.writeHead(status, {location: `/first${request.url}`}).end();
  });
  servers.push(other, origin);
  return {origin, other};
}

describe('credentials never leave their origin', () => {
  it('the CloudStack client refuses a redirect to another origin: nothing signed reaches it', async () => {
    const {origin, other} = await redirectingTo('/client/api', 307);
    const client = createClient(
      {endpoint: `${origin.url}/client/api`, key: 'key-abcdef', secret: 'secret-abcdef'},
      {backoffMs: 1, timeoutMs: 2_000},
    );
    const error = await client.list('listZones', 'zone').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudStackError);
    expect((error as CloudStackError).kind).toBe('redirect');
    expect((error as CloudStackError).message).toBe(
      `listZones: ${origin.url} redirected to another origin (${other.url}): refused, the request's credentials stay with ${origin.url}`,
    );
    // Followed within the origin once, refused at the second hop, not retried.
    expect(origin.requests).toHaveLength(2);
    expect(other.requests).toHaveLength(0);
  });

  it('the Prometheus and Alertmanager sources refuse it the same way', async () => {
    const {origin, other} = await redirectingTo('/api/v1/query');
    const endpoint = endpointOf(`http://ops:pw-123456@127.0.0.1:${origin.port}`, 'tok-123456');
    const error = await getJson(endpoint, 'api/v1/query?query=up', 2_000).catch(
      (e: Error) => e.message,
    );
    expect(error).toBe(
      `${origin.url} redirected to another origin (${other.url}): refused, the request's credentials stay with ${origin.url}`,
    );
    expect(other.requests).toHaveLength(0);
  });

  it('a redirect within the origin is followed, with the credentials', async () => {
    const origin = await hostileServer((request, response) => {
      if (request.url === '/moved/api/v1/query?query=up')
        return json(response, {auth: request.headers.authorization});
      response.writeHead(301, {location: `/moved${request.url}`}).end();
    });
    servers.push(origin);
    const answer = await getJson(
      endpointOf(origin.url, 'tok-123456'),
      'api/v1/query?query=up',
      2_000,
    );
    expect(answer).toEqual({auth: 'Bearer tok-123456'});
  });
});
