import {chmodSync, mkdtempSync, readFileSync, writeFileSync, existsSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, describe, expect, it} from 'vitest';
import {
  metricsServer,
  runMonitoringTests,
  startAlertmanager,
  startPrometheus,
  type Running,
} from '../support/monitoring.js';
import {hasTmux, Pane, root} from './tmux.js';

let pane: Pane | undefined;
const daemons: Running[] = [];
afterEach(() => {
  pane?.close();
  pane = undefined;
});
afterAll(async () => {
  await Promise.all(daemons.map((daemon) => daemon.stop()));
});

describe.skipIf(!runMonitoringTests || (!hasTmux && !process.env['CI']))(
  'the dashboard on Prometheus, Alertmanager and a hook (tmux)',
  () => {
    it('a stopped target, a firing alert and a confirmed hook, each as a user sees it', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'failsight-monitoring-'));
      const web1 = await metricsServer();
      const web3 = await metricsServer();
      const prometheus = await startPrometheus([
        {
          job_name: 'vms',
          static_configs: [
            {targets: [web1.address], labels: {failsight_id: 'web-1'}},
            {targets: [web3.address], labels: {failsight_id: 'vm:web-3'}},
          ],
        },
      ]);
      const alertmanager = await startAlertmanager();
      daemons.push(prometheus, alertmanager);
      // The hook records its arguments and environment; an id is never run through a shell.
      const hook = join(dir, 'failover.sh');
      writeFileSync(
        hook,
        '#!/bin/sh\nprintf "%s|%s\\n" "$1" "$FAILSIGHT_COMPONENT" >> "$(dirname "$0")/hook-ran"\necho "promoted $1"\n',
      );
      chmodSync(hook, 0o755);
      const topology = join(dir, 'shop.yaml');
      writeFileSync(
        topology,
        `${readFileSync(join(root, 'fixtures', 'demo.yaml'), 'utf8')}\nhooks:\n  failover: [./failover.sh]\n`,
      );
      const audit = join(dir, 'audit.jsonl');
      pane = Pane.open([
        topology,
        '--prometheus',
        prometheus.url,
        '--alertmanager',
        alertmanager.url,
        '--interval',
        '500ms',
        '--audit',
        audit,
        '--allow-hooks',
      ]);
      // Prometheus watches web-1 and web-3: 2 up once it has scraped them.
      await pane.waitForText('live ● 2 up');

      await web1.stop();
      const vmDown = await pane.waitForText('✖ 1 down');
      expect(vmDown).toMatch(/✖ web-1 +0\/250 live/);

      const response = await fetch(`${alertmanager.url}/api/v2/alerts`, {
        method: 'POST',
        headers: {'content-type': 'application/json'},
        body: JSON.stringify([
          {
            labels: {alertname: 'ZonePowerLoss', failsight_id: 'zone:KR-CA'},
            annotations: {summary: 'KR-CA lost power'},
          },
        ]),
      });
      expect(response.status).toBe(200);
      const zoneDown = await pane.waitFor(
        (s) => /✖ KR-CA +중부 A +0\/1500 live/.test(s),
        'KR-CA down',
      );
      expect(zoneDown).toContain('✖ 7 down');
      // Its impact names the alert and its summary.
      pane.keys('g');
      const impact = await pane.waitForText('✖ down (observed): alertmanager: ZonePowerLoss:');
      expect(impact).toContain('KR-CA lost power');

      // o on shop-db, then y: the hook runs and both ends are journaled.
      pane.keys('3');
      await pane.waitForText('by service');
      for (let i = 0; i < 10; i++) pane.keys('j');
      await pane.waitForText('Impact · service shop-db');
      pane.keys('o');
      await pane.waitForText('Run its hook ./failover.sh shop-db?');
      expect(existsSync(join(dir, 'hook-ran'))).toBe(false);
      pane.keys('y');
      // The hooks pane (the message line may already carry a later source's news).
      const ran = await pane.waitForText('exit 0 after');
      expect(ran).toContain('promoted shop-db');
      expect(readFileSync(join(dir, 'hook-ran'), 'utf8')).toBe('shop-db|shop-db\n');
      const journal = readFileSync(audit, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      // What was observed and announced is journaled too; the actions: the simulated failover,
      // then the hook that really ran.
      const actions = journal.filter((entry) => 'action' in entry);
      expect(actions.map((entry) => [entry['action'], entry['simulated']])).toEqual([
        ['failover', true],
        ['hook-start', false],
        ['hook-end', false],
      ]);
      expect(actions[2]).toMatchObject({ids: ['shop-db'], exitCode: 0, timedOut: false});
      expect(journal.filter((entry) => entry['event'] === 'announced').length).toBeGreaterThan(0);

      // Prometheus gone: the header says so with the last good time; web-1 stays down.
      await prometheus.stop();
      // The header says its data is stale; the message line says what happened.
      const lost = await pane.waitForText('ECONNREFUSED (the last observed state is kept)');
      expect(lost.split('\n')[0]).toMatch(/✖ STALE prom(etheus|…) <1m/);
      expect(lost).toMatch(/✖ web-1 +0\/250/);
      pane.keys('q');
      expect((await pane.exited()).status).toBe(0);
    });
  },
);
