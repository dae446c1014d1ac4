import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {availability} from '../../source/core/availability.js';
import {analyzeSide, diffExitCode, diffTopologies} from '../../source/core/diff.js';
import {buildModel} from '../../source/core/build-model.js';
import {randomModel} from '../support/random-topology.js';

describe('diff of a topology with itself', () => {
  it('is "same", finds nothing, changes nothing and exits 0', () => {
    fc.assert(
      fc.property(randomModel({maxFailable: 12}), fc.boolean(), (model, includeGslb) => {
        const options = {includeGslb, availabilityOf: availability};
        // Two separate loads of the same file: nothing may hang on object identity.
        const again = buildModel(model.topology);
        if (!again.ok) throw new Error('a valid topology rebuilt is invalid');
        const result = diffTopologies(
          analyzeSide(model, options),
          analyzeSide(again.model, options),
        );
        expect(result.verdict).toBe('same');
        expect(diffExitCode(result)).toBe(0);
        expect(result.findings).toEqual([]);
        expect(result.components).toEqual({added: [], removed: [], changed: [], settings: []});
        expect(result.services.every((s) => !s.changed)).toBe(true);
      }),
      {numRuns: 150},
    );
  });
});
