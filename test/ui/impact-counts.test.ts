import {describe, expect, it} from 'vitest';
import {analyze} from '../../source/ui/analysis/analysis.js';
import {subjectOf} from '../../source/ui/analysis/selection.js';
import {impactDetail} from '../../source/ui/components/impact-detail.js';
import {impactContent} from '../../source/ui/components/impact-text.js';
import {selectedNode} from '../../source/ui/state/navigation.js';
import type {DashboardState} from '../../source/ui/state/types.js';
import {themeOf} from '../../source/ui/theme.js';
import {apply, at, start, walkTo} from './reducer-helpers.js';

const theme = themeOf({lang: 'en', ascii: false, color: false});

/** The impact panel's heading and the list under it, as the panel draws them at 60 columns. */
function panelOf(state: DashboardState): {heading: string; list: string[]} {
  const analysis = analyze(state.model, state.failure, state.includeGslb);
  const subject = subjectOf(analysis, state.failure, selectedNode(state));
  const content = impactContent(subject, {
    model: state.model,
    theme,
    width: 60,
    height: 100,
    countdown: [],
  });
  const heading = content.heading.map((line) =>
    line
      .map((s) => s.text)
      .join('')
      .trim(),
  );
  const list = impactDetail(subject, state.model, analysis.snapshot, theme, 60)
    .slice(1)
    .map((line) =>
      line
        .map((s) => s.text)
        .join('')
        .trim(),
    );
  return {heading: heading.join('\n'), list};
}

/** "2 routers · 3 VMs · 1 LB" counted by hand from the list's lines (`✖ router shop-main/KR-CA`). */
function countedFrom(list: readonly string[]): string {
  const words: [string, string, string][] = [
    ['router', 'router', 'routers'],
    ['VM', 'VM', 'VMs'],
    ['LB', 'LB', 'LBs'],
  ];
  return words
    .map(([kind, one, many]) => {
      const n = list.filter((line) => line.split(' ')[1] === kind).length;
      return n === 0 ? '' : `${n} ${n === 1 ? one : many}`;
    })
    .filter(Boolean)
    .join(' · ');
}

/** KR-CA observed down by one source, its three VMs by another (as Prometheus would see them). */
function liveOutage(): DashboardState {
  const observed = new Map([
    ['KR-CA', 'ZonePowerLoss: KR-CA lost power'],
    ['web-1', 'up == 0'],
    ['db-1', 'up == 0'],
    ['web-2', 'up == 0'],
  ]);
  return apply(
    start({live: true}),
    {
      type: 'liveSource',
      update: {
        type: 'observed',
        source: 'alertmanager',
        observed: new Map([['KR-CA', observed.get('KR-CA')!]]),
        at,
      },
    },
    {
      type: 'liveSource',
      update: {
        type: 'observed',
        source: 'prometheus',
        observed: new Map([...observed].filter(([id]) => id !== 'KR-CA')),
        at,
      },
    },
  );
}

describe('the impact panel counts the list it heads', () => {
  // KR-CA holds routers shop-main/KR-CA and shop-sub/KR-CA, VMs web-1, db-1, web-2 and LB
  // lb-ca: six lines, 2 routers · 3 VMs · 1 LB.
  it('live: KR-CA observed down, its VMs also down by another source', () => {
    const onZone = panelOf(walkTo(liveOutage(), 'KR-CA'));
    expect(onZone.list).toHaveLength(6);
    expect(countedFrom(onZone.list)).toBe('2 routers · 3 VMs · 1 LB');
    expect(onZone.heading).toContain('fails with it: 2 routers · 3 VMs · 1 LB');

    const onLb = panelOf(walkTo(liveOutage(), 'lb-ca'));
    expect(onLb.list).toHaveLength(6);
    expect(onLb.heading).toContain('zone KR-CA took down: 2 routers · 3 VMs · 1 LB');
  });

  it('simulated: KR-CA and its router shop-main/KR-CA both failed', () => {
    // The router first: once KR-CA is down its router cannot fail on its own.
    let state = apply(walkTo(start(), 'shop-main/KR-CA'), {type: 'failSelected', at});
    state = apply(walkTo(state, 'KR-CA'), {type: 'failSelected', at});
    expect([...state.failure.simulated].sort()).toEqual(['KR-CA', 'shop-main/KR-CA']);
    const onZone = panelOf(walkTo(state, 'KR-CA'));
    expect(onZone.list).toHaveLength(6);
    expect(countedFrom(onZone.list)).toBe('2 routers · 3 VMs · 1 LB');
    expect(onZone.heading).toContain('fails with it: 2 routers · 3 VMs · 1 LB');
  });

  it('a preview counts what would go down, not what is down already', () => {
    // shop-main/KR-CA observed down: failing KR-CA would take shop-sub/KR-CA, web-2 and lb-ca.
    const state = apply(start({live: true}), {
      type: 'liveSource',
      update: {
        type: 'observed',
        source: 'events',
        observed: new Map([['shop-main/KR-CA', 'observed down']]),
        at,
      },
    });
    const onZone = panelOf(walkTo(state, 'KR-CA'));
    expect(onZone.list).toHaveLength(3);
    expect(countedFrom(onZone.list)).toBe('1 router · 1 VM · 1 LB');
    expect(onZone.heading).toContain('fails with it: 1 router · 1 VM · 1 LB');
  });
});
