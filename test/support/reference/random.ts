import fc from 'fast-check';
import {buildModel} from '../../../source/core/build-model.js';
import type {Model} from '../../../source/core/model.js';
import type {Topology} from '../../../source/core/schema.js';
import {randomTopology} from '../random-topology.js';
import {Reference} from './semantics.js';

/** The ids a failure group may hold: zones, sites, accounts, routers, VMs, LBs and GSLBs. */
function memberIds(topology: Topology): string[] {
  const routers = [...new Set(topology.vms.map((v) => `${v.account}/${v.zone}`))];
  return [
    ...topology.zones.map((z) => z.id),
    ...topology.sites.map((s) => s.id),
    ...topology.accounts.map((a) => a.id),
    ...routers,
    ...topology.vms.map((v) => v.id),
    ...topology.loadBalancers.map((l) => l.id),
    ...topology.gslbs.map((g) => g.id),
  ];
}

/** A random topology, now and then with up to two failure groups (some with an availability). */
export const topologyWithGroups: fc.Arbitrary<Topology> = randomTopology.chain((topology) => {
  const ids = memberIds(topology);
  const group = fc.record({
    members: fc.uniqueArray(fc.constantFrom(...ids), {minLength: 1, maxLength: 3}),
    availability: fc.option(fc.constantFrom(0.9, 0.99, 0.5), {nil: undefined}),
  });
  return fc.array(group, {maxLength: 2}).map((groups) => {
    if (groups.length === 0) return topology;
    return {
      ...topology,
      failureGroups: groups.map((g, i) => ({
        id: `group${i}`,
        members: g.members,
        ...(g.availability === undefined ? {} : {availability: g.availability}),
      })),
    };
  });
});

/** A valid topology with its model and reference, at most `maxUnits` failable units. */
export interface Drawn {
  topology: Topology;
  model: Model;
  reference: Reference;
}

export function modelAndReference(
  options: {maxUnits?: number; groups?: boolean} = {},
): fc.Arbitrary<Drawn> {
  const maxUnits = options.maxUnits ?? 14;
  return (options.groups === false ? randomTopology : topologyWithGroups)
    .map((topology): Drawn | null => {
      const built = buildModel(topology);
      if (!built.ok) return null;
      // A counterexample prints as its topology alone, not the model built from it.
      const shown = () => JSON.stringify(topology);
      const drawn: Drawn = {topology, model: built.model, reference: new Reference(topology)};
      return Object.assign(drawn, {[fc.toStringMethod]: shown});
    })
    .filter(
      (x): x is Drawn => x !== null && x.reference.units({includeGslb: true}).length <= maxUnits,
    );
}
