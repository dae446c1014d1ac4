import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {parse} from 'yaml';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {chainTopology} from '../support/chain.js';
import {expectNoStackTrace, run} from './run.js';
import {hasTmux, Pane} from './tmux.js';

/**
 * 5,000 services, each depending on the next: nothing may recurse once per link (a stack of that
 * depth overflowed), and nothing may cost the square of the length (each service's availability
 * covers the rest of the chain; estimated one by one that neared V8's heap limit). The timeouts
 * are generous; they measure nothing (the bench times check on chains).
 */
const length = 5_000;
const patient = 300_000;
let dir = '';
let yamlFile = '';
let jsonFile = '';
let pane: Pane | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'failsight-chain-'));
  yamlFile = join(dir, 'chain.yaml');
  jsonFile = join(dir, 'chain.json');
  const text = chainTopology(length);
  await writeFile(yamlFile, text);
  await writeFile(jsonFile, JSON.stringify(parse(text)));
});
afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});
afterEach(() => {
  pane?.close();
  pane = undefined;
});

describe(`a dependsOn chain of ${length} services`, () => {
  it(
    'check: text from YAML, JSON from JSON',
    async () => {
      const text = await run('check', yamlFile);
      expect(expectNoStackTrace(text.stderr)).toBe(true);
      // admin-1 alone serves every service: a single point of failure, exit 1.
      expect(text.code).toBe(1);
      expect(text.stdout).toContain(`s${length - 1}`);
      const json = await run('check', jsonFile, '--json');
      expect(json.code).toBe(1);
      const report = JSON.parse(json.stdout) as {services: unknown[]};
      expect(report.services).toHaveLength(length);
    },
    patient,
  );

  it(
    'impact: failing admin-1 takes the whole chain down',
    async () => {
      const result = await run('impact', yamlFile, '--fail', 'admin-1', '--json');
      expect(expectNoStackTrace(result.stderr)).toBe(true);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(`"s${length - 1}"`);
    },
    patient,
  );

  it(
    'diff: the chain against the demo',
    async () => {
      const result = await run('diff', 'fixtures/demo.yaml', yamlFile, '--format', 'json');
      expect(expectNoStackTrace(result.stderr)).toBe(true);
      expect(result.code).not.toBe(70);
      expect(JSON.parse(result.stdout)).toHaveProperty('verdict');
    },
    patient,
  );

  it.skipIf(!hasTmux && !process.env['CI'])(
    "the dashboard's availability panel fills in, from the top of the chain",
    async () => {
      pane = Pane.open([yamlFile], {columns: 120, rows: 30});
      await pane.waitForText('no live source');
      pane.keys('a');
      // s0's figure depends on every link after it.
      await pane.waitFor((screen) => /s0 +\d+\.\d+%/.test(screen), "s0's availability", patient);
      pane.keys('q');
      expect((await pane.exited()).status).toBe(0);
    },
  );
});
