import {describe, expect, it} from 'vitest';
import {renderDashboard, waitForFrame} from './helpers.js';

const enter = '\r';
const tab = '\t';
const up = '\u001B[A';
const escape = '\u001B';

/** Sends keys one read at a time, letting the screen draw between them. */
async function press(stdin: {write: (data: string) => void}, ...keys: string[]) {
  for (const key of keys) {
    stdin.write(key);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the : command line', () => {
  it('fails a component by id, as x does', async () => {
    const {stdin, lastFrame} = renderDashboard();
    await press(stdin, ':', 'fail KR-CA', enter);
    const frame = await waitForFrame(lastFrame, (f) =>
      f.includes('simulated failure of zone KR-CA'),
    );
    expect(frame).toContain('⚡ KR-CA');
  });

  it('says the nearest command to an unknown one', async () => {
    const {stdin, lastFrame} = renderDashboard();
    await press(stdin, ':', 'fial', enter);
    await waitForFrame(lastFrame, (f) => f.includes('no command ":fial" (did you mean ":fail"?)'));
  });

  it('completes commands and ids with Tab, recalls with ↑, leaves with Esc', async () => {
    const {stdin, lastFrame} = renderDashboard();
    await press(stdin, ':', 'fa', tab);
    // fail and failover share "fail": Tab completes that far and lists both.
    await waitForFrame(lastFrame, (f) => /^:fail +fail failover/m.test(f));
    await press(stdin, ' KR-C', tab);
    // KR-CA and KR-CB share "KR-C": nothing to add, so Tab steps to the first.
    await waitForFrame(lastFrame, (f) => /^:fail KR-CA +KR-CA KR-CB/m.test(f));
    await press(stdin, escape);
    await waitForFrame(lastFrame, (f) => !/^:fail/m.test(f));
    await press(stdin, ':', 'down', enter, ':', up);
    await waitForFrame(lastFrame, (f) => /^:down/m.test(f));
  });

  it('is refused in read-only mode with the same reason as x', async () => {
    const {stdin, lastFrame} = renderDashboard({readOnly: true});
    await press(stdin, ':', 'fail KR-CA', enter);
    await waitForFrame(lastFrame, (f) => f.includes('read-only (--read-only)'));
    expect(lastFrame()).not.toContain('⚡');
  });
});

describe('a command typed faster than it is read', () => {
  it("runs from one read, and the keys after it are the dashboard's again", async () => {
    const {stdin, lastFrame} = renderDashboard();
    await press(stdin, ':fial\r');
    await waitForFrame(lastFrame, (f) => f.includes('no command ":fial"'));
    await press(stdin, ':svc shop-web\r');
    await waitForFrame(lastFrame, (f) => f.includes('Topology · by service'));
  });
});

describe('the help', () => {
  it('names the command of every key beside it when the screen has room', async () => {
    const {stdin, lastFrame} = renderDashboard({size: {columns: 160, rows: 50}});
    await waitForFrame(lastFrame, (f) => f.includes('Topology · by zone'));
    await press(stdin, '?');
    const help = await waitForFrame(lastFrame, (f) => f.includes('┌ Keys'));
    expect(help).toContain('simulate its failure :fail');
    expect(help).toContain('undo last action :undo');
    expect(help).toContain('quit :q');
  });
});
