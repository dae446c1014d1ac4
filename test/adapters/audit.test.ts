import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';

describe('auditJournal on a full disk', () => {
  it('never leaves half a record: the file is cut back to its last whole line and the write refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'failsight-audit-'));
    const file = join(dir, 'audit.jsonl');
    const adapter = new URL('../../dist/source/adapters/audit.js', import.meta.url).href;
    const script = join(dir, 'fill.mjs');
    // Records of 300 bytes until the write fails; the file-size limit plays the full disk.
    writeFileSync(
      script,
      `import {auditJournal} from ${JSON.stringify(adapter)};
       const journal = auditJournal(${JSON.stringify(file)});
       for (let i = 0; ; i++) {
         try { journal({action: 'fail', ids: ['x'.repeat(240)], n: i}); }
         catch (error) { console.log('refused ' + i + ' ' + error.code); break; }
       }`,
    );
    // SIGXFSZ ignored (as a shell trap does) so the write returns EFBIG instead of killing.
    const run = spawnSync(
      'bash',
      ['-c', `trap '' XFSZ; ulimit -f 4; exec "$0" "$1"`, process.execPath, script],
      {
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^refused \d+ EFBIG\n$/);
    const refusedAt = Number(/refused (\d+)/.exec(run.stdout)![1]);
    const text = readFileSync(file, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.trimEnd().split('\n');
    // Every record before the refused one is whole, in order; the refused one is absent.
    expect(lines.map((line) => (JSON.parse(line) as {n: number}).n)).toEqual(
      Array.from({length: refusedAt}, (_, i) => i),
    );
  });
});
