import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {pollAlertmanager} from '../../source/adapters/alertmanager.js';
import {pollPrometheus} from '../../source/adapters/prometheus.js';
import type {LiveUpdate, ObservedUpdate} from '../../source/core/live.js';
import {
  metricsServer,
  runMonitoringTests,
  startAlertmanager,
  startPrometheus,
  waitFor,
  type Running,
} from '../support/monitoring.js';
import {liveModel} from '../support/topology.js';

const daemons: Running[] = [];
const controllers: AbortController[] = [];
afterEach(() => {
  for (const controller of controllers.splice(0)) controller.abort();
});
afterAll(async () => {
  await Promise.all(daemons.map((daemon) => daemon.stop()));
});

async function until(
  updates: AsyncIterator<LiveUpdate>,
  done: (update: ObservedUpdate) => boolean,
): Promise<ObservedUpdate> {
  for (;;) {
    const {value, done: ended} = await updates.next();
    if (ended) throw new Error('stream ended');
    if (value.type === 'sourceError') continue;
    if (value.type === 'observed' && done(value)) return value;
  }
}

function follow(stream: (signal: AbortSignal) => AsyncIterable<LiveUpdate>) {
  const controller = new AbortController();
  controllers.push(controller);
  return stream(controller.signal)[Symbol.asyncIterator]();
}

describe.skipIf(!runMonitoringTests)('against a real Prometheus', () => {
  it('a stopped scrape target turns its VM down: by failsight_id (relabelled) and by instance', async () => {
    const one = await metricsServer();
    const two = await metricsServer();
    // The readme's relabel rule: the target's address names the component.
    const prometheus = await startPrometheus([
      {
        job_name: 'vms',
        static_configs: [{targets: [one.address, two.address]}],
        relabel_configs: [
          {
            source_labels: ['__address__'],
            regex: one.address.replace(/\./g, '\\.'),
            target_label: 'failsight_id',
            replacement: 'vm:web-1',
          },
        ],
      },
    ]);
    daemons.push(prometheus);
    const model = liveModel([
      {id: 'web-1'},
      {id: 'web-2', probe: `http://${two.address}/healthz`},
      {id: 'web-3'},
    ]);
    const updates = follow((signal) =>
      pollPrometheus(prometheus.url, {intervalMs: 200}, () => model, signal),
    );
    // Both targets scraped and up: nothing down, nothing unknown.
    await until(updates, (u) => u.observed.size === 0 && u.unknown?.size === 0);
    await one.stop();
    const first = await until(updates, (u) => u.observed.has('web-1'));
    expect(first.observed.get('web-1')).toBe('up == 0, job=vms');
    await two.stop();
    const both = await until(updates, (u) => u.observed.has('web-2'));
    expect([...both.observed.keys()].sort()).toEqual(['web-1', 'web-2']);
    // web-3 has no series at all: it was never watched, so it is neither down nor unknown.
    expect(both.unknown?.has('web-3')).toBe(false);
    // What it watches (and so counts as up unless down or unknown): the two matched VMs.
    expect([...(both.watched ?? [])].sort()).toEqual(['web-1', 'web-2']);
  });

  it('a series that disappears is unknown, never up; an unreachable Prometheus is a source error', async () => {
    const one = await metricsServer();
    const prometheus = await startPrometheus([
      {
        job_name: 'vms',
        static_configs: [{targets: [one.address], labels: {failsight_id: 'web-1'}}],
      },
    ]);
    daemons.push(prometheus);
    const model = liveModel([{id: 'web-1'}]);
    const updates = follow((signal) =>
      pollPrometheus(prometheus.url, {intervalMs: 200, query: 'up == 1'}, () => model, signal),
    );
    await waitFor(async () => ((await query(prometheus.url, 'up == 1')) > 0 ? true : undefined));
    await until(updates, (u) => u.observed.size === 0 && u.unknown?.size === 0);
    await one.stop();
    const gone = await until(updates, (u) => u.unknown?.has('web-1') === true);
    expect(gone.observed.size).toBe(0);
    await prometheus.stop();
    for (;;) {
      const {value} = await updates.next();
      if (value?.type !== 'sourceError') continue;
      expect(value.message).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/query: ECONNREFUSED$/);
      break;
    }
  });
});

/** How many series a query gives now, asked of Prometheus directly. */
async function query(url: string, expression: string): Promise<number> {
  const response = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(expression)}`);
  const body = (await response.json()) as {data: {result: unknown[]}};
  return body.data.result.length;
}

async function postAlert(url: string, alert: object) {
  const response = await fetch(`${url}/api/v2/alerts`, {
    method: 'POST',
    headers: {'content-type': 'application/json'},
    body: JSON.stringify([alert]),
  });
  expect(response.status).toBe(200);
}

describe.skipIf(!runMonitoringTests)('against a real Alertmanager', () => {
  it('a firing alert labelled failsight_id=zone:KR-CA turns the zone down with its summary; resolving it brings it up', async () => {
    const alertmanager = await startAlertmanager();
    daemons.push(alertmanager);
    const model = liveModel([{id: 'web-1'}, {id: 'web-2', zone: 'KR-CB'}]);
    const updates = follow((signal) =>
      pollAlertmanager(alertmanager.url, {intervalMs: 200}, () => model, signal),
    );
    await until(updates, (u) => u.observed.size === 0);
    const alert = {
      labels: {alertname: 'ZonePowerLoss', failsight_id: 'zone:KR-CA'},
      annotations: {summary: 'KR-CA lost power'},
    };
    await postAlert(alertmanager.url, alert);
    const down = await until(updates, (u) => u.observed.has('KR-CA'));
    expect(down.observed).toEqual(new Map([['KR-CA', 'ZonePowerLoss: KR-CA lost power']]));
    // A zone label alone names the zone too.
    await postAlert(alertmanager.url, {labels: {alertname: 'ZoneSlow', zone: 'KR-CB'}});
    await until(updates, (u) => u.observed.get('KR-CB') === 'ZoneSlow');
    // Resolved: the alert sent again with an end in the past.
    await postAlert(alertmanager.url, {
      ...alert,
      endsAt: new Date(Date.now() - 1000).toISOString(),
    });
    await until(updates, (u) => !u.observed.has('KR-CA'));
  });

  it('a silenced alert does not count', async () => {
    const alertmanager = await startAlertmanager();
    daemons.push(alertmanager);
    const model = liveModel([{id: 'web-1'}]);
    const updates = follow((signal) =>
      pollAlertmanager(alertmanager.url, {intervalMs: 200}, () => model, signal),
    );
    await postAlert(alertmanager.url, {labels: {alertname: 'VmDown', failsight_id: 'web-1'}});
    await until(updates, (u) => u.observed.has('web-1'));
    const now = Date.now();
    const silence = await fetch(`${alertmanager.url}/api/v2/silences`, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify({
        matchers: [{name: 'alertname', value: 'VmDown', isRegex: false}],
        startsAt: new Date(now - 1000).toISOString(),
        endsAt: new Date(now + 3_600_000).toISOString(),
        createdBy: 'test',
        comment: 'maintenance',
      }),
    });
    expect(silence.status).toBe(200);
    await until(updates, (u) => u.observed.size === 0);
  });
});
