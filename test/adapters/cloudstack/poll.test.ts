import {afterEach, describe, expect, it} from 'vitest';
import type {LiveUpdate} from '../../../source/core/live.js';
import {parseTopology} from '../../../source/core/load.js';
import type {Model} from '../../../source/core/model.js';
import {createClient} from '../../../source/adapters/cloudstack/client.js';
import {followCloudStack} from '../../../source/adapters/cloudstack/poll.js';
import {runImport} from '../../../source/commands/cloudstack/import.js';
import {FakeCloud} from './fake-cloud.js';

let cloud: FakeCloud | undefined;
const stop = new AbortController();
afterEach(async () => {
  await cloud?.close();
  cloud = undefined;
});

const secret = 'fake-secret-Zx9/+*';

async function importedModel(fake: FakeCloud): Promise<Model> {
  let text = '';
  const env = {
    CLOUDSTACK_ENDPOINT: fake.endpoint,
    CLOUDSTACK_KEY: fake.apiKey,
    CLOUDSTACK_SECRET: secret,
  };
  await runImport(
    {zones: [], kt: false, env},
    {stdout: (t) => (text += t), stderr: () => undefined},
  );
  const loaded = parseTopology(text, 'cloud.yaml');
  if (!loaded.ok) throw new Error('import did not load');
  return loaded.model;
}

/** Reads updates until one satisfies `done`. */
async function until(
  updates: AsyncIterator<LiveUpdate>,
  done: (update: LiveUpdate) => boolean,
): Promise<LiveUpdate> {
  for (;;) {
    const next = await updates.next();
    if (next.done) throw new Error('the source ended');
    if (done(next.value)) return next.value;
  }
}

const snapshot = (update: LiveUpdate) =>
  update.type === 'observed' && 'source' in update
    ? {observed: Object.fromEntries(update.observed), unknown: [...(update.unknown ?? [])]}
    : undefined;

describe('following a CloudStack cloud', () => {
  it('reports stopped, erroring and missing VMs, stopped routers and disabled zones down, with the API’s reason', async () => {
    cloud = await FakeCloud.start();
    const model = await importedModel(cloud);
    const client = createClient(
      {endpoint: cloud.endpoint, key: cloud.apiKey, secret},
      {backoffMs: 1},
    );
    const signal = new AbortController();
    const updates = followCloudStack(
      client,
      () => model,
      0.05,
      signal.signal,
      () => 1234,
    )[Symbol.asyncIterator]();

    const first = await until(updates, (u) => u.type === 'observed');
    expect(snapshot(first)).toEqual({observed: {}, unknown: []});
    expect(first).toMatchObject({source: 'cloudstack', at: 1234});
    // Every zone and VM the cloud lists is watched: up unless it says otherwise.
    const watched = (u: LiveUpdate) =>
      u.type === 'observed' ? (u.watched ?? new Set()) : new Set();
    for (const id of [...model.zones, ...model.vms].map((c) => c.id))
      expect(watched(first).has(id), id).toBe(true);

    cloud.vm('web-1')['state'] = 'Stopped';
    cloud.vm('web-3')['state'] = 'Starting';
    cloud.state.vms = cloud.state.vms.filter((vm) => vm['name'] !== 'web-4');
    cloud.state.routers[0]!['state'] = 'Stopped';
    const down = await until(updates, (u) => Object.keys(snapshot(u)?.observed ?? {}).length === 3);
    expect(snapshot(down)).toEqual({
      observed: {
        'web-1': 'VM Stopped',
        'web-4': 'VM missing from listVirtualMachines',
        'shop/KR-CA': 'router Stopped',
      },
      unknown: ['web-3'],
    });
    // A VM the cloud no longer lists stays watched, and observed down: down, never up.
    expect(watched(down).has('web-4')).toBe(true);
    expect(snapshot(down)?.observed['web-4']).toBe('VM missing from listVirtualMachines');

    cloud.state.zones[1]!['allocationstate'] = 'Disabled';
    const zone = await until(updates, (u) => 'KR-CB' in (snapshot(u)?.observed ?? {}));
    expect(snapshot(zone)?.observed['KR-CB']).toBe('zone disabled (allocationstate Disabled)');

    // Back to Running: up again.
    cloud.vm('web-1')['state'] = 'Running';
    cloud.state.routers[0]!['state'] = 'Running';
    cloud.state.zones[1]!['allocationstate'] = 'Enabled';
    const up = await until(
      updates,
      (u) => snapshot(u)?.observed['web-1'] === undefined && u.type === 'observed',
    );
    expect(Object.keys(snapshot(up)!.observed)).toEqual(['web-4']);
    signal.abort();
    expect(cloud.allSigned()).toBe(true);
  });

  it('reports a failed poll as a source error and sends no snapshot for it', async () => {
    cloud = await FakeCloud.start();
    const model = await importedModel(cloud);
    const client = createClient(
      {endpoint: cloud.endpoint, key: cloud.apiKey, secret},
      {backoffMs: 1, retries: 0},
    );
    const updates = followCloudStack(client, () => model, 0.05, stop.signal)[
      Symbol.asyncIterator
    ]();
    cloud.vm('web-2')['state'] = 'Error';
    expect(snapshot(await until(updates, (u) => u.type === 'observed'))!.observed).toEqual({
      'web-2': 'VM Error',
    });
    cloud.injected.push({status: 503, times: 3});
    const failed = await until(updates, (u) => u.type !== 'observed');
    expect(failed).toMatchObject({type: 'sourceError', source: 'cloudstack'});
    expect((failed as {message: string}).message).toContain('503');
    // The next good poll says the same as before the failure.
    expect(snapshot(await until(updates, (u) => u.type === 'observed'))!.observed).toEqual({
      'web-2': 'VM Error',
    });
    stop.abort();
  });

  it('says so when the topology is not of this cloud, rather than showing all down', async () => {
    cloud = await FakeCloud.start();
    const loaded = parseTopology(
      'version: 1\nzones: [{id: KR-XX}]\naccounts: [{id: a}]\nvms: [{id: v, account: a, zone: KR-XX, capacity: 1}]\n',
      'other.yaml',
    );
    if (!loaded.ok) throw new Error('fixture');
    const client = createClient(
      {endpoint: cloud.endpoint, key: cloud.apiKey, secret},
      {backoffMs: 1},
    );
    const signal = new AbortController();
    const updates = followCloudStack(client, () => loaded.model, 0.05, signal.signal)[
      Symbol.asyncIterator
    ]();
    expect(await until(updates, () => true)).toMatchObject({
      type: 'sourceError',
      message: expect.stringContaining('no zone or VM of the topology is in this cloud') as string,
    });
    signal.abort();
  });

  it('stops asking for routers once the key turns out not to be allowed', async () => {
    cloud = await FakeCloud.start();
    const model = await importedModel(cloud);
    cloud.forbidden.add('listRouters');
    const client = createClient(
      {endpoint: cloud.endpoint, key: cloud.apiKey, secret},
      {backoffMs: 1},
    );
    const signal = new AbortController();
    const updates = followCloudStack(client, () => model, 0.02, signal.signal)[
      Symbol.asyncIterator
    ]();
    await until(updates, (u) => u.type === 'observed');
    const asked = cloud.requests.filter((r) => r.command === 'listRouters').length;
    await until(updates, (u) => u.type === 'observed');
    await until(updates, (u) => u.type === 'observed');
    expect(cloud.requests.filter((r) => r.command === 'listRouters').length).toBe(asked);
    signal.abort();
  });
});
