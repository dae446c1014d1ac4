import {cleanup} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {LiveUpdate} from '../../source/shared/types.js';
import {channel, fixedNow, renderDashboard, waitForFrame} from './helpers.js';

afterEach(() => cleanup());

/** The right panel's rows of a frame: from where the tree's right border meets its left one. */
const rightPanel = (frame: string) =>
  frame
    .split('\n')
    .slice(1, 12)
    .map((line) => line.slice(/│┃|┐┏|┘┗|\|\||\+\+/.exec(line)!.index + 1));

/**
 * A four-minute incident at 80×24: KR-CA observed down at +1 min, db-2 promoted (o) at +2 min,
 * KR-CA back at +3 min, the timeline opened at +4 min. The panel is 42 columns wide, 40 inside:
 * 4 minutes over 40 columns is 6 s a column, so the moments fall at columns 10, 20 and 30.
 */
async function incident(look: {lang: 'en' | 'ko'; ascii: boolean}) {
  let clock = fixedNow;
  const live = channel<LiveUpdate>();
  const rendered = renderDashboard({
    size: {columns: 80, rows: 24},
    look: {...look, color: false},
    now: () => clock,
    live: true,
    updates: live.iterable,
  });
  const {lastFrame, stdin} = rendered;
  await waitForFrame(lastFrame, (f) => f.includes('KR-CA'));
  const observed = (down: Array<[string, string]>) =>
    live.push({type: 'observed', source: 'alertmanager', observed: new Map(down), at: clock});
  clock += 60_000;
  observed([['KR-CA', 'ZonePowerLoss']]);
  await waitForFrame(lastFrame, (f) => /ZonePowerLoss\) [—-] /.test(f));
  clock += 60_000;
  // The last row is idc-guro; db-2 is the row above it.
  stdin.write('G');
  await waitForFrame(lastFrame, (f) => /[›>] +\S+ idc-guro/.test(f));
  stdin.write('k');
  await waitForFrame(lastFrame, (f) => /[›>] +\S+ db-2/.test(f));
  stdin.write('o');
  await waitForFrame(lastFrame, (f) => f.includes('db-2') && /promote|승격/.test(f));
  clock += 60_000;
  observed([]);
  await waitForFrame(lastFrame, (f) => /KR-CA (up|복구)/.test(f));
  clock += 60_000;
  stdin.write('t');
  return waitForFrame(lastFrame, (f) => /Timeline|타임라인/.test(f) && f.includes('14:07:22'));
}

describe('the timeline pane (t)', () => {
  it('draws each service over the session with its changes and actions, at 80×24', async () => {
    const frame = await incident({lang: 'en', ascii: false});
    // shop-web: 1000 of 1000 (█), nothing while KR-CA is down (▁), 500 of 1000 from lb-cb alone
    // once shop-db is back (round(0.5 × 7) = 4: ▅), all of it again when KR-CA returns.
    // shop-db: down with db-1 in KR-CA until db-2 is promoted, then whole.
    expect(rightPanel(frame)).toEqual([
      '┏ Timeline ━━━━━━━━━━━━━━━━━━━━━━━━━ 1/3 ┓',
      '┃          ▲         ◆         ▲         ┃',
      '┃shop-web 1000/1000 OK                   ┃',
      '┃██████████▁▁▁▁▁▁▁▁▁▁▅▅▅▅▅▅▅▅▅▅██████████┃',
      '┃shop-db 1000/1000 OK                    ┃',
      '┃██████████▁▁▁▁▁▁▁▁▁▁████████████████████┃',
      '┃shop-admin 50/50 OK                     ┃',
      '┃████████████████████████████████████████┃',
      '┃14:03:22                        14:07:22┃',
      '┃▲ change  ◆ action                      ┃',
      '┃                                        ┃',
    ]);
  });

  it('in plain ASCII', async () => {
    const frame = await incident({lang: 'en', ascii: true});
    expect(rightPanel(frame).slice(0, 10)).toEqual([
      '+ Timeline ========================= 1/3 +',
      '|          ^         *         ^         |',
      '|shop-web 1000/1000 OK                   |',
      '|##########__________==========##########|',
      '|shop-db 1000/1000 OK                    |',
      '|##########__________####################|',
      '|shop-admin 50/50 OK                     |',
      '|########################################|',
      '|14:03:22                        14:07:22|',
      '|^ change  * action                      |',
    ]);
  });

  it('in Korean', async () => {
    const frame = await incident({lang: 'ko', ascii: false});
    const panel = rightPanel(frame);
    expect(panel[0]).toMatch(/^┏ 타임라인 ━+ 1\/3 ┓$/);
    expect(panel[2]).toBe('┃shop-web 1000/1000 정상                 ┃');
    expect(panel[3]).toBe('┃██████████▁▁▁▁▁▁▁▁▁▁▅▅▅▅▅▅▅▅▅▅██████████┃');
    expect(panel[9]).toBe('┃▲ 변화  ◆ 조치                          ┃');
  });
});
