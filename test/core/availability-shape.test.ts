import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {availabilityShape} from '../../source/core/availability-shape.js';
import {layoutOf} from '../../source/core/model-layout.js';
import {availability} from '../../source/core/availability.js';
import type {Model, Service} from '../../source/core/model.js';
import {generateModel} from '../../bench/generate.js';
import {randomModel} from '../support/random-topology.js';

const upOf = () => 0.999;

describe('services built alike share one availability estimate', () => {
  it('the estimate remembered for a shape is the one computed afresh, on random topologies', () => {
    fc.assert(
      fc.property(randomModel({maxFailable: 14}), fc.boolean(), (model, includeGslb) => {
        // All services of one model copy share the memo; each fresh copy computes its own.
        const shared = {...model};
        for (const service of model.services) {
          const alone = availability({...model}, service.id, {includeGslb});
          expect(availability(shared, service.id, {includeGslb})).toEqual(alone);
        }
      }),
      {numRuns: 200},
    );
  });

  it('two services of the generated shape have one shape; a changed capacity makes another', () => {
    const model = generateModel({vms: 640});
    const service = (id: string) => model.components.get(id) as Service;
    // svc1 and svc2 are both round-robin (svc0 and svc3 fail over).
    const first = availabilityShape(model, service('svc1'), upOf);
    expect(availabilityShape(model, service('svc2'), upOf)).toEqual(first);
    expect(availabilityShape(model, service('svc0'), upOf)).not.toEqual(first);
    const vm = model.components.get('vm2-1-3')!;
    const changed: Model = {
      ...model,
      components: new Map([...model.components, ['vm2-1-3', {...vm, capacity: 99} as typeof vm]]),
    };
    expect(availabilityShape(changed, service('svc2'), upOf)).not.toEqual(first);
  });

  it('is the same whether components are named by id or by the layout a sweep has built', () => {
    fc.assert(
      fc.property(randomModel({maxFailable: 14}), (model) => {
        // A fresh copy has no layout: its shapes are named by id.
        const byId = model.services.map((s) => availabilityShape({...model}, s, upOf));
        layoutOf(model);
        expect(model.services.map((s) => availabilityShape(model, s, upOf))).toEqual(byId);
      }),
      {numRuns: 200},
    );
    const generated = generateModel({vms: 640});
    const byId = generated.services.map((s) => availabilityShape({...generated}, s, upOf));
    layoutOf(generated);
    expect(generated.services.map((s) => availabilityShape(generated, s, upOf))).toEqual(byId);
  });
});
