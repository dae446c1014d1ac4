import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {generateModel} from '../../bench/generate.js';
import {snapshot} from '../../source/core/analyze.js';
import {emptyState} from '../../source/core/state.js';
import {analyze, nominalOf} from '../../source/ui/analysis/analysis.js';
import {Dashboard} from '../../source/ui/components/dashboard.js';
import {
  LoadingScreen,
  sizeText,
  type LoadingScreenProps,
} from '../../source/ui/components/loading-screen.js';
import {warmUp} from '../../source/ui/state/init.js';
import {bigModel} from './big-model.js';
import {expectFrameShape, keys} from './frames.js';
import {demoModel, fixedNow, waitForFrame} from './helpers.js';

const file = '/srv/topologies/shop-prod.json';

function loading(props: Partial<LoadingScreenProps> = {}) {
  return (
    <LoadingScreen
      file={file}
      bytes={16_872_000}
      stage={{step: 'reading'}}
      look={{lang: 'en', ascii: false, color: false}}
      onQuit={() => {}}
      size={{columns: 100, rows: 30}}
      {...props}
    />
  );
}

describe('the loading frame', () => {
  it('names the file and its size, says what it is doing, and offers q', () => {
    const frame = render(loading()).lastFrame()!;
    expectFrameShape(frame, 100, 30);
    const lines = frame.split('\n');
    // 16,872,000 B = 16.09 MiB.
    expect(lines[0]).toBe(' failsight  /srv/topologies/shop-prod.json   16.1 MB');
    // Two panels of 50 columns, as the dashboard's at 100: the title set into the top border.
    expect(lines[1]).toBe(`┌ Topology · loading ${'─'.repeat(28)}┐┌ Impact ${'─'.repeat(40)}┐`);
    expect(lines[2]).toBe(
      `│ reading shop-prod.json (16.1\u00a0MB)…${' '.repeat(14)}││ the impact of the selection shows once the     │`,
    );
    expect(lines[3]).toBe(`│${' '.repeat(48)}││ topology is loaded${' '.repeat(29)}│`);
    expect(lines.at(-3)).toBe(`└${'─'.repeat(48)}┘└${'─'.repeat(48)}┘`);
    expect(lines.at(-1)).toBe(' q quit');
  });

  it('follows the stages of the opening', () => {
    const {lastFrame, rerender} = render(loading());
    rerender(loading({stage: {step: 'analysing', components: 107_504}}));
    expect(lastFrame()).toContain('│ analysing 107,504 components…');
    rerender(loading({stage: {step: 'drawing'}}));
    expect(lastFrame()).toContain('│ drawing the trees…');
  });

  it('speaks Korean, keeping the columns', () => {
    const frame = render(loading({look: {lang: 'ko', ascii: false, color: false}})).lastFrame()!;
    expectFrameShape(frame, 100, 30);
    expect(frame).toContain('토폴로지 · 불러오는 중');
    expect(frame).toContain('shop-prod.json 읽는 중 (16.1\u00a0MB)…');
    expect(frame.split('\n').at(-1)).toBe(' q 종료');
  });

  it('is plain ASCII on an ASCII terminal', () => {
    const frame = render(loading({look: {lang: 'en', ascii: true, color: false}})).lastFrame()!;
    // eslint-disable-next-line no-control-regex
    expect(frame).toMatch(/^[\u0000-\u007e]*$/);
    expect(frame).toContain('+ Topology - loading ---');
    expect(frame).toContain('reading shop-prod.json (16.1 MB)~');
  });

  it('fits 80×24 and says so when the terminal is too small', () => {
    const narrow = render(
      loading({size: {columns: 80, rows: 24}, file: '/srv/production-topology.json'}),
    ).lastFrame()!;
    expectFrameShape(narrow, 80, 24);
    // The panel wraps the line, the size stays whole.
    expect(narrow).toContain('│ reading production-topology.json');
    expect(narrow).toContain('│ (16.1\u00a0MB)…');
    const tiny = render(loading({size: {columns: 50, rows: 12}})).lastFrame()!;
    expect(tiny).toBe('terminal too small: failsight needs 60×16, this one is 50×12');
  });

  it('draws nothing while blank (a resize repaints the whole screen after)', () => {
    const {lastFrame, rerender} = render(loading({blank: true}));
    expect(lastFrame()).toBe('');
    rerender(loading({size: {columns: 80, rows: 24}}));
    expectFrameShape(lastFrame()!, 80, 24);
  });

  it('cuts a long path in the header to the width', () => {
    const long = `/${'very-long-directory/'.repeat(8)}topology.json`;
    const frame = render(loading({file: long})).lastFrame()!;
    expectFrameShape(frame, 100, 30);
    expect(frame.split('\n')[0]).toMatch(/^ failsight {2}\/very-long-directory.*… {3}16\.1 MB$/);
  });

  it('writes names as data: no control character reaches the terminal', () => {
    const frame = render(loading({file: 'evil\u001b[2J\u0007.json'})).lastFrame()!;
    expect(frame).not.toContain('\u001b[2J');
    expect(frame).not.toContain('\u0007');
  });

  it('quits on q with 0 and on Ctrl-C with 130; other keys do nothing', async () => {
    const codes: number[] = [];
    const {stdin, lastFrame} = render(loading({onQuit: (code) => codes.push(code)}));
    await waitForFrame(lastFrame, (frame) => frame.includes('q quit'));
    stdin.write('j');
    stdin.write('x');
    stdin.write('q');
    stdin.write(keys.ctrlC);
    await waitForFrame(lastFrame, () => codes.length === 2);
    expect(codes).toEqual([0, 130]);
  });

  it('sizes as a person reads them', () => {
    expect([sizeText(812), sizeText(98_304), sizeText(1_048_576), sizeText(16_872_000)]).toEqual([
      '812 B',
      '96 KB',
      '1.0 MB',
      '16.1 MB',
    ]);
  });
});

