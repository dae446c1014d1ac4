import {spawn} from 'node:child_process';
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
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

describe('watchTopology follows what editors and deployments do to a file', () => {
  const reloads = (file: string, checkMs = 50) => {
    const controller = new AbortController();
    const iterator = watchTopology(file, controller.signal, 20, checkMs)[Symbol.asyncIterator]();
    const nextModel = async () => {
      for (;;) {
        const update = await next(iterator);
        if (update.type === 'model') return update.model;
      }
    };
    return {controller, iterator, nextModel};
  };

  it('reloads when a ConfigMap swaps its ..data symlink', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'failsight-configmap-'));
    mkdirSync(join(dir, '..2026_11_30_01'));
    writeFileSync(join(dir, '..2026_11_30_01', 'topology.yaml'), demo);
    symlinkSync('..2026_11_30_01', join(dir, '..data'));
    symlinkSync('..data/topology.yaml', join(dir, 'topology.yaml'));
    const watched = reloads(join(dir, 'topology.yaml'));
    // What the kubelet does: a new directory, a new link, renamed over ..data.
    mkdirSync(join(dir, '..2026_11_30_02'));
    writeFileSync(
      join(dir, '..2026_11_30_02', 'topology.yaml'),
      demo.replace('name: shop-prod', 'name: shop-configmap'),
    );
    symlinkSync('..2026_11_30_02', join(dir, '..data_tmp'));
    renameSync(join(dir, '..data_tmp'), join(dir, '..data'));
    expect((await watched.nextModel()).name).toBe('shop-configmap');
    watched.controller.abort();
  });

  it('reloads when the watched directory is removed and created again', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'failsight-dir-'));
    const dir = join(parent, 'conf');
    mkdirSync(dir);
    writeFileSync(join(dir, 'topology.yaml'), demo);
    const watched = reloads(join(dir, 'topology.yaml'));
    rmSync(dir, {recursive: true});
    await next(watched.iterator); // "no such file; kept the last good topology"
    mkdirSync(dir);
    writeFileSync(join(dir, 'topology.yaml'), demo.replace('name: shop-prod', 'name: shop-back'));
    expect((await watched.nextModel()).name).toBe('shop-back');
    // And the new directory is watched: a later edit is seen too.
    writeFileSync(join(dir, 'topology.yaml'), demo.replace('name: shop-prod', 'name: shop-again'));
    expect((await watched.nextModel()).name).toBe('shop-again');
    watched.controller.abort();
  });

  it('a FIFO put in place of the file is refused, not opened, and stopping ends the process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'failsight-fifo-'));
    const file = join(dir, 'topology.yaml');
    writeFileSync(file, demo);
    // A process of its own: a read blocked on the FIFO would keep it from ever exiting.
    const script = join(dir, 'watch.mjs');
    const adapter = new URL('../../dist/source/adapters/watch.js', import.meta.url).href;
    writeFileSync(
      script,
      `import {watchTopology} from ${JSON.stringify(adapter)};
       import {execFileSync} from 'node:child_process';
       import {rmSync} from 'node:fs';
       const controller = new AbortController();
       const updates = watchTopology(${JSON.stringify(file)}, controller.signal, 20, 50);
       setTimeout(() => { rmSync(${JSON.stringify(file)}); execFileSync('mkfifo', [${JSON.stringify(file)}]); }, 100);
       for await (const update of updates) {
         if (update.type === 'error' && update.message.includes('not a regular file')) {
           console.log(update.message);
           controller.abort();
         }
       }`,
    );
    const child = spawn(process.execPath, [script], {stdio: ['ignore', 'pipe', 'inherit']});
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(output).toContain(
      'is not a regular file (a pipe or a device?); kept the last good topology',
    );
    expect(code).toBe(0);
  });
});
