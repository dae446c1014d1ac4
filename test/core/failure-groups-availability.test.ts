// A failure group that takes a service DOWN alone, where further failures bring it back up: the
// availability estimate with the group must weigh those states, not multiply by the group's
// availability.
import {describe, expect, it} from 'vitest';
import {availability} from '../../source/core/availability.js';
import {checkReport} from '../../source/core/check.js';
import {parseTopology} from '../../source/core/load.js';
import type {Model} from '../../source/core/model.js';

function load(text: string): Model {
  const loaded = parseTopology(text, 'groups.yaml');
  if (!loaded.ok) throw new Error(loaded.errors[0]?.message);
  return loaded.model;
}

// web's GSLB splits 500 evenly over lb-1 (behind a TCP check) and site-1. The group takes the
// account (and its redundant router pair), so vm-1 goes down but lb-1 stays up: the TCP check
// still sees lb-1 healthy, it takes its 250 and serves 0, and web (minimum 500) is DOWN. Fail
// lb-1 (or its zone) as well and site-1 takes all 500: web is OK again with the group down.
const topology = `
version: 1
zones: [{id: z1}]
sites: [{id: site-1, capacity: 1000}]
accounts: [{id: a1, redundantRouter: true}]
vms: [{id: vm-1, account: a1, zone: z1, capacity: 500}]
loadBalancers: [{id: lb-1, account: a1, zone: z1, members: [vm-1]}]
gslbs:
  - id: g
    policy: round-robin
    healthCheck: {type: tcp, intervalS: 10, threshold: 3}
    targets: [{ref: lb-1}, {ref: site-1}]
services: [{id: web, demand: 500, minimum: 500, entry: g}]
availability: {zone: 0.999, site: 0.9, lb: 0.99, gslb: 0.9}
failureGroups: [{id: feed, members: [a1/z1, a1], availability: 0.5}]
`;

describe('availability with a failure group a GSLB can route around', () => {
  it('counts the states where more failures bring the service back', () => {
    const web = checkReport(load(topology), {availabilityOf: availability}).services[0]!;
    expect(web.spof).toContain('feed');
    // OK (= up: the minimum is the demand) needs g up (0.9) and either
    //   lb-1 healthy — lb-1 and z1 up, L = 0.99 × 0.999 = 0.98901 — with vm-1 serving its 250
    //     or 500: vm-1, a1 and the feed up, V = 0.999 × 0.9999 × 0.5 = 0.49945005,
    //   or lb-1 not healthy (1 − L = 0.01099) and site-1 up (0.9), group or no group.
    // P = 0.9 × (0.98901 × 0.49945005 + 0.01099 × 0.9)
    //   = 0.9 × (0.4939610939505 + 0.009891) = 0.45346688455545.
    // The group's availability times the rest would give 0.5 × 0.9 × (0.98901 × 0.9989001 +
    // 0.009891) = 0.44901593455545: the state feed down, lb-1 down, site-1 up is lost.
    expect(web.availability.up).toBeCloseTo(0.45346688455545, 12);
    expect(web.availability.ok).toBeCloseTo(0.45346688455545, 12);
    expect(web.availability.exact).toBe(true);
  });

  it('multiplies by the group when no GSLB can route around it', () => {
    // Entered at lb-1 directly: with the feed down vm-1 is down and nothing brings web back.
    const direct = topology.replace('entry: g', 'entry: lb-1');
    const web = checkReport(load(direct), {availabilityOf: availability}).services[0]!;
    expect(web.spof).toContain('feed');
    // 0.5 × lb-1 0.99 × z1 0.999 × vm-1 0.999 × a1 0.9999 = 0.5 × 0.98901 × 0.9989001
    //   = 0.493961093950... (g and site-1 are not read).
    expect(web.availability.up).toBeCloseTo(0.5 * 0.98901 * 0.9989001, 12);
    expect(web.availability.exact).toBe(true);
  });
});

describe('availability with more failure groups a GSLB can route around than are combined', () => {
  it('says it is not exact', () => {
    // Four groups, each taking the account (so each alone takes web DOWN, as above): 2^4
    // combinations is past what is combined, so the figure is the product, marked approximate.
    const four = topology.replace(
      'failureGroups: [{id: feed, members: [a1/z1, a1], availability: 0.5}]',
      `failureGroups: [${[1, 2, 3, 4].map((i) => `{id: feed-${i}, members: [a1], availability: 0.9}`).join(', ')}]`,
    );
    const web = checkReport(load(four), {availabilityOf: availability}).services[0]!;
    expect(web.spof).toEqual(expect.arrayContaining(['feed-1', 'feed-2', 'feed-3', 'feed-4']));
    expect(web.availability.exact).toBe(false);
  });
});
