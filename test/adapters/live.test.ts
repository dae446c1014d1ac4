import {mkdtempSync, readFileSync, renameSync, writeFileSync, appendFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {followEvents} from '../../source/adapters/events.js';
import {loadTopologyFile} from '../../source/adapters/topology-file.js';
import {watchTopology} from '../../source/adapters/watch.js';
import type {LiveUpdate} from '../../source/core/live.js';
import type {Model} from '../../source/core/model.js';

const demo = readFileSync(new URL('../../fixtures/demo.yaml', import.meta.url), 'utf8');

async function next(iterator: AsyncIterator<LiveUpdate>): Promise<LiveUpdate> {
  const {value, done} = await iterator.next();
  if (done) throw new Error('stream ended');
  return value;
}

async function demoModel(): Promise<Model> {
  const result = await loadTopologyFile(
    new URL('../../fixtures/demo.yaml', import.meta.url).pathname,
  );
  if (!result.ok) throw new Error('demo does not load');
  return result.model;
}

describe('watchTopology', () => {
  it('reloads on a save by rename, and reports a bad edit without a model', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'failsight-watch-'));
    const file = join(dir, 'topology.yaml');
    writeFileSync(file, demo);
    const controller = new AbortController();
    const updates = watchTopology(file, controller.signal, 20)[Symbol.asyncIterator]();
    // An editor's save: write a new file, rename it over the old one.
    writeFileSync(
      join(dir, '.topology.yaml.swp'),
      demo.replace('name: shop-prod', 'name: shop-next'),
    );
    renameSync(join(dir, '.topology.yaml.swp'), file);
    const good = await next(updates);
    expect(good.type).toBe('model');
    expect(good.type === 'model' && good.model.name).toBe('shop-next');
    writeFileSync(file, demo.replace('capacity: 250', 'capacity: -5'));
    const bad = await next(updates);
    expect(bad.type).toBe('error');
    expect(bad.type === 'error' && bad.message).toMatch(
      /^bad edit, kept the last good topology: .*topology\.yaml:\d+:\d+: .*negative/,
    );
    controller.abort();
  });
});

describe('followEvents', () => {
  it('turns down/up lines into the observed set and counts bad lines', async () => {
    const model = await demoModel();
    const dir = mkdtempSync(join(tmpdir(), 'failsight-events-'));
    const file = join(dir, 'events.jsonl');
    writeFileSync(file, '{"id": "zone:KR-CA", "state": "down", "reason": "power"}\n');
    const controller = new AbortController();
    const updates = followEvents(file, () => model, controller.signal)[Symbol.asyncIterator]();
    const first = await next(updates);
    expect(first).toMatchObject({
      type: 'observed',
      source: 'events',
      observed: new Map([['KR-CA', 'power']]),
    });
    appendFileSync(
      file,
      'not json\n{"id": "web-9", "state": "down"}\n{"id": "KR-CA", "state": "up"}\n',
    );
    const notJson = await next(updates);
    expect(notJson).toMatchObject({type: 'badLine', source: 'events', count: 1});
    expect(notJson.type === 'badLine' && notJson.message).toMatch(
      /events\.jsonl:2: not JSON \(1 bad line so far\)/,
    );
    const unknown = await next(updates);
    expect(unknown.type === 'badLine' && unknown.message).toMatch(
      /:3: unknown component "web-9".*\(2 bad lines so far\)/,
    );
    const cleared = await next(updates);
    expect(cleared).toMatchObject({type: 'observed', source: 'events', observed: new Map()});
    controller.abort();
  });
});
