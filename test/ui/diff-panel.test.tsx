import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {availability} from '../../source/core/availability.js';
import {analyzeSide, diffTopologies} from '../../source/core/diff.js';
import type {Model} from '../../source/core/model.js';
import type {Compare} from '../../source/shared/types.js';
import {expectFrameShape, keys} from './frames.js';
import {renderDashboard, waitForFrame} from './helpers.js';
import {loadFixture} from './reducer-helpers.js';

afterEach(cleanup);

const oldModel = loadFixture('fixtures/multi-zone.yaml');
const newModel = loadFixture('fixtures/multi-account.yaml');

function compareAgainst(old: Model): Compare {
  const options = {availabilityOf: availability};
  return {
    source: 'HEAD:topology.yaml',
    diffOf: (model) => diffTopologies(analyzeSide(old, options), analyzeSide(model, options)),
  };
}

describe('the diff panel at 100×30', () => {
  it('d lists the findings worse first, with the verdict and the counts', async () => {
    const {lastFrame, stdin} = renderDashboard({
      model: newModel,
      compare: compareAgainst(oldModel),
    });
    await waitForFrame(lastFrame, (f) => f.includes('by zone'));
    stdin.write('d');
    const frame = await waitForFrame(lastFrame, (f) => f.includes('┏ Diff '));
    expectFrameShape(frame, 100, 30);
    const right = frame.split('\n').map((line) => line.slice(50));
    expect(right[2]).toBe('┃worse: app now dies with zone KR-CA             ┃');
    expect(right[3]).toBe('┃›✖ worse  app now dies with zone KR-CA          ┃');
    expect(right[4]).toBe('┃ ✖ worse  app now dies with LB lb-app           ┃');
    expect(right[5]).toBe('┃ ✖ worse  app no longer survives one LB failure ┃');
    // up: 99.9999% (multi-zone) → 99.9397% (multi-account), as `failsight check` prints them.
    expect(right[7]).toBe('┃ ✖ worse  app up 99.9999% → 99.9397%            ┃');
    expect(frame).toContain('┃7 added · 13 removed · 2 changed                ┃');
    expect(frame).toContain('┃vs HEAD:topology.yaml                           ┃');
    // With the panel open, the footer offers d to close it again.
    expect(frame.split('\n')[28]).toContain(' d diff ');
  });

  it('Enter on a finding shows its component in the tree with its impact', async () => {
    const {lastFrame, stdin} = renderDashboard({
      model: newModel,
      compare: compareAgainst(oldModel),
    });
    await waitForFrame(lastFrame, (f) => f.includes('by zone'));
    stdin.write('d');
    await waitForFrame(lastFrame, (f) => f.includes('┏ Diff '));
    stdin.write(keys.down);
    await waitForFrame(lastFrame, (f) => f.includes('┃›✖ worse  app now dies with LB lb-app'));
    stdin.write(keys.enter);
    const frame = await waitForFrame(lastFrame, (f) => f.includes('Impact · LB lb-app'));
    expect(frame).toMatch(/│› +● lb-app +1000│/);
  });

  it('speaks Korean', async () => {
    const {lastFrame, stdin} = renderDashboard({
      model: newModel,
      compare: compareAgainst(oldModel),
      look: {lang: 'ko', ascii: false, color: false},
    });
    await waitForFrame(lastFrame, (f) => f.includes('존'));
    stdin.write('d');
    const frame = await waitForFrame(lastFrame, (f) => f.includes('┏ 비교 '));
    expect(frame).toContain('악화: app: 이제 존 KR-CA 장애로 중단');
    expect(frame).toContain('추가 7 · 삭제 13 · 변경 2');
  });
});

describe('a diff finding read whole at 80×24', () => {
  it('→ shows the selected finding wrapped, not cut; ← goes back to the list', async () => {
    const {lastFrame, stdin} = renderDashboard({
      model: newModel,
      compare: compareAgainst(oldModel),
      size: {columns: 80, rows: 24},
    });
    await waitForFrame(lastFrame, (f) => f.includes('by zone'));
    stdin.write('d');
    await waitForFrame(lastFrame, (f) => f.includes('┏ Diff '));
    // The fourth finding, which the list cuts at 80 columns ("✖ worse  app no longer…").
    stdin.write('jjj');
    stdin.write(keys.right);
    const frame = await waitForFrame(lastFrame, (f) => f.includes('Diff · app'));
    expectFrameShape(frame, 80, 24);
    const right = frame.split('\n').map((line) => line.split('│┃').at(-1) ?? '');
    expect(right[2]).toMatch(/^worse +┃$/);
    expect(right[3]).toBe('app no longer survives one zone failure ┃');
    stdin.write(keys.left);
    await waitForFrame(lastFrame, (f) => f.includes('┐┏ Diff ━'));
  });
});

describe('focus in the diff panel', () => {
  it('shows which side has the keys, and j moves the side that shows it', async () => {
    const {lastFrame, stdin} = renderDashboard({
      model: newModel,
      compare: compareAgainst(oldModel),
    });
    await waitForFrame(lastFrame, (f) => f.includes('by zone'));
    stdin.write('d');
    // Opened, the list has the keys and says so with the heavy border the impact panel uses.
    const opened = await waitForFrame(lastFrame, (f) => f.includes('┐┏ Diff ━'));
    expect(opened).toMatch(/┃›✖ worse {2}app now dies with zone KR-CA/);
    stdin.write(keys.tab);
    const tree = await waitForFrame(lastFrame, (f) => f.includes('┓┌ Diff ─'));
    expect(tree.split('\n')[1]).toMatch(/^┏ Topology/);
    // The row of the tree's cursor: the left panel's lines, the one marked ›.
    const treeCursor = (frame: string) =>
      frame.split('\n').findIndex((line) => line.startsWith('┃›'));
    const before = treeCursor(tree);
    stdin.write('j');
    // j moved the tree's cursor, not the list's, as the borders said.
    const moved = await waitForFrame(lastFrame, (f) => treeCursor(f) === before + 1);
    expect(moved).toMatch(/│›✖ worse {2}app now dies with zone KR-CA/);
    stdin.write(keys.tab);
    await waitForFrame(lastFrame, (f) => f.includes('┐┏ Diff ━'));
    stdin.write('j');
    const listed = await waitForFrame(lastFrame, (f) =>
      f.includes('┃›✖ worse  app now dies with LB lb-app'),
    );
    expect(listed.split('\n')[1]).toMatch(/^┌ Topology/);
  });
});
