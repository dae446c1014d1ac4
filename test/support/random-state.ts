import fc from 'fast-check';
import type {Model} from '../../source/core/model.js';
import {isFailable} from '../../source/core/propagate.js';
import type {FailureState} from '../../source/core/state.js';
import {randomModel} from './random-topology.js';

/** Up to `most` of the items (fast-check refuses a maxLength above the array's length). */
export const some = <T>(items: T[], most: number) =>
  fc.subarray(items, {maxLength: Math.min(most, items.length)});

export const failable = (model: Model, includeGslb = true) =>
  [...model.components.values()].filter((c) => isFailable(c, includeGslb)).map((c) => c.id);

/** A model with a random current state: some failures, promotions and forced GSLB targets. */
export const modelWithState = randomModel({maxFailable: 16}).chain((model) => {
  const ids = failable(model);
  const standbys = model.vms.filter((vm) => vm.role === 'standby').map((vm) => vm.id);
  const forcedChoices = model.gslbs.map((gslb) =>
    fc.option(fc.constantFrom(...gslb.targets.map((t) => t.ref)), {nil: undefined}),
  );
  return fc
    .record({
      failed: some(ids, 3),
      promoted: fc.subarray(standbys),
      forced: fc.tuple(...forcedChoices),
    })
    .map(({failed, promoted, forced}) => {
      const forcedMap = new Map<string, string>();
      forced.forEach(
        (ref, index) => ref !== undefined && forcedMap.set(model.gslbs[index]!.id, ref),
      );
      const state: FailureState = {
        observed: new Map(failed.slice(0, 1).map((id) => [id, 'probe'])),
        simulated: new Set(failed.slice(1)),
        promoted: new Set(promoted),
        forced: forcedMap,
      };
      return {model, state};
    });
});
