import {chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {waitFor} from '../support/monitoring.js';
import {hasTmux, Pane, root} from './tmux.js';

let pane: Pane | undefined;
let dir = '';
afterEach(() => {
  pane?.close();
  pane = undefined;
  rmSync(dir, {recursive: true, force: true});
});

/** Whether any process of the group is alive. */
function groupAlive(group: number): boolean {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}

/** A dashboard running a hook that ignores SIGTERM and has a child: its process group id. */
async function runningHook(): Promise<number> {
  dir = mkdtempSync(join(tmpdir(), 'failsight-hook-quit-'));
  writeFileSync(
    join(dir, 'failover.sh'),
    '#!/bin/sh\ntrap "" TERM\nsleep 300 &\necho $$ > "$(dirname "$0")/hook-pid"\nwait\n',
  );
  chmodSync(join(dir, 'failover.sh'), 0o755);
  const topology = join(dir, 'shop.yaml');
  writeFileSync(
    topology,
    `${readFileSync(join(root, 'fixtures', 'demo.yaml'), 'utf8')}\nhooks:\n  failover: [./failover.sh]\n`,
  );
  pane = Pane.open([topology, '--allow-hooks']);
  await pane.waitForText('Topology · by zone');
  // KR-CA fails, then o on shop-db (the service view), then y: the hook runs.
  pane.keys('x', '3');
  await pane.waitForText('by service');
  for (let i = 0; i < 10; i++) pane.keys('j');
  await pane.waitForText('Impact · service shop-db');
  pane.keys('o');
  await pane.waitForText('Run its hook ./failover.sh shop-db?');
  pane.keys('y');
  const pidFile = join(dir, 'hook-pid');
  await waitFor(() => (existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim()) || undefined);
  const group = Number(readFileSync(pidFile, 'utf8'));
  expect(groupAlive(group)).toBe(true);
  return group;
}

describe.skipIf(!hasTmux && !process.env['CI'])('hooks end with the program', () => {
  it('q while a hook runs: the program exits at once, the hook group is ended', async () => {
    const group = await runningHook();
    pane!.keys('q');
    // Before: alive on a blank terminal until the hook's 30 s timeout (past this wait).
    expect((await pane!.exited(10_000)).status).toBe(0);
    // TERM is ignored by the hook; KILL follows after the grace (2 s).
    await waitFor(() => (groupAlive(group) ? undefined : true));
  });

  it.each(['TERM', 'HUP'])(
    'SIG%s to the dashboard ends a hook that ignores SIGTERM',
    async (name) => {
      const group = await runningHook();
      process.kill(pane!.pid(), `SIG${name}` as NodeJS.Signals);
      await pane!.exited(10_000);
      // Before: the hook outlived the dashboard by minutes.
      await waitFor(() => (groupAlive(group) ? undefined : true));
    },
  );
});
