// `diff` findings held to the independent reference (test/support/reference/diff.ts): two
// random topologies share ids (z0, vm0, svc0 …), so one stands for an edit of the other.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {availability} from '../../source/core/availability.js';
import {analyzeSide, diffTopologies} from '../../source/core/diff.js';
import {referenceFindings} from '../support/reference/diff.js';
import {modelAndReference} from '../support/reference/random.js';

const kinds = new Set([
  'belowMinimum',
  'aboveMinimum',
  'spofGained',
  'spofLost',
  'toleranceLost',
  'toleranceGained',
  'zoneServedLess',
  'zoneServedMore',
]);

describe('diff agrees with the reference', () => {
  it('on every single-point, tolerance, zone and minimum finding', () => {
    let findings = 0;
    fc.assert(
      fc.property(
        modelAndReference({maxUnits: 14}),
        modelAndReference({maxUnits: 14}),
        (old, now) => {
          const options = {availabilityOf: availability};
          const diff = diffTopologies(
            analyzeSide(old.model, options),
            analyzeSide(now.model, options),
          );
          const got = new Set(
            diff.findings
              .filter((f) => kinds.has(f.kind))
              .map((f) => `${f.kind} ${f.service} ${f.failureKind ?? f.component}`),
          );
          const want = referenceFindings(old.reference, now.reference);
          expect([...got].sort()).toEqual([...want].sort());
          findings += want.size;
          // Worse when any worse finding is there; nothing better for a service left DOWN.
          if (
            [...want].some((f) =>
              /^(belowMinimum|spofGained|toleranceLost|zoneServedLess) /.test(f),
            )
          )
            expect(diff.verdict).toBe('worse');
        },
      ),
      {numRuns: Number(process.env.PROPERTY_RUNS ?? 150)},
    );
    expect(findings).toBeGreaterThan(100);
  });
});