describe('the dashboard after the loading frame', () => {
  const look = {lang: 'en', ascii: false, color: false} as const;
  const dashboard = (model: ReturnType<typeof demoModel>) => (
    <Dashboard
      model={model}
      look={look}
      now={() => fixedNow}
      tickMs={0}
      size={{columns: 100, rows: 30}}
      onQuit={() => {}}
    />
  );

  // Each opening gets a model of its own, so nothing computed for the direct frame is reused.
  it.each([
    ['the demo', () => demoModel()],
    ['a big topology (what-if panels a frame later)', () => generateModel({vms: 20_000})],
  ])('%s: the first full frame is the one drawn without a loading frame', async (_, model) => {
    const direct = render(dashboard(model()));
    const expected = await waitForFrame(direct.lastFrame, (f) => !f.includes('computing…'));

    const opened = model();
    const {lastFrame, rerender} = render(loading());
    expect(lastFrame()).toContain('Topology · loading');
    for (const step of warmUp(opened, false)) step();
    rerender(dashboard(opened));
    const after = await waitForFrame(lastFrame, (f) => !f.includes('computing…'));
    expect(after).toBe(expected);
  });

  it('the analysis of nothing failed is the nominal snapshot, evaluated once', () => {
    const model = generateModel({vms: 1_000});
    const nominal = nominalOf(model);
    expect(analyze(model, emptyState, false).snapshot).toBe(nominal);
    const fresh = snapshot(model, emptyState);
    expect(nominal.evaluation.served).toEqual(fresh.evaluation.served);
    expect(nominal.status).toEqual(fresh.status);
    expect(nominal.down).toEqual(fresh.down);
  });

  it('warming up computes what the first frame asks for, and the same answers', () => {
    const model = bigModel(1_000);
    const cold = analyze(model, {...emptyState}, false);
    for (const step of warmUp(model, false)) step();
    const warm = analyze(model, emptyState, false);
    expect(warm.snapshot.evaluation.served).toEqual(cold.snapshot.evaluation.served);
    expect(warm.snapshot.status).toEqual(cold.snapshot.status);
    for (const zone of model.zones)
      expect(warm.capacities().of(zone.id, 'component')).toEqual(
        cold.capacities().of(zone.id, 'component'),
      );
  });
});
