import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {columnOf, expectFrameShape} from './frames.js';
import {renderDashboard, waitForFrame} from './helpers.js';

afterEach(cleanup);

/* eslint-disable no-control-regex */
const colourCodes = /\u001B\[(3\d|4\d|9\d|10\d)(;\d+)*m/;

describe('the dashboard in other terminals', () => {
  it('fits 80×24: 23 lines, nothing wider than 80 columns', async () => {
    const {lastFrame, stdin} = renderDashboard({size: {columns: 80, rows: 24}});
    await waitForFrame(lastFrame, (f) => f.includes('by zone'));
    stdin.write('x');
    const frame = await waitForFrame(lastFrame, (f) => f.includes('simulated failure'));
    expectFrameShape(frame, 80, 24);
    expect(frame).toContain(
      '┌ Topology · by zone ────────────────┐┌ Impact · zone KR-CA ───────────────────┐',
    );
    // Now, and if KR-CA came back; the status is the one now.
    expect(frame).toContain('││ shop-web     1000   0    1000 DOWN     │');
    expect(frame).toContain('│   ●  idc-guro');
  }, 10_000);

  it('fits 80×24 on the first screen too, footer keys that fit and help and quit last', async () => {
    const {lastFrame} = renderDashboard({size: {columns: 80, rows: 24}});
    const frame = await waitForFrame(lastFrame, (f) => f.includes('by zone'));
    expectFrameShape(frame, 80, 24);
    expect(frame.split('\n')[22]).toBe(
      ' ↑↓ move  ←→ fold  Tab focus  x fail  v view  / filter  s sweep  ? help  q quit',
    );
    await expect(frame).toMatchFileSnapshot('../snapshots/zone-view-80x24.txt');
  });

  it('draws plain ASCII with --ascii: no box drawing, no symbols, Korean labels left out', async () => {
    const {lastFrame, stdin} = renderDashboard({
      look: {lang: 'en', ascii: true, color: false},
      size: {columns: 80, rows: 24},
    });
    await waitForFrame(lastFrame, (f) => f.includes('by zone'));
    stdin.write('x');
    const frame = await waitForFrame(lastFrame, (f) => f.includes('simulated failure'));
    expect(frame).toMatch(/^[\x20-\x7e\n]*$/);
    expect(frame).toContain(
      '+ Topology, by zone -----------------++ Impact, zone KR-CA --------------------+',
    );
    expect(frame).toContain(
      '|>- ! KR-CA            0/1500 sim    ||! failed (simulated), r restores        |',
    );
    expect(frame).toContain('|     o db-2           (1000) standby||');
    expect(frame.split('\n').at(-1)).toBe(
      ' j/k move  Tab focus  x fail  r restore  o failover  p plan  ? help  q quit',
    );
    await expect(frame).toMatchFileSnapshot('../snapshots/zone-failed-ascii-80x24.txt');
  });

  it('without colour, every state still reads as a word', async () => {
    const {lastFrame, stdin} = renderDashboard({look: {lang: 'en', ascii: false, color: false}});
    await waitForFrame(lastFrame, (f) => f.includes('by zone'));
    stdin.write('x');
    const frame = await waitForFrame(lastFrame, (f) => f.includes('simulated failure'));
    expect(frame).not.toMatch(colourCodes);
    for (const word of ['sim', '(zone)', 'standby', 'DOWN', 'OK', 'no healthy target'])
      expect(frame).toContain(word);
  });

  it('in Korean, labels and statuses are Korean and wide text keeps the columns aligned', async () => {
    const {lastFrame, stdin} = renderDashboard({look: {lang: 'ko', ascii: false, color: false}});
    await waitForFrame(lastFrame, (f) => f.includes('토폴로지'));
    stdin.write('x');
    const frame = await waitForFrame(lastFrame, (f) => f.includes('모의 ⚡ 존 KR-CA'));
    expectFrameShape(frame, 100, 30);
    expect(frame).toContain('┌ 토폴로지 · 존별');
    expect(frame).toContain('┌ 영향 · 존 KR-CA');
    expect(frame).toContain('함께 장애: 라우터 2개 · VM 3개 · LB 1개');
    expect(frame).toContain(' 서비스     수요 현재 복구 시 상태');
    expect(frame).toContain(' shop-web   1000    0    1000 중단');
    expect(frame).toContain(' shop-admin   50   50      50 정상');
    // Status words and numbers start in the same column on every row, whatever the width of the text before.
    const status = columnOf(frame, ' shop-web   1000', '중단');
    expect(columnOf(frame, ' shop-admin   50', '정상')).toBe(status);
    expect(frame).toContain('GSLB shop-gslb 약 60초 뒤 트래픽 전환: 그때까지');
    expect(columnOf(frame, ' 서비스     수요', '상태')).toBe(status);
    expect(columnOf(frame, '중부 A', '0/1500')).toBe(columnOf(frame, 'shop-main/KR-CA', '0/1250'));
    expect(frame.split('\n').at(-1)).toBe(
      ' ↑↓ 이동  ←→ 접기  Tab 포커스  x 장애  r 복구  o 페일오버  v 보기  / 필터  p 계획  ? 도움말  q 종료',
    );
    await expect(frame).toMatchFileSnapshot('../snapshots/zone-failed-ko-100x30.txt');
  });

  it('in Korean, a failover says what it did in Korean', async () => {
    const {lastFrame, stdin} = renderDashboard({look: {lang: 'ko', ascii: false, color: false}});
    await waitForFrame(lastFrame, (f) => f.includes('토폴로지'));
    stdin.write('x');
    await waitForFrame(lastFrame, (f) => f.includes('모의 ⚡ 존 KR-CA'));
    stdin.write('3');
    await waitForFrame(lastFrame, (f) => f.includes('서비스별'));
    for (let i = 0; i < 10; i++) stdin.write('j');
    await waitForFrame(lastFrame, (f) => f.includes('서비스 shop-db'));
    stdin.write('o');
    const frame = await waitForFrame(lastFrame, (f) =>
      f.includes('페일오버: db-2 승격; 현재 shop-web 500, shop-db 1000'),
    );
    expect(frame).toContain(' shop-web   1000  500  500');
  });

  it('read-only: x and o are off, the footer leaves them out and x says why', async () => {
    const {lastFrame, stdin} = renderDashboard({readOnly: true});
    await waitForFrame(lastFrame, (f) => f.includes('by zone'));
    stdin.write('x');
    const frame = await waitForFrame(lastFrame, (f) => f.includes('read-only (--read-only)'));
    expect(frame).toContain(' read-only (--read-only): simulating and failover are off');
    expect(frame.split('\n')[0]).toContain('[read-only]');
    expect(frame).not.toContain('x fail');
    expect(frame).not.toContain('o failover');
    expect(frame).not.toContain('⚡');
  });

  it('shows the first warning of the topology file on the message line', async () => {
    const warnings = ['fixtures/x.yaml:40:5: db-gslb checks lb-db with tcp (warning)'];
    const {lastFrame} = renderDashboard({warnings});
    const frame = await waitForFrame(lastFrame, (f) => f.includes('by zone'));
    expect(frame).toContain(
      ' 1 warning(s) in the topology file: fixtures/x.yaml:40:5: db-gslb checks lb-db',
    );
  });

  it('says plainly when the terminal is too small', async () => {
    const {lastFrame} = renderDashboard({size: {columns: 50, rows: 10}});
    const frame = await waitForFrame(lastFrame, (f) => f.length > 0);
    expect(frame).toBe('terminal too small: failsight needs 60×16, this one is 50×10');
  });
});
