import {describe, expect, it} from 'vitest';
import {
  credentialsFrom,
  keyFlagIn,
  sourceName,
} from '../../../source/adapters/cloudstack/credentials.js';
import {
  isKtEndpoint,
  ktLoadBalancerEndpoint,
} from '../../../source/adapters/cloudstack/inventory.js';

const env = {
  CLOUDSTACK_ENDPOINT: 'https://api.example/client/api',
  CLOUDSTACK_KEY: 'k',
  CLOUDSTACK_SECRET: 's',
};

describe('credentials', () => {
  it('come from the environment; --endpoint overrides only the endpoint', () => {
    expect(credentialsFrom(env)).toEqual({
      ok: true,
      credentials: {endpoint: 'https://api.example/client/api', key: 'k', secret: 's'},
    });
    expect(credentialsFrom(env, 'http://other/client/api')).toMatchObject({
      ok: true,
      credentials: {endpoint: 'http://other/client/api', key: 'k'},
    });
  });

  it('name every missing variable, and never the values of those set', () => {
    expect(credentialsFrom({CLOUDSTACK_SECRET: 'hidden-1'})).toEqual({
      ok: false,
      message:
        'set CLOUDSTACK_ENDPOINT (or --endpoint URL), CLOUDSTACK_KEY in the environment: the API key and secret are read from there only',
    });
  });

  it.each([
    ['not a url', 'the endpoint is not a URL'],
    ['ftp://host/client/api', 'must be an http:// or https:// URL'],
    ['https://host/client/api?apiKey=x', 'must not carry a query'],
  ])('refuse the endpoint %j', (endpoint, message) => {
    const found = credentialsFrom({...env, CLOUDSTACK_ENDPOINT: endpoint});
    expect(found.ok).toBe(false);
    if (!found.ok) expect(found.message).toContain(message);
  });

  it('are never taken from argv: key flags are spotted by name', () => {
    expect(keyFlagIn(['import', 'cloudstack', '--SECRET=x'])).toBe('--secret');
    expect(keyFlagIn(['--api-key', 'x'])).toBe('--api-key');
    expect(
      keyFlagIn(['import', 'cloudstack', '--endpoint', 'https://h/client/api']),
    ).toBeUndefined();
  });

  it('show the endpoint without user, password or query', () => {
    expect(sourceName('https://user:pw@api.example:8443/client/api')).toBe(
      'https://api.example:8443/client/api',
    );
  });
});

describe("KT Cloud's endpoints", () => {
  it("recognise KT Cloud's API host and put the load balancer API beside the server API", () => {
    const server = 'https://api.ucloudbiz.olleh.com/server/v1/client/api';
    expect(isKtEndpoint(server)).toBe(true);
    expect(isKtEndpoint('https://cloud.example/client/api')).toBe(false);
    expect(ktLoadBalancerEndpoint(server)).toBe(
      'https://api.ucloudbiz.olleh.com/loadbalancer/v1/client/api',
    );
    expect(ktLoadBalancerEndpoint('https://api.ucloudbiz.olleh.com/server/v2/client/api')).toBe(
      'https://api.ucloudbiz.olleh.com/loadbalancer/v2/client/api',
    );
  });
});
