import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {
  recordCapture,
  registerCredential,
  registerInvocation,
  resetSecretScan,
  secretScanFindings,
} from '../support/secret-scan.js';
import {run} from './run.js';
import {hasTmux, Pane} from './tmux.js';

let pane: Pane | undefined;
afterEach(() => {
  pane?.close();
  pane = undefined;
});

/** The findings so far, then a clean slate: these tests leak on purpose. */
function takeFindings(): string[] {
  const found = secretScanFindings();
  resetSecretScan();
  return found;
}

describe('the scan of captures for the credentials a test used', () => {
  it('takes credentials from the environment and from URLs in the arguments', () => {
    registerInvocation(['--prometheus', 'http://ops:hunter2-pass@127.0.0.1:9/'], {
      FAILSIGHT_PROMETHEUS_TOKEN: 'token-0123456789',
      CLOUDSTACK_SECRET: 'fake-secret-Zx9/+*',
      CLOUDSTACK_ENDPOINT: 'http://127.0.0.1:9/client/api',
    });
    recordCapture('stderr', 'GET / Authorization: Bearer token-0123456789');
    recordCapture('the screen', `basic ${Buffer.from('ops:hunter2-pass').toString('base64')}`);
    recordCapture('stdout', 'secret=fake-secret-Zx9%2F%2B*');
    recordCapture('stdout', 'endpoint http://127.0.0.1:9/client/api, password withheld');
    expect(takeFindings()).toEqual([
      'stderr holds a credential (as "token-0123456789")',
      `the screen holds a credential (as "${Buffer.from('ops:hunter2-pass').toString('base64')}")`,
      'stdout holds a credential (as "fake-secret-Zx9%2F%2B*")',
    ]);
  });

  it('reads the files the program was told to write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'failsight-scan-'));
    const journal = join(dir, 'audit.jsonl');
    registerInvocation(['fixtures/demo.yaml', '--audit', journal], {API_KEY: 'key-abcdef'});
    writeFileSync(journal, '{"reason":"key-abcdef"}\n');
    expect(takeFindings()).toEqual([`${journal} holds a credential (as "key-abcdef")`]);
  });

  it('run records what the binary printed', async () => {
    // Not a credential, but registered as one: the scan must find it in check's report.
    registerCredential('shop-prod');
    const result = await run('check', 'fixtures/demo.yaml');
    expect(result.stdout).toContain('shop-prod');
    expect(takeFindings()).toEqual(['stdout holds a credential (as "shop-prod")']);
  });

  it.skipIf(!hasTmux && !process.env['CI'])('Pane records every screen it reads', async () => {
    registerCredential('shop-prod');
    pane = Pane.open(['fixtures/demo.yaml'], {columns: 100, rows: 30});
    await pane.waitForText('shop-prod');
    expect(takeFindings()).toEqual(['the screen holds a credential (as "shop-prod")']);
  });
});
