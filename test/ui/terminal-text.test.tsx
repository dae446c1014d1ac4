import {readFileSync} from 'node:fs';
import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {parseTopology} from '../../source/core/load.js';
import {demoScript} from '../../source/ui/demo/script.js';
import {expectFrameShape, keys} from './frames.js';
import {demoModel, renderDashboard, waitForFrame} from './helpers.js';

afterEach(cleanup);

/** Every byte of the frame is printable ASCII (or a newline): nothing beyond 0x7e, no control. */
function expectAsciiOnly(frame: string, where: string) {
  const bad = [...frame].find((char) => char !== '\n' && (char < ' ' || char > '~'));
  expect(bad, `${where}: ${JSON.stringify(bad)} in\n${frame}`).toBeUndefined();
}

type Driver = ReturnType<typeof renderDashboard>;

/** Presses a key and waits until the frame shows what it should; each frame on the way is scanned. */
async function press(
  driver: Driver,
  key: string,
  shows: (frame: string) => boolean,
  where: string,
) {
  driver.stdin.write(key);
  const frame = await waitForFrame(driver.lastFrame, shows);
  expectAsciiOnly(frame, where);
  return frame;
}

const sizes = [
  {columns: 100, rows: 30},
  {columns: 80, rows: 24},
];

describe('--ascii prints only ASCII', () => {
  it.each(sizes)('every panel, view and overlay at $columns×$rows', async (size) => {
    const driver = renderDashboard({look: {lang: 'en', ascii: true, color: false}, size});
    expectAsciiOnly(await waitForFrame(driver.lastFrame, (f) => f.includes('by zone')), 'start');
    await press(driver, '?', (f) => f.includes('Esc or ? closes'), 'help');
    await press(driver, '?', (f) => !f.includes('Esc or ? closes'), 'help closed');
    await press(driver, '3', (f) => f.includes('by service'), 'by service');
    await press(driver, keys.down, (f) => f.includes('Impact, GSLB shop-gslb'), 'on the GSLB');
    const onGslb = driver.lastFrame();
    await press(driver, 'o', (f) => f !== onGslb, 'failover');
    await press(driver, 'R', (f) => /restored|nothing simulated/.test(f), 'restored');
    await press(driver, '1', (f) => f.includes('by zone'), 'by zone');
    await press(driver, 'x', (f) => f.includes('simulated failure'), 'failed');
    await press(driver, 's', (f) => f.includes('sweep'), 'sweep');
    await press(driver, 'a', (f) => f.includes('vailab'), 'availability');
    await press(driver, keys.escape, (f) => !f.includes('vailab'), 'panel closed');
    await press(driver, '2', (f) => f.includes('by account'), 'by account');
    await press(driver, '3', (f) => f.includes('by service'), 'by service');
    await press(driver, '/', (f) => f.includes('Esc clears'), 'filter');
    await press(driver, 'w', (f) => f.includes('/w_'), 'filter typed');
    await press(driver, keys.escape, (f) => !f.includes('Esc clears'), 'filter cleared');
    await press(driver, 'R', (f) => f.includes('by service') && !f.includes('sim !'), 'restored');
  });

  it('the demo, every step, Korean labels in the topology left out', async () => {
    const steps = demoScript(demoModel());
    const driver = renderDashboard({
      look: {lang: 'en', ascii: true, color: false},
      demo: {steps, dwellMs: 3_600_000},
    });
    expectAsciiOnly(await waitForFrame(driver.lastFrame, (f) => f.includes('[1/7]')), 'step 1');
    for (let step = 2; step <= steps.length; step++)
      await press(driver, keys.right, (f) => f.includes(`[${step}/7]`), `step ${step}`);
  });
});

describe('hostile text in a topology draws harmlessly', () => {
  const file = 'test/fixtures/hostile/labels.yaml';
  const loaded = parseTopology(readFileSync(file, 'utf8'), file);
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('\n'));

  it('a label and a name with escape sequences and a newline show escaped, rows intact', async () => {
    const driver = renderDashboard({model: loaded.model});
    const frame = await waitForFrame(driver.lastFrame, (f) => f.includes('by zone'));
    // eslint-disable-next-line no-control-regex
    expect(frame).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(frame).toContain('shop\\e[31m-prod');
    // One row for the zone, its label escaped (and cut to the column), the next row its own.
    expect(frame).toContain('│›▾ ● KR-CA  v1\\e[2J\\e]0;pwned\\x0…   1500');
    expect(frame).toContain('│   ▾ ● shop-main/KR-CA              1250');
    expectFrameShape(frame, 100, 30);
  });
});
