import {readFileSync} from 'node:fs';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {pollAlertmanager} from '../../source/adapters/alertmanager.js';
import {pollPrometheus} from '../../source/adapters/prometheus.js';
import type {LiveUpdate} from '../../source/core/live.js';
import {parseTopology} from '../../source/core/load.js';
import {hostileServer, json, type HostileServer} from '../support/hostile-server.js';

let server: HostileServer | undefined;
const controller = new AbortController();
afterAll(() => controller.abort());
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const loaded = parseTopology(readFileSync('fixtures/demo.yaml', 'utf8'), 'demo.yaml');
if (!loaded.ok) throw new Error('demo.yaml does not load');
const model = loaded.model;

/** The updates of the first poll: its snapshot or error, and the count of skipped items. */
async function firstPoll(updates: AsyncIterable<LiveUpdate>, n: number): Promise<LiveUpdate[]> {
  const seen: LiveUpdate[] = [];
  for await (const update of updates) {
    seen.push(update);
    if (seen.length === n) break;
  }
  return seen;
}

describe('one bad item is one bad item', () => {
  it('Prometheus: series with metric null, a numeric id, no value: skipped and counted', async () => {
    server = await hostileServer((_request, response) =>
      json(response, {
        status: 'success',
        data: {
          resultType: 'vector',
          result: [
            {metric: null, value: [1, '0']},
            {metric: {failsight_id: 42}, value: [1, '0']},
            {metric: {failsight_id: 'web-2'}},
            null,
            {metric: {failsight_id: 'web-1'}, value: [1, '0']},
          ],
        },
      }),
    );
    const [observed, bad] = await firstPoll(
      pollPrometheus(server.url, {intervalMs: 60_000}, () => model, controller.signal),
      2,
    );
    // The one good series is used: web-1 at 0 is down.
    expect(observed).toMatchObject({type: 'observed', source: 'prometheus'});
    expect([...(observed as unknown as {observed: Map<string, string>}).observed]).toEqual([
      ['web-1', 'up == 0'],
    ]);
    expect(bad).toMatchObject({
      type: 'badLine',
      count: 4,
      message: '4 items of the answer not in shape, skipped (4 so far); the rest is used',
    });
  });

  it('Alertmanager: an alert with labels null or a numeric id is skipped, the rest used', async () => {
    server = await hostileServer((_request, response) =>
      json(response, [
        {labels: null},
        {labels: {alertname: 'Num', failsight_id: 7}},
        {labels: {alertname: 'ZoneDown', failsight_id: 'zone:KR-CA'}, annotations: null},
      ]),
    );
    const [observed, bad] = await firstPoll(
      pollAlertmanager(server.url, {intervalMs: 60_000}, () => model, controller.signal),
      2,
    );
    expect([...(observed as unknown as {observed: Map<string, string>}).observed]).toEqual([
      ['KR-CA', 'ZoneDown'],
    ]);
    expect(bad).toMatchObject({type: 'badLine', count: 2});
  });

  it('an answer out of shape everywhere says so in our words, not a TypeError', async () => {
    server = await hostileServer((_request, response) =>
      json(response, {status: 'success', data: {resultType: 'vector', result: 'x'}}),
    );
    const [error] = await firstPoll(
      pollPrometheus(server.url, {intervalMs: 60_000}, () => model, controller.signal),
      1,
    );
    expect(error).toMatchObject({type: 'sourceError'});
    expect((error as {message: string}).message).not.toMatch(
      /Cannot read|is not a function|TypeError/,
    );
  });
});
