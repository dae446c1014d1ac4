import {describe, expect, it} from 'vitest';
import {parseTopology} from '../../source/core/load.js';
import {likelyCause, type Observation} from '../../source/core/likely-cause.js';
import type {Model} from '../../source/core/model.js';
import {propagate} from '../../source/core/propagate.js';

/**
 * Two zones A and B; accounts acct and other (one group). Behind router acct/A: v1..v4 and lbR
 * (runsOn: router, over v3); behind acct/B: v5; behind other/A: w1. lbA runs on zone A over v1,
 * v2. Default availabilities: vm 0.999, router 0.9995, lb 0.9995, zone and account 0.9999, so a
 * VM (odds 0.001) is likelier than a router (0.0005), likelier than a zone or account (0.0001).
 */
const twoZones = `
version: 1
name: two-zones
zones: [{id: A}, {id: B}]
accounts: [{id: acct, group: g}, {id: other, group: g}]
vms:
  - {id: v1, account: acct, zone: A, capacity: 100}
  - {id: v2, account: acct, zone: A, capacity: 100}
  - {id: v3, account: acct, zone: A, capacity: 100}
  - {id: v4, account: acct, zone: A, capacity: 100}
  - {id: v5, account: acct, zone: B, capacity: 100}
  - {id: w1, account: other, zone: A, capacity: 100}
loadBalancers:
  - {id: lbA, account: acct, zone: A, members: [v1, v2]}
  - {id: lbR, account: acct, zone: A, runsOn: router, members: [v3]}
services:
  - {id: web, demand: 200, entry: lbA}
`;

function model(text: string): Model {
  const result = parseTopology(text, 'test.yaml');
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.model;
}

const m = model(twoZones);

function observe(
  down: string[],
  up: string[] = [],
  unknown: string[] = [],
): Map<string, Observation> {
  const seen = new Map<string, Observation>();
  for (const id of up) seen.set(id, 'up');
  for (const id of unknown) seen.set(id, 'unknown');
  for (const id of down) seen.set(id, 'down');
  return seen;
}

/** Every failable-or-not component observed: the closure of `failed` down, the rest up. */
function closure(target: Model, failed: string[]): Map<string, Observation> {
  const down = propagate(target, failed);
  const seen = new Map<string, Observation>();
  for (const id of target.components.keys())
    if (target.components.get(id)!.kind !== 'service') seen.set(id, down.has(id) ? 'down' : 'up');
  return seen;
}

const sets = (answer: ReturnType<typeof likelyCause>) => answer.explanations.map((e) => e.failed);

