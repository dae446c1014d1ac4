import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {containmentOf} from '../../source/core/containment.js';
import type {Component, Model} from '../../source/core/model.js';
import {randomModel} from '../support/random-topology.js';

/**
 * The containment rules of docs/semantics.md read straight off each component's fields, with no index:
 * does `parent` failing take `child` down directly?
 */
function failsDirectlyWith(model: Model, parent: Component, child: Component): boolean {
  switch (parent.kind) {
    case 'zone':
      // A zone takes its routers and the load balancers of the zone product.
      if (child.kind === 'router') return child.zone === parent.id;
      if (child.kind === 'lb') return child.zone === parent.id && child.runsOn === 'zone';
      return false;
    case 'account':
      return child.kind === 'router' && child.account === parent.id;
    case 'router':
      if (child.kind === 'vm')
        return child.account === parent.account && child.zone === parent.zone;
      if (child.kind === 'lb')
        return (
          child.runsOn === 'router' &&
          child.account === parent.account &&
          child.zone === parent.zone
        );
      return false;
    default:
      return false;
  }
}

/** Everything reachable from `root` over the direct relation, by a plain fixed point. */
function reachable(model: Model, root: string): Set<string> {
  const all = [...model.components.values()];
  const reached = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const parent of all) {
      if (!reached.has(parent.id)) continue;
      for (const child of all)
        if (!reached.has(child.id) && failsDirectlyWith(model, parent, child)) {
          reached.add(child.id);
          grew = true;
        }
    }
  }
  return reached;
}

describe('the containment index', () => {
  it('gives every component the radius a brute-force reachability finds', () => {
    fc.assert(
      fc.property(randomModel(), (model) => {
        const index = containmentOf(model);
        for (const id of model.components.keys()) {
          const radius = index.radius(id);
          expect(new Set(radius)).toEqual(reachable(model, id));
          expect(radius.length).toBe(new Set(radius).size);
          expect(radius[0]).toBe(id);
        }
      }),
      {numRuns: Number(process.env.PROPERTY_RUNS ?? 200)},
    );
  });

  it('lists parents and children as the two ends of the same direct relation', () => {
    fc.assert(
      fc.property(randomModel(), (model) => {
        const index = containmentOf(model);
        for (const parent of model.components.values())
          for (const child of model.components.values()) {
            const direct = failsDirectlyWith(model, parent, child);
            expect(index.childrenOf(parent.id).includes(child.id)).toBe(direct);
            expect(index.parentsOf(child.id).includes(parent.id)).toBe(direct);
          }
      }),
      {numRuns: Number(process.env.PROPERTY_RUNS ?? 100)},
    );
  });

  it('lists each parent before what it holds, and is built once per model', () => {
    fc.assert(
      fc.property(randomModel(), (model) => {
        const index = containmentOf(model);
        expect(containmentOf(model)).toBe(index);
        for (const id of model.components.keys()) {
          const radius = index.radius(id);
          radius.forEach((member, at) => {
            for (const parent of index.parentsOf(member))
              if (radius.includes(parent)) expect(radius.indexOf(parent)).toBeLessThan(at);
          });
        }
      }),
      {numRuns: Number(process.env.PROPERTY_RUNS ?? 100)},
    );
  });
});
