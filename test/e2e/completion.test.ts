import {spawnSync} from 'node:child_process';
import {chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {binary, run} from './run.js';

/**
 * A directory with `failsight` on its PATH (the built binary) and a topology whose ids hold the
 * characters a shell would act on: `$(…)`, quotes, `;`, globs. Completion must give them back
 * as text, never run them.
 */
const place = mkdtempSync(join(tmpdir(), 'failsight-completion-'));
afterAll(() => rmSync(place, {recursive: true, force: true}));
const bin = join(place, 'bin');
mkdirSync(bin);
writeFileSync(
  join(bin, 'failsight'),
  `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(binary)} "$@"\n`,
);
chmodSync(join(bin, 'failsight'), 0o755);
const pwned = join(place, 'pwned');
const hostileId = `db-$(touch\${IFS}${pwned})`;
writeFileSync(
  join(place, 'odd.yaml'),
  [
    'version: 1',
    'name: odd',
    'zones: [{id: KR-CA}]',
    'accounts: [{id: acct}]',
    'vms:',
    `  - {id: 'web-1', account: acct, zone: KR-CA, capacity: 10}`,
    `  - {id: 'web-2;ls', account: acct, zone: KR-CA, capacity: 10}`,
    `  - {id: "web-'q'", account: acct, zone: KR-CA, capacity: 10}`,
    `  - {id: '${hostileId}', account: acct, zone: KR-CA, capacity: 10}`,
    `  - {id: 'web-*', account: acct, zone: KR-CA, capacity: 10}`,
    'services: [{id: app, demand: 10, entry: web-1}]',
    '',
  ].join('\n'),
);

/** What the bash function puts in COMPREPLY for the line `words`, the cursor on the last word. */
function bashComplete(words: string[]): string[] {
  const script = spawnSync(process.execPath, [binary, 'completion', 'bash'], {encoding: 'utf8'});
  expect(script.status).toBe(0);
  const array = words.map((word) => `'${word.replaceAll("'", `'\\''`)}'`).join(' ');
  const program = [
    script.stdout,
    `COMP_WORDS=(${array}); COMP_CWORD=${words.length - 1}`,
    '_failsight',
    `printf '%s\\n' "\${COMPREPLY[@]}"`,
  ].join('\n');
  const result = spawnSync('bash', ['-c', program], {
    cwd: place,
    encoding: 'utf8',
    env: {...process.env, PATH: `${bin}:${process.env['PATH'] ?? ''}`},
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout.split('\n').filter((line) => line !== '');
}

describe('failsight completion', () => {
  it('bash completes the commands for the first word', () => {
    expect(bashComplete(['failsight', 'c'])).toEqual(
      expect.arrayContaining(['check', 'completion']),
    );
    expect(bashComplete(['failsight', 'im'])).toEqual(['impact', 'import']);
  });

  it('bash completes flags, and the values of a flag with choices', () => {
    expect(bashComplete(['failsight', 'impact', 'odd.yaml', '--fa'])).toEqual([
      '--fail',
      '--failover',
    ]);
    expect(bashComplete(['failsight', 'check', '--no-'])).toEqual([
      '--no-color',
      '--no-mouse',
      '--no-config',
    ]);
    expect(bashComplete(['failsight', 'fixtures/demo.yaml', '--theme', 'h'])).toEqual([
      'high-contrast',
    ]);
    expect(bashComplete(['failsight', 'con'])).toEqual(['config']);
    expect(bashComplete(['failsight', 'diff', 'a', 'b', '--format', 'm'])).toEqual(['markdown']);
  });

  it('bash completes the ids of the file named on the line, quoted, and runs none of them', () => {
    const all = bashComplete(['failsight', 'impact', 'odd.yaml', '--fail', '']);
    // printf %q quotes each as bash would read it back: these are the ids as typed on a line.
    expect(all).toEqual(
      expect.arrayContaining([
        'KR-CA',
        'acct',
        'app',
        'web-1',
        'web-2\\;ls',
        "web-\\'q\\'",
        'web-\\*',
      ]),
    );
    expect(all.some((word) => word.startsWith('db-\\$\\(touch'))).toBe(true);
    expect(existsSync(pwned)).toBe(false);
    // Only the ids that start with what is typed; the file is found after other flags' values.
    expect(
      bashComplete(['failsight', 'impact', '--interval', '5s', 'odd.yaml', '--down', 'web-2']),
    ).toEqual(['web-2\\;ls']);
  });

  it('bash completes nothing for --fail when no file is on the line, or it does not load', () => {
    expect(bashComplete(['failsight', 'impact', '--fail', ''])).toEqual([]);
    expect(bashComplete(['failsight', 'impact', 'missing.yaml', '--fail', ''])).toEqual([]);
  });

  it('lists ids one a line for the scripts, and nothing for a bad file', async () => {
    const ids = await run('completion', 'ids', join(place, 'odd.yaml'));
    expect(ids.code).toBe(0);
    expect(ids.stdout.split('\n')).toContain(hostileId);
    const bad = await run('completion', 'ids', join(place, 'missing.yaml'));
    expect(bad).toEqual({code: 0, stdout: '', stderr: ''});
  });

  it('prints zsh and fish scripts that take the same commands, flags and ids', async () => {
    for (const shell of ['zsh', 'fish']) {
      const script = await run('completion', shell);
      expect(script.code).toBe(0);
      for (const word of ['check', 'impact', 'diff', 'completion', 'failover', 'no-color'])
        expect(script.stdout).toContain(word);
      expect(script.stdout).toContain('failsight completion ids');
    }
    if (spawnSync('zsh', ['--version']).status === 0) {
      const zsh = await run('completion', 'zsh');
      expect(spawnSync('zsh', ['-n'], {input: zsh.stdout}).status).toBe(0);
    }
  });

  it('refuses an unknown shell with exit 2 and the usage', async () => {
    const result = await run('completion', 'tcsh');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('completion takes bash, zsh or fish');
  });
});
