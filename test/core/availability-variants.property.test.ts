import fc from 'fast-check';
import {describe, expect, it, vi} from 'vitest';
import {generateModel} from '../../bench/generate.js';
import {availability, type AvailabilityOptions} from '../../source/core/availability.js';
import {layoutOf} from '../../source/core/model-layout.js';
import {routerId, type Model} from '../../source/core/model.js';
import {some} from '../support/random-state.js';
import {randomModel} from '../support/random-topology.js';

// Every shape the estimates build, counted: a service asked what one built alike was asked
// before builds none.
const built = vi.hoisted(() => ({shapes: 0}));

vi.mock('../../source/core/availability-shape.js', async (original) => {
  const real = await original<typeof import('../../source/core/availability-shape.js')>();
  return {
    ...real,
    availabilityShape: (...args: Parameters<typeof real.availabilityShape>) => {
      built.shapes++;
      return real.availabilityShape(...args);
    },
  };
});

/** The estimate on a copy of the model, which remembers nothing of earlier calls. */
const afresh = (model: Model, serviceId: string, options: AvailabilityOptions) =>
  availability({...model}, serviceId, options);

const optionsOf = (perfect: string[], failed: string[], includeGslb: boolean) => ({
  includeGslb,
  perfect: new Set(perfect),
  failed: failed.length > 0 ? new Set(failed) : undefined,
});

describe('availability with components made perfect or failed', () => {
  it('is the estimate computed afresh, on random topologies and random sets', () => {
    const asked = randomModel({maxFailable: 14}).chain((model) => {
      // Any component, and one the model lacks: failed or perfect, met by the service or not.
      const ids = [...model.components.keys(), 'absent'];
      const question = fc.record({perfect: some(ids, 3), failed: some(ids, 3)});
      return fc.tuple(fc.constant(model), fc.array(question, {maxLength: 6}), fc.boolean());
    });
    fc.assert(
      fc.property(asked, ([model, questions, laidOut]) => {
        const shared = {...model};
        if (laidOut) layoutOf(shared);
        for (const {perfect, failed} of questions)
          for (const service of model.services)
            for (const includeGslb of [false, true]) {
              const options = optionsOf(perfect, failed, includeGslb);
              expect(availability(shared, service.id, options)).toEqual(
                afresh(model, service.id, options),
              );
            }
      }),
      {numRuns: 200},
    );
  });

  it('builds no shape for a service asked what one built alike was asked, and answers as afresh', () => {
    const model = generateModel({vms: 2000});
    const services = model.services.length;
    const zones = model.zones.map((zone) => zone.id);
    // The same part in each service s: its VMs, load balancers, GSLB, accounts and routers, the
    // zones all share, the service itself, and a VM of another service, which it never meets.
    const parts: Array<(s: number) => string> = [
      (s) => `svc${s}`,
      (s) => `gslb${s}`,
      (s) => `svc${s}-main`,
      (s) => `svc${s}-sub`,
      (s) => `vm${(s + 1) % services}-0-0`,
    ];
    for (const [k, zone] of zones.entries()) {
      parts.push(
        () => zone,
        (s) => `lb${s}-${k}`,
        (s) => routerId(`svc${s}-main`, zone),
      );
      for (const v of [0, 1, 39]) parts.push((s) => `vm${s}-${k}-${v}`);
    }
    for (const part of parts) expect(model.components.has(part(1))).toBe(true);
    const template = fc.record({
      perfect: fc.subarray(parts, {minLength: 1, maxLength: 3}),
      failed: fc.subarray(parts, {maxLength: 2}),
    });
    let unbuilt = 0;
    fc.assert(
      fc.property(
        fc.array(template, {minLength: 2, maxLength: 3}),
        fc.boolean(),
        fc.boolean(),
        (templates, laidOut, includeGslb) => {
          const shared = {...model};
          if (laidOut) layoutOf(shared);
          const walked = new Set<number>();
          const askedAlike = new Set<string>();
          for (const [t, {perfect, failed}] of templates.entries())
            for (let s = 0; s < services; s++) {
              const options = optionsOf(
                perfect.map((part) => part(s)),
                failed.map((part) => part(s)),
                includeGslb,
              );
              const before = built.shapes;
              const answer = availability(shared, `svc${s}`, options);
              const shapes = built.shapes - before;
              // Failover services are alike, and so are round-robin ones (bench/generate.ts).
              const alike = `${s % 3 === 0}:${t}`;
              if (walked.has(s) && askedAlike.has(alike)) {
                expect(shapes).toBe(0);
                unbuilt++;
              }
              walked.add(s);
              askedAlike.add(alike);
              expect(answer).toEqual(afresh(model, `svc${s}`, options));
            }
        },
      ),
      {numRuns: 15},
    );
    expect(unbuilt).toBeGreaterThan(0);
  });
});