describe('likelyCause on hand-made cases', () => {
  it('three VMs down while their sibling is up: the VMs, not their router', () => {
    // v4 up spoils acct/A (it would take v4), zone A and account acct (they contain acct/A).
    // Each of v1, v2, v3 is then explained only by itself: the one answer is all three.
    const answer = likelyCause(m, observe(['v1', 'v2', 'v3'], ['v4']));
    expect(sets(answer)).toEqual([['v1', 'v2', 'v3']]);
    expect(answer.explanations[0]).toMatchObject({explains: 3, unexplained: []});
    // 0.001³ = 1e-9
    expect(answer.explanations[0]!.probability).toBeCloseTo(1e-9, 15);
    expect(answer.exact).toBe(true);
    // No single failure explains all three: each VM explains one, ranked by id.
    expect(answer.partial.map((e) => [e.failed, e.explains, e.unexplained])).toEqual([
      [['v1'], 1, ['v2', 'v3']],
      [['v2'], 1, ['v1', 'v3']],
      [['v3'], 1, ['v1', 'v2']],
    ]);
  });

  it('the same VMs with the sibling unknown: the router explains them, being likelier than zone or account', () => {
    // Unknown is no evidence: acct/A, zone A and account acct each explain all three.
    // Odds: router 0.0005 > zone 0.0001 = account 0.0001 (tie broken by id: "A" < "acct").
    const answer = likelyCause(m, observe(['v1', 'v2', 'v3'], [], ['v4']));
    expect(sets(answer)).toEqual([['acct/A'], ['A'], ['acct']]);
    expect(answer.partial).toEqual([]);
  });

  it('a zone observed down with all else up: the zone alone', () => {
    // Zone A's closure: A, acct/A, other/A, v1-v4, w1, lbA, lbR (10). Account acct is spoiled by
    // v5 (up, in B); other/A and acct/A by nothing, but each misses lbA and the other router.
    const answer = likelyCause(m, closure(m, ['A']));
    expect(answer.observedDown).toBe(10);
    expect(sets(answer)).toEqual([['A']]);
    expect(answer.explanations[0]).toMatchObject({explains: 10, unexplained: []});
    expect(answer.unexplainable).toEqual([]);
  });

  it('a zone and a VM of the other zone: both, widest first, with the zone as the best lead', () => {
    // v5 down with its router acct/B up: only v5 explains v5 (forced). Zone A explains the 10 others.
    const answer = likelyCause(m, closure(m, ['A', 'v5']));
    expect(sets(answer)).toEqual([['A', 'v5']]);
    expect(answer.explanations[0]!.explains).toBe(11);
    expect(answer.partial[0]).toMatchObject({failed: ['A'], explains: 10, unexplained: ['v5']});
  });

  it('one VM down and nothing else observed: every container is as small, the VM likeliest', () => {
    // Size 1 each; odds v1 0.001, acct/A 0.0005, A and acct 0.0001.
    const answer = likelyCause(m, observe(['v1']));
    expect(sets(answer)).toEqual([['v1'], ['acct/A'], ['A'], ['acct']]);
    expect(likelyCause(m, observe(['v1']), {limit: 2}).explanations).toHaveLength(2);
  });

  it('a router down while a VM behind it is up cannot be explained, and is left by every answer', () => {
    // acct/A down but v1 up: acct/A, A and acct would all take v1; a router is not its own
    // blast radius minus v1. v2 down is explained by v2 only (its containers are spoiled by v1).
    const answer = likelyCause(m, observe(['acct/A', 'v2'], ['v1']));
    expect(answer.unexplainable).toEqual(['acct/A']);
    expect(sets(answer)).toEqual([['v2']]);
    expect(answer.explanations[0]).toMatchObject({explains: 1, unexplained: ['acct/A']});
  });

  it('a router LB goes down with its router; a zone LB does not go down with its account', () => {
    // lbR down with acct/A unknown: lbR, acct/A, A, acct explain it (odds 0.0005, 0.0005, …):
    // lbR and acct/A tie on odds, "acct/A" < "lbR".
    expect(sets(likelyCause(m, observe(['lbR'])))).toEqual([['acct/A'], ['lbR'], ['A'], ['acct']]);
    // lbA runs on zone A: only lbA and A explain it.
    expect(sets(likelyCause(m, observe(['lbA'])))).toEqual([['lbA'], ['A']]);
  });

  it('nothing observed down: no explanation, nothing unexplained', () => {
    const answer = likelyCause(m, observe([], ['v1']));
    expect(answer).toMatchObject({observedDown: 0, explanations: [], partial: [], exact: true});
  });

  it('past its bound the search gives one greedy cover, marked inexact', () => {
    // Five VMs, each alone in its own zone and account: nothing is shared, so five failures are
    // needed, more than the exact search's 4 beyond forced ones (none forced: each VM has 4
    // explainers). Greedy takes the likeliest explainer of each, the VM (0.001).
    const zones = [1, 2, 3, 4, 5];
    const apart = model(
      [
        'version: 1',
        `zones: [${zones.map((z) => `{id: Z${z}}`).join(', ')}]`,
        `accounts: [${zones.map((z) => `{id: a${z}}`).join(', ')}]`,
        'vms:',
        ...zones.map((z) => `  - {id: x${z}, account: a${z}, zone: Z${z}, capacity: 1}`),
        '',
      ].join('\n'),
    );
    const answer = likelyCause(apart, observe(['x1', 'x2', 'x3', 'x4', 'x5']));
    expect(answer.exact).toBe(false);
    expect(sets(answer)).toEqual([['x1', 'x2', 'x3', 'x4', 'x5']]);
    expect(answer.explanations[0]!.explains).toBe(5);
  });
});
