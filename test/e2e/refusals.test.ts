import {describe, expect, it} from 'vitest';
import {expectNoStackTrace, run} from './run.js';

const demo = 'fixtures/demo.yaml';

/** Exit 2, one message naming what was wrong, no stack trace, nothing on stdout but --json's document. */
async function refused(args: string[], message: string) {
  const result = await run(...args);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(2);
  expect(result.stderr).toContain(message);
  expect(expectNoStackTrace(result.stderr)).toBe(true);
  return result;
}

describe('the command line refuses what it does not use', () => {
  it.each([
    [['diff', demo, demo, '--tolerance'], '--tolerance needs a value'],
    [['diff', demo, demo, '--tolerance='], '--tolerance needs a value'],
    [['impact', demo, '--failover'], '--failover needs a value'],
    [['check', demo, '--fail'], '--fail needs a value'],
    [[demo, '--events'], '--events needs a value'],
    [[demo, '--prometheus', 'http://127.0.0.1:9', '--prom-query'], '--prom-query needs a value'],
    [['import', 'cloudstack', '--zone'], '--zone needs a value'],
    [['import', 'cloudstack', '--zone', '--kt'], '--zone needs a value'],
    [['import', 'cloudstack', '--out'], '--out needs a value'],
    [['import', 'cloudstack', '--merge='], '--merge needs a value'],
    [[demo, '--compare'], '--compare needs a value'],
  ])('%j: a flag without its value', async (args, message) => {
    await refused(args, `failsight: ${message}\n`);
  });

  it.each([
    [[demo, '--interval', 'abc'], '--interval: "abc" is not a duration'],
    [[demo, '--interval', '1000h'], '--interval: 1000h is out of range: between 100 ms and 24 h'],
    [[demo, '--interval', '10ms'], '--interval: 10ms is out of range'],
    [[demo, '--compare', 'nosuch.yaml'], 'nosuch.yaml: no such file'],
    [[demo, '--prometheus', 'notaurl'], '--prometheus: expected an http:// or https:// URL'],
  ])('%j: a bad dashboard value is refused with stdout a pipe too', async (args, message) => {
    const result = await refused(args, message);
    // Not the check report that the piped dashboard prints.
    expect(result.stdout).toBe('');
  });

  it('COMMAND --help is the usage, exit 0, for every command', async () => {
    for (const command of ['check', 'impact', 'demo', 'import', 'diff']) {
      const result = await run(command, '--help');
      expect(result.code, command).toBe(0);
      expect(result.stdout).toContain('Usage');
      expect(result.stderr).toBe('');
    }
  });

  it('conflicting or extra input', async () => {
    await refused(['demo', 'extra.yaml'], 'demo plays the bundled topology: it takes no FILE');
    const json = await refused(
      ['diff', '--json', '--format', 'text', demo, demo],
      '--json and --format text ask for two outputs: give one',
    );
    expect(JSON.parse(json.stdout)).toEqual({
      errors: [{message: '--json and --format text ask for two outputs: give one'}],
    });
  });

  it("diff's whole-file errors in JSON have no line or column", async () => {
    const result = await run('diff', 'nosuch.yaml', demo, '--json');
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({
      errors: [{file: 'nosuch.yaml', message: 'no such file'}],
    });
  });
});
