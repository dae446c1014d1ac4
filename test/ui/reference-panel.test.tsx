// The dashboard held to the independent reference (test/support/reference) on a few random
// topologies: the header's health summary and "one failure from DOWN", and the impact panel's
// preview of failing the selected zone — every service's would-be served amount and status,
// what goes down with it, and the count above that list.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {modelAndReference} from '../support/reference/random.js';
import {nothingFailed, type Reference, type RefEvaluation} from '../support/reference/semantics.js';
import {renderDashboard, waitForFrame} from './helpers.js';

const drawn = fc.sample(modelAndReference({maxUnits: 14, groups: false}), 8);

/** The right panel's text on each line of the frame. */
const rightPanel = (frame: string) =>
  frame.split('\n').map((line) => line.split('││')[1]?.replace(/│$/, '') ?? '');

function summary(evaluation: RefEvaluation): string {
  const count = (status: string) =>
    [...evaluation.status.values()].filter((s) => s === status).length;
  return `${count('DOWN')} DOWN · ${count('DEGRADED')} DEGRADED · ${count('OK')} OK`;
}

function oneFailureFromDown(reference: Reference): number {
  return [...reference.sweep(nothingFailed).values()].filter((s) => s.spof.size > 0).length;
}

describe('the dashboard agrees with the reference', () => {
  it.each(drawn.map((d, i) => ({...d, i})))('topology $i', async ({model, reference, topology}) => {
    const driver = renderDashboard({model, size: {columns: 140, rows: 50}});
    const zone = topology.zones[0]!.id;
    const frame = await waitForFrame(driver.lastFrame, (f) => f.includes(`Impact · zone ${zone}`));
    const header = frame.split('\n')[0]!;
    expect(header).toContain(summary(reference.evaluate(nothingFailed)));
    const weak = oneFailureFromDown(reference);
    if (weak > 0) expect(header).toContain(`⚠ ${weak} one failure from DOWN`);
    else expect(header).not.toContain('one failure from DOWN');

    const panel = rightPanel(frame);
    const after = reference.evaluate({...nothingFailed, failed: new Set([zone])});
    const before = reference.evaluate(nothingFailed);
    for (const service of topology.services) {
      const row = panel.find((line) => line.startsWith(` ${service.id} `));
      expect(row, service.id).toBeDefined();
      const [, demand, was, wouldBe, status] = row!.trim().split(/\s+/);
      expect(Number(demand)).toBe(service.demand);
      // Amounts are drawn whole.
      expect(Math.abs(Number(was) - before.served.get(service.id)!)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(Number(wouldBe) - after.served.get(service.id)!)).toBeLessThanOrEqual(0.5);
      expect(status, service.id).toBe(after.status.get(service.id));
    }
    // What would go down with it: every component the reference takes down, the zone aside.
    const start = panel.findIndex((line) => line.startsWith('would go down with it:'));
    const down = [...after.down].filter((id) => id !== zone);
    const listed =
      start < 0
        ? []
        : panel
            .slice(start + 1)
            .filter((line) => line.startsWith(' ◐ '))
            .map((line) => line.trim().split(/\s+/)[2]!);
    expect(listed.sort()).toEqual(down.sort());
    // The count above it is counted from that list.
    const kinds = (kind: string) => down.filter((id) => reference.kindOf.get(id) === kind).length;
    const counted = [
      ['router', 'routers'],
      ['VM', 'VMs'],
      ['LB', 'LBs'],
    ]
      .map(([one, many], i) => {
        const n = kinds(['router', 'vm', 'lb'][i]!);
        return n === 0 ? '' : `${n} ${n === 1 ? one : many}`;
      })
      .filter(Boolean)
      .join(' · ');
    if (down.length > 0) expect(panel.join('\n')).toContain(`fails with it: ${counted}`);
    driver.unmount();
  });
});
