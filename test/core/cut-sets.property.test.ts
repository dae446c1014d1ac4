import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {snapshot} from '../../source/core/analyze.js';
import {cutSets} from '../../source/core/cut-sets.js';
import {emptyState} from '../../source/core/state.js';
import {sweep} from '../../source/core/sweep.js';
import {randomModel} from '../support/random-topology.js';
import {modelWithState} from '../support/random-state.js';
import {cutSetsByEnumeration} from '../support/cut-sets-reference.js';

const runs = Number(process.env.PROPERTY_RUNS ?? 200);
const asKeys = (cuts: string[][]) => new Set(cuts.map((cut) => [...cut].sort().join('+')));

describe('minimal cut sets', () => {
  it('are every minimal set of up to three that takes a service DOWN, none missing, none extra', () => {
    fc.assert(
      fc.property(randomModel({maxFailable: 14}), fc.boolean(), (model, includeGslb) => {
        const base = snapshot(model, emptyState);
        const found = cutSets(model, base, {order: 3, includeGslb});
        const expected = cutSetsByEnumeration(model, emptyState, 3, {includeGslb});
        for (const service of model.services) {
          const cuts = found.get(service.id)!;
          expect(cuts.unlisted).toBe(0);
          expect(asKeys(cuts.cuts)).toEqual(expected.get(service.id));
          // No cut listed twice.
          expect(cuts.cuts.length).toBe(asKeys(cuts.cuts).size);
        }
      }),
      {numRuns: runs},
    );
  });

  it('count a failure group as one unit: its members fail at once, with every other unit', () => {
    const withGroups = randomModel({maxFailable: 12}).chain((model) => {
      const ids = [...model.components.values()]
        .filter((c) => c.kind !== 'service' && c.kind !== 'gslb')
        .map((c) => c.id);
      const group = fc.uniqueArray(fc.constantFrom(...ids), {minLength: 1, maxLength: 3});
      return fc
        .array(group, {minLength: 1, maxLength: 2})
        .map((groups) => ({model, groups: groups.map((members, i) => ({id: `grp${i}`, members}))}));
    });
    fc.assert(
      fc.property(withGroups, ({model, groups}) => {
        const base = snapshot(model, emptyState);
        const extraUnits = groups.map((g, i) => ({...g, kind: 'group' as const, rank: i - 10}));
        const found = cutSets(model, base, {order: 3, extraUnits});
        const expected = cutSetsByEnumeration(model, emptyState, 3, {extra: groups});
        for (const service of model.services)
          expect(asKeys(found.get(service.id)!.cuts)).toEqual(expected.get(service.id));
      }),
      {numRuns: runs},
    );
  });

  it('hold from any current state, and order 1 is the sweep’s single points of failure', () => {
    fc.assert(
      fc.property(modelWithState, ({model, state}) => {
        const base = snapshot(model, state);
        const found = cutSets(model, base, {order: 2});
        const expected = cutSetsByEnumeration(model, state, 2);
        const spofs = sweep(model, base).services;
        for (const service of model.services) {
          const cuts = found.get(service.id)!.cuts;
          expect(asKeys(cuts)).toEqual(expected.get(service.id));
          const singles = cuts.filter((cut) => cut.length === 1).map((cut) => cut[0]!);
          expect(new Set(singles)).toEqual(new Set(spofs.get(service.id)!.spof));
        }
      }),
      {numRuns: runs},
    );
  });
});
