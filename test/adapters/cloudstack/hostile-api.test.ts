import {afterEach, describe, expect, it} from 'vitest';
import {
  CloudStackError,
  createClient,
  maxItems,
} from '../../../source/adapters/cloudstack/client.js';
import {runImport} from '../../../source/commands/cloudstack/import.js';
import {hostileServer, json, type HostileServer} from '../../support/hostile-server.js';
import {waitFor} from '../../support/monitoring.js';

let server: HostileServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const clientOf = (url: string, options = {}) =>
  createClient(
    {endpoint: `${url}/client/api`, key: 'key-abcdef', secret: 'secret-abcdef'},
    {backoffMs: 1, timeoutMs: 2_000, ...options},
  );

const pageOf = (url: string) => Number(new URL(url, 'http://x').searchParams.get('page'));

async function failure(promise: Promise<unknown>): Promise<CloudStackError> {
  const error = await promise.catch((e: unknown) => e);
  if (error instanceof CloudStackError) return error;
  throw new Error(`expected a CloudStackError, got ${String(error)}`);
}

describe('a CloudStack API that pages without end or answers too much', () => {
  it('one page of 10^6 VMs is refused at the stated ceiling, without a stack overflow', async () => {
    const vms = Array.from({length: 1_000_000}, (_, i) => ({id: `v${i}`}));
    const body = JSON.stringify({
      listvirtualmachinesresponse: {count: vms.length, virtualmachine: vms},
    });
    server = await hostileServer((_request, response) =>
      response.writeHead(200, {'content-type': 'application/json'}).end(body),
    );
    const error = await failure(
      clientOf(server.url, {timeoutMs: 120_000}).list('listVirtualMachines', 'virtualmachine'),
    );
    expect(error.kind).toBe('limit');
    expect(error.message).toBe(
      `listVirtualMachines: more than ${maxItems} items; import fewer at a time (--zone Z)`,
    );
  });

  it('count 1e9 with new items on every page: paging stops at the ceiling', async () => {
    server = await hostileServer((request, response) => {
      const page = pageOf(request.url!);
      const zone = Array.from({length: 10_000}, (_, i) => ({id: `z${page}-${i}`}));
      json(response, {listzonesresponse: {count: 1e9, zone}});
    });
    const error = await failure(clientOf(server.url, {pageSize: 10_000}).list('listZones', 'zone'));
    expect(error.kind).toBe('limit');
    // 200,000 items at 10,000 a page: pages 1–20 are taken, page 21 would pass the ceiling.
    expect(server.requests).toHaveLength(maxItems / 10_000 + 1);
  });

  it('a server that answers the same page whatever is asked: paging stops at the repeat', async () => {
    server = await hostileServer((_request, response) =>
      json(response, {listzonesresponse: {count: 1e9, zone: [{id: 'a'}, {id: 'b'}]}}),
    );
    const zones = await clientOf(server.url).list('listZones', 'zone');
    expect(zones).toEqual([{id: 'a'}, {id: 'b'}]);
    // Page 1 brought a and b; page 2 nothing new.
    expect(server.requests).toHaveLength(2);
  });

  it('a count that is not a number is an error, not endless paging', async () => {
    server = await hostileServer((_request, response) =>
      json(response, {listzonesresponse: {count: 'lots', zone: [{id: 'a'}]}}),
    );
    const error = await failure(clientOf(server.url).list('listZones', 'zone'));
    expect(error.message).toBe('listZones: "count" is not a number of items ("lots")');
    expect(server.requests).toHaveLength(1);
  });
});

describe('an import has one deadline', () => {
  it('a slow-loris API: once the import has failed, no request of it is queued or left open', async () => {
    const open = new Set<object>();
    server = await hostileServer((request) => {
      // Never answers; remembers the request until its client goes away.
      open.add(request);
      request.socket.on('close', () => open.delete(request));
    });
    const err: string[] = [];
    const code = await runImport(
      {
        zones: [],
        kt: false,
        env: {
          CLOUDSTACK_ENDPOINT: `${server.url}/client/api`,
          CLOUDSTACK_KEY: 'key-abcdef',
          CLOUDSTACK_SECRET: 'secret-abcdef',
        },
        client: {timeoutMs: 300, backoffMs: 1, retries: 1},
      },
      {stdout: () => undefined, stderr: (text) => err.push(text)},
    );
    expect(code).toBe(2);
    expect(err.join('')).toMatch(
      /no answer within 0\.3 s from http:\/\/127\.0\.0\.1:\d+\/client\/api/,
    );
    const asked = server.requests.length;
    // Five lists at four at a time: the fifth waited for a slot. Today it then ran its own
    // timeout after the import had already failed; now it is never sent.
    await waitFor(() => (open.size === 0 ? true : undefined));
    expect(server.requests.length).toBe(asked);
    expect(asked).toBe(4);
  });

  it('the deadline of the whole import is said as such', async () => {
    server = await hostileServer(() => undefined);
    const error = await failure(
      clientOf(server.url, {timeoutMs: 60_000, deadlineMs: 300}).list('listZones', 'zone'),
    );
    expect(error.message).toMatch(
      /^listZones: no complete answer from http:\/\/127\.0\.0\.1:\d+\/client\/api\?.* within the 0\.3 s given to the whole import$/,
    );
  });
});

describe('API fields out of shape', () => {
  it('a VM without zoneid is not placed in a zone without id; CPU counts out of range count as 1, said', async () => {
    const {FakeCloud, sampleCloud} = await import('./fake-cloud.js');
    const state = sampleCloud();
    state.zones.push({name: 'nameless', allocationstate: 'Enabled'});
    const [web1, web2, web3, web4] = state.vms;
    delete web1!['zoneid'];
    web2!['cpunumber'] = 1e300;
    web3!['cpunumber'] = 'abc';
    web4!['cpunumber'] = -5;
    const fake = await FakeCloud.start({state});
    const out: string[] = [];
    const err: string[] = [];
    try {
      const code = await runImport(
        {
          zones: [],
          kt: false,
          env: {
            CLOUDSTACK_ENDPOINT: fake.endpoint,
            CLOUDSTACK_KEY: fake.apiKey,
            CLOUDSTACK_SECRET: 'fake-secret-Zx9/+*',
          },
          client: {backoffMs: 1, timeoutMs: 10_000},
        },
        {stdout: (text) => out.push(text), stderr: (text) => err.push(text)},
      );
      expect(code).toBe(0);
    } finally {
      await fake.close();
    }
    const said = err.join('');
    expect(said).toContain('note: 1 zone(s) without an id skipped');
    for (const [name, raw] of [
      ['web-2', '1e+300'],
      ['web-3', '"abc"'],
      ['web-4', '-5'],
    ])
      expect(said).toContain(
        `note: VM ${name}: cpunumber ${raw} is not a CPU count from 1 to 4096: counted as 1`,
      );
    const yaml = out.join('');
    // web-1 has no zone: it is in none, not in the nameless one.
    expect(yaml).not.toContain('web-1');
    expect(yaml).not.toContain('nameless');
    expect(yaml).toMatch(/- id: web-2\n(?: {4}.*\n)*? {4}capacity: 1\n/);
    // 4 imported VMs: web-2, web-3, web-4 at 1, batch-1 at its 8.
    expect(said).toContain('4 VMs');
  });
});
