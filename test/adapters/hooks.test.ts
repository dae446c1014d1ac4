import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {runHook} from '../../source/adapters/hooks.js';
import {waitFor} from '../support/monitoring.js';

/** A process is gone when /proc no longer has it or only its zombie is left. */
function gone(pid: number): true | undefined {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return true;
  try {
    return readFileSync(stat, 'utf8').split(') ')[1]?.startsWith('Z') ? true : undefined;
  } catch {
    return true;
  }
}

const pidsIn = (output: string) => output.trim().split(/\s+/).map(Number);

describe('runHook against real processes', () => {
  it('runs the program without a shell: an id built as shell injection is one argument', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'failsight-hook-'));
    const show = join(dir, 'show.mjs');
    writeFileSync(
      show,
      'console.log(JSON.stringify([process.argv.slice(2), process.env.FAILSIGHT_COMPONENT]))',
    );
    for (const id of ['; touch pwned', '$(touch pwned)', '`touch pwned`', 'a && touch pwned']) {
      const result = await runHook([process.execPath, show], id);
      expect(result.exitCode).toBe(0);
      expect(JSON.parse(result.output)).toEqual([[id], id]);
    }
    // Through a real shell script too: the script gets the id as "$1" and never evaluates it.
    const script = await runHook(
      ['/bin/sh', '-c', 'cd "$0" && printf "%s|%s\\n" "$1" "$FAILSIGHT_COMPONENT"', dir],
      '; touch pwned',
    );
    expect(script.output).toBe('; touch pwned|; touch pwned\n');
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
    expect(existsSync('pwned')).toBe(false);
  });

  it('a hook that outlives its timeout is killed with every child it started', async () => {
    const result = await runHook(
      ['/bin/sh', '-c', 'sleep 1000 & echo $!; sleep 1000 & echo $!; echo $$; wait'],
      'web-1',
      {timeoutMs: 300},
    );
    expect(result.timedOut).toBe(true);
    expect(result.signal).toBe('SIGKILL');
    const pids = pidsIn(result.output);
    expect(pids).toHaveLength(3);
    for (const pid of pids) await waitFor(() => gone(pid));
  });

  it('children left running after the hook exits are killed, and it does not wait for them', async () => {
    const result = await runHook(['/bin/sh', '-c', 'sleep 1000 & echo $!; exit 3'], 'web-1');
    expect(result.exitCode).toBe(3);
    expect(result.timedOut).toBe(false);
    await waitFor(() => gone(pidsIn(result.output)[0]!));
  });

  it('a flood of output is bounded', async () => {
    const result = await runHook(
      [process.execPath, '-e', 'process.stdout.write("x".repeat(5_000_000))'],
      'web-1',
      {maxOutputBytes: 1000},
    );
    expect(result.exitCode).toBe(0);
    expect(result.output).toBe('x'.repeat(1000));
    expect(result.dropped).toBe(5_000_000 - 1000);
  });

  it('a program that does not exist is reported, not thrown', async () => {
    const result = await runHook(['/nonexistent/failover.sh'], 'web-1');
    expect(result.error).toMatch(/ENOENT/);
    expect(result.exitCode).toBeNull();
  });
});
