import {afterEach, describe, expect, it} from 'vitest';
import type {LiveUpdate} from '../../source/core/live.js';
import {liveSources} from '../../source/commands/dashboard/live-sources.js';
import {parseTopology} from '../../source/core/load.js';
import {readFileSync} from 'node:fs';
import {hostileServer, json, leaks, type HostileServer} from '../support/hostile-server.js';

let server: HostileServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  delete process.env['FAILSIGHT_PROMETHEUS_TOKEN'];
});

const loaded = parseTopology(readFileSync('fixtures/demo.yaml', 'utf8'), 'demo.yaml');
if (!loaded.ok) throw new Error('demo.yaml does not load');
const model = loaded.model;

/** The first `n` texts the dashboard would be given: messages and reasons. */
async function firstTexts(flags: Parameters<typeof liveSources>[0], n: number): Promise<string[]> {
  const controller = new AbortController();
  const live = await liveSources(flags, 'demo.yaml', model, true, controller.signal);
  const texts: string[] = [];
  for await (const update of live.updates!) {
    texts.push(...textsOf(update));
    if (texts.length >= n) break;
  }
  controller.abort();
  return texts;
}

function textsOf(update: LiveUpdate): string[] {
  if (update.type === 'model') return [];
  if (update.type === 'observed') return [...update.observed.values()];
  return [update.message];
}

const off = {
  watch: false,
  probe: false,
  allowHooks: false,
  cloudstack: false,
  events: undefined,
  audit: undefined,
  promQuery: undefined,
  prometheus: undefined,
  alertmanager: undefined,
  endpoint: undefined,
} as const;

describe('credentials echoed back by a source are never passed on', () => {
  it('a Prometheus error that echoes the basic-auth header: password and base64 hidden', async () => {
    server = await hostileServer((request, response) =>
      json(response, {
        status: 'error',
        error: `denied ${request.headers.authorization} (ops:hunter2-pass) at ${request.url}`,
      }),
    );
    const url = `http://ops:hunter2-pass@127.0.0.1:${server.port}`;
    const texts = await firstTexts({...off, prometheus: url, interval: '1s'}, 1);
    expect(texts[0]).toMatch(/^query failed: denied Basic \*\*\* \(\*\*\*\) at \/api\/v1\/query/);
    expect(leaks(texts, ['hunter2-pass', 'ops:hunter2-pass'])).toEqual([]);
  });

  it('a bearer token echoed in an error and in alert labels and reasons', async () => {
    const token = 'tok-Zq81-secret';
    process.env['FAILSIGHT_PROMETHEUS_TOKEN'] = token;
    server = await hostileServer((request, response) => {
      const echoed = String(request.headers.authorization);
      if (request.url!.startsWith('/api/v2/alerts'))
        return json(response, [
          {
            labels: {alertname: `Leak ${token}`, failsight_id: 'web-1'},
            annotations: {summary: `saw ${echoed}`},
          },
        ]);
      json(response, {status: 'error', error: `bad token ${echoed}`});
    });
    const texts = await firstTexts(
      {...off, prometheus: server.url, alertmanager: server.url, interval: '1s'},
      2,
    );
    // The alert's name and summary carry the token as written: the Alertmanager URL has no
    // credentials, so only the redaction of every held secret can catch them.
    expect(texts.sort()).toEqual(['Leak ***: saw undefined', 'query failed: bad token Bearer ***']);
    expect(leaks(texts, [token])).toEqual([]);
  });
});
