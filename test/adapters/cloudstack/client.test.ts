import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {CloudStackError, createClient} from '../../../source/adapters/cloudstack/client.js';
import {redactUrl} from '../../../source/core/redact.js';
import {FakeCloud} from './fake-cloud.js';

let cloud: FakeCloud | undefined;
afterEach(async () => {
  await cloud?.close();
  cloud = undefined;
});

async function started(options: Parameters<typeof FakeCloud.start>[0] = {}) {
  cloud = await FakeCloud.start(options);
  return cloud;
}

const clientFor = (fake: FakeCloud, options = {}, secret = 'fake-secret-Zx9/+*') =>
  createClient(
    {endpoint: fake.endpoint, key: fake.apiKey, secret},
    {backoffMs: 1, timeoutMs: 5_000, ...options},
  );

async function failure(promise: Promise<unknown>): Promise<CloudStackError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CloudStackError) return error;
    throw error;
  }
  throw new Error('expected a CloudStackError');
}

describe('CloudStack client against a fake cloud', () => {
  it('signs every request and pages until count is reached', async () => {
    const fake = await started();
    const vms = await clientFor(fake).list('listVirtualMachines', 'virtualmachine', {
      listall: 'true',
    });
    expect(vms.map((vm) => vm['name'])).toEqual(['web-1', 'web-2', 'web-3', 'web-4', 'batch-1']);
    // 5 VMs at 2 a page: pages 1, 2 and 3, every one signed, every one asking for JSON.
    const pages = fake.requests.filter((r) => r.command === 'listVirtualMachines');
    expect(pages.map((r) => r.params['page'])).toEqual(['1', '2', '3']);
    expect(pages.every((r) => r.params['response'] === 'json')).toBe(true);
    expect(fake.allSigned()).toBe(true);
  });

  it('says plainly when the key or secret is wrong (401), without printing either', async () => {
    const fake = await started();
    const error = await failure(clientFor(fake, {}, 'wrong-secret-5555').list('listZones', 'zone'));
    expect(error.kind).toBe('credentials');
    expect(error.message).toContain('refused the key or secret (401');
    expect(error.message).toContain('CLOUDSTACK_SECRET');
    expect(error.message).not.toContain('wrong-secret-5555');
    expect(error.message).not.toContain(fake.apiKey);
    // 401 is not retried.
    expect(fake.requests).toHaveLength(1);
  });

  it('names 432 (not allowed) and 431 (parameter) apart', async () => {
    const fake = await started();
    fake.forbidden.add('listRouters');
    expect((await failure(clientFor(fake).list('listRouters', 'router'))).kind).toBe('forbidden');
    const bad = await failure(
      clientFor(fake).list('listLoadBalancerRuleInstances', 'x', {id: 'no-such-rule'}),
    );
    expect(bad.kind).toBe('parameter');
    expect(bad.message).toContain('431');
  });

  it('retries 5xx and broken connections with backoff, then succeeds', async () => {
    const fake = await started();
    fake.injected.push({command: 'listZones', status: 503, times: 2});
    fake.injected.push({command: 'listAccounts', hangUp: true, times: 1});
    const client = clientFor(fake, {retries: 3});
    expect(await client.list('listZones', 'zone')).toHaveLength(2);
    expect(await client.list('listAccounts', 'account')).toHaveLength(1);
    expect(fake.requests.filter((r) => r.command === 'listZones')).toHaveLength(3);
    expect(fake.requests.filter((r) => r.command === 'listAccounts')).toHaveLength(2);
  });

  it('gives up after its retries on a server that keeps failing', async () => {
    const fake = await started();
    fake.injected.push({command: 'listZones', status: 500});
    const error = await failure(clientFor(fake, {retries: 2}).list('listZones', 'zone'));
    expect(error.kind).toBe('http');
    expect(fake.requests).toHaveLength(3);
  });

  it('times out a request that gets no answer, and does not retry it', async () => {
    const fake = await started();
    fake.injected.push({command: 'listZones', delayMs: 2_000});
    const error = await failure(clientFor(fake, {timeoutMs: 100}).list('listZones', 'zone'));
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain('no answer within 0.1 s');
    expect(fake.requests).toHaveLength(1);
  });

  it('recognises an HTML page where the API should be', async () => {
    const fake = await started();
    fake.injected.push({html: true});
    const error = await failure(clientFor(fake).list('listZones', 'zone'));
    expect(error.kind).toBe('html');
    expect(error.message).toContain('HTML page');
    expect(error.message).toContain('?apiKey=***&command=listZones');
    expect(error.message).toContain('&signature=*** answered');
    expect(error.message).not.toContain(fake.apiKey);
  });

  it('reports a connection refused as such', async () => {
    const fake = await started();
    await fake.close();
    const error = await failure(clientFor(fake, {retries: 1}).list('listZones', 'zone'));
    expect(error.kind).toBe('connection');
    expect(error.message).toMatch(
      /cannot reach http:\/\/127\.0\.0\.1:\d+\/server\/v1\/client\/api/,
    );
    expect(error.message).toMatch(/signature=\*\*\*: connect ECONNREFUSED .* \(ECONNREFUSED\)$/);
    expect(error.message).not.toContain(fake.apiKey);
    cloud = undefined;
  });

  it('reports a certificate it cannot trust as a TLS error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'failsight-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      {stdio: 'ignore'},
    );
    const fake = await started({
      tls: {
        key: readFileSync(join(dir, 'key.pem'), 'utf8'),
        cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
      },
    });
    const error = await failure(clientFor(fake).list('listZones', 'zone'));
    expect(error.kind).toBe('tls');
    expect(error.message).toContain('TLS error');
    expect(fake.requests).toHaveLength(0);
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    const fake = await started();
    fake.injected.push({delayMs: 30});
    const client = clientFor(fake, {concurrency: 2});
    let inFlight = 0;
    let most = 0;
    const original = globalThis.fetch;
    globalThis.fetch = (async (...args: Parameters<typeof fetch>) => {
      most = Math.max(most, ++inFlight);
      try {
        return await original(...args);
      } finally {
        inFlight--;
      }
    }) as typeof fetch;
    try {
      await Promise.all(Array.from({length: 6}, () => client.call('listZones')));
    } finally {
      globalThis.fetch = original;
    }
    expect(most).toBe(2);
  });

  it('shows the API’s error text as data: one line, controls escaped', async () => {
    const fake = await started();
    fake.injected.push({
      command: 'listZones',
      status: 431,
      errortext: 'bad\u001b[2J value\nfor page',
    });
    const error = await failure(clientFor(fake).list('listZones', 'zone'));
    expect(error.message).toBe(
      'listZones: the API refused a parameter (431: bad\\e[2J value for page)',
    );
  });

  it('redacts apiKey and signature from URLs in messages', () => {
    expect(redactUrl('https://h/client/api?apiKey=AAA&command=listZones&signature=x%2By')).toBe(
      'https://h/client/api?apiKey=***&command=listZones&signature=***',
    );
    expect(redactUrl('https://u:pw@h/client/api?apiKey=A')).toBe('https://h/client/api?apiKey=***');
    // Redacting twice changes nothing, and the text after the URL stays.
    expect(redactUrl(redactUrl('GET h?apiKey=A-b_c&signature=d%2B/e=: refused'))).toBe(
      'GET h?apiKey=***&signature=***: refused',
    );
  });
});
