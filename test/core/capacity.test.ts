import {describe, expect, it} from 'vitest';
import {gslbShares, type TargetState} from '../../source/core/capacity.js';
import type {Gslb} from '../../source/core/model.js';

function gslb(policy: Gslb['policy'], targets: Array<[number, number]>): Gslb {
  return {
    kind: 'gslb',
    id: 'g',
    policy,
    healthCheck: {type: 'http', intervalS: 10, threshold: 3},
    ttlS: 30,
    targets: targets.map(([priority, weight], i) => ({ref: `t${i}`, priority, weight})),
  } as Gslb;
}

const up = (n: number): TargetState[] => Array.from({length: n}, () => ({capacity: 100, up: true}));

describe('gslbShares: a weight-0 target is drained', () => {
  it('gets no share under any policy while a target of positive weight is healthy', () => {
    for (const policy of ['failover', 'round-robin', 'ratio'] as const) {
      // t0: priority 1, weight 0; t1: priority 2, weight 1.
      const g = gslb(policy, [
        [1, 0],
        [2, 1],
      ]);
      expect(gslbShares(g, 600, up(2), [true, true])).toEqual([0, 600]);
    }
  });

  it('takes traffic once no target of positive weight is healthy, split evenly', () => {
    const g = gslb('ratio', [
      [1, 0],
      [1, 0],
      [1, 2],
    ]);
    expect(gslbShares(g, 600, up(3), [true, true, false])).toEqual([300, 300, 0]);
    const failover = gslb('failover', [
      [2, 0],
      [1, 0],
      [1, 2],
    ]);
    expect(gslbShares(failover, 600, up(3), [true, true, false])).toEqual([0, 600, 0]);
  });

  it('takes all when the operator forces it', () => {
    const g = gslb('round-robin', [
      [1, 0],
      [1, 1],
    ]);
    expect(gslbShares(g, 600, up(2), [true, true], 't0')).toEqual([600, 0]);
  });

  it('leaves round-robin even and ratio by weight among targets of positive weight', () => {
    const targets: Array<[number, number]> = [
      [1, 1],
      [1, 3],
    ];
    expect(gslbShares(gslb('round-robin', targets), 600, up(2), [true, true])).toEqual([300, 300]);
    expect(gslbShares(gslb('ratio', targets), 600, up(2), [true, true])).toEqual([150, 450]);
  });
});
