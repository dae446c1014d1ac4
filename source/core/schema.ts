import {z} from 'zod';
import {parseDuration} from './duration.js';
import {firstControl} from './printable.js';
import {hookProblem, maxDelayMs, minDelayMs, probeAddressProblem} from './limits.js';

// The kinds live apart (zod-free); exported here as well, beside the schema they name.
export {defaultAvailability, kindRank, kinds, type Kind} from './kinds.js';

/** The one schema of a topology file (docs/topology-format.md); every topology type derives from it. */

const id = z
  .string({error: 'expected an id (a string)'})
  .min(1, 'an id cannot be empty')
  .max(200, 'an id is at most 200 characters')
  .refine(
    (value) => !/[\s,]/.test(value) || firstControl(value) !== undefined,
    'an id cannot contain spaces or commas',
  )
  // An id is printed everywhere; one that could drive the terminal is refused, not escaped.
  .refine((value) => firstControl(value) === undefined, {
    error: (issue) =>
      `an id cannot contain control characters (${firstControl(String(issue.input))} found)`,
  });

/** Large enough for any real fleet, small enough that sums over 100k components stay finite and exact to the unit. */
const maxAmount = 1e12;

const amount = z
  .number({error: 'expected a number'})
  .finite('expected a finite number')
  .nonnegative('cannot be negative')
  .max(maxAmount, 'too large: at most 1e12 (1,000,000,000,000)');

/** An interval a timer can hold (core/limits.ts): 0.1 s to 24 h. */
const positiveSeconds = z
  .number({error: 'expected a number of seconds'})
  .min(minDelayMs / 1000, 'at least 0.1 (seconds)')
  .max(maxDelayMs / 1000, 'at most 86400 (24 h)');

/** A timeout a timer can hold: 100 ms to 24 h. */
const timeoutMs = z
  .number({error: 'expected a number of milliseconds'})
  .int('expected a whole number of milliseconds')
  .min(minDelayMs, 'at least 100 (ms)')
  .max(maxDelayMs, 'at most 86400000 (24 h)');

const probeUrl = z
  .string({error: 'expected a probe address (http://…, https://… or tcp://host:port)'})
  // Each check stops the ones after it: one bad address is one message.
  .regex(/^(https?:\/\/\S+|tcp:\/\/[^\s/:]+:\d{1,5})$/, {
    error: 'expected http://…, https://… or tcp://host:port',
    abort: true,
  })
  .refine((value) => firstControl(value) === undefined, {
    error: 'a probe address cannot contain control characters',
    abort: true,
  })
  .refine((value) => probeAddressProblem(value) === undefined, {
    error: (issue) => probeAddressProblem(String(issue.input)),
  });

const hookCommand = z
  .array(z.string())
  .min(1, 'a hook is an argv list with at least the program')
  .refine((argv) => hookProblem(argv) === undefined, {
    error: (issue) => hookProblem(issue.input as string[]),
  });

const hooksSchema = z.strictObject({
  failover: hookCommand.optional(),
  restore: hookCommand.optional(),
});

const availabilityValue = z
  .number({error: 'expected a probability'})
  .min(0, 'an availability is between 0 and 1')
  .max(1, 'an availability is between 0 and 1');

/** A dependency: the service's id, or the id with the round-trip budget it allows (ms). */
const dependency = z.union([id, z.strictObject({service: id, maxLatencyMs: amount.optional()})], {
  error: 'expected a service id, or {service: ID, maxLatencyMs: N}',
});

/** A recovery-time target: a duration as people write it (90s, 2m) or a number of seconds. */
const recoveryTime = z.union(
  [
    positiveSeconds,
    z.string().refine((value) => parseDuration(value).ok, 'expected a duration such as 90s or 2m'),
  ],
  {error: 'expected a duration such as 90s or 2m, or a number of seconds'},
);

export const topologySchema = z.strictObject({
  version: z.literal(1, {error: 'only version: 1 is supported'}),
  name: z.string({error: 'expected a name (a string)'}).min(1).default('topology'),
  unit: z.string().min(1).default('users'),
  zones: z
    .array(z.strictObject({id, label: z.string().optional()}))
    .min(1, 'a topology needs at least one zone'),
  sites: z
    .array(
      z.strictObject({
        id,
        label: z.string().optional(),
        capacity: amount,
        probe: probeUrl.optional(),
      }),
    )
    .default([]),
  accounts: z
    .array(
      z.strictObject({
        id,
        label: z.string().optional(),
        group: id.optional(),
        redundantRouter: z.boolean({error: 'expected true or false'}).default(false),
      }),
    )
    .default([]),
  vms: z
    .array(
      z.strictObject({
        id,
        account: id,
        zone: id,
        capacity: amount,
        role: z
          .enum(['active', 'standby'], {error: 'expected active or standby'})
          .default('active'),
        probe: probeUrl.optional(),
        hooks: hooksSchema.optional(),
      }),
    )
    .default([]),
  loadBalancers: z
    .array(
      z.strictObject({
        id,
        account: id,
        zone: id,
        runsOn: z.enum(['zone', 'router'], {error: 'expected zone or router'}).default('zone'),
        members: z.array(id).default([]),
        capacity: amount.optional(),
        hooks: hooksSchema.optional(),
      }),
    )
    .default([]),
  gslbs: z
    .array(
      z.strictObject({
        id,
        policy: z
          .enum(['failover', 'round-robin', 'ratio'], {
            error: 'expected failover, round-robin or ratio',
          })
          .default('failover'),
        healthCheck: z
          .strictObject({
            type: z
              .enum(['http', 'https', 'tcp'], {error: 'expected http, https or tcp'})
              .default('http'),
            intervalS: positiveSeconds.default(10),
            threshold: z.number().int('expected a whole number').positive('must be > 0').default(3),
          })
          .default({type: 'http', intervalS: 10, threshold: 3}),
        ttlS: z.number({error: 'expected a number of seconds'}).nonnegative().default(30),
        targets: z
          .array(
            z.strictObject({
              ref: id,
              priority: z
                .number({error: 'expected a number'})
                .int('expected a whole number')
                .default(1),
              weight: amount.default(1),
            }),
          )
          .min(1, 'a GSLB needs at least one target'),
        hooks: hooksSchema.optional(),
      }),
    )
    .default([]),
  services: z
    .array(
      z.strictObject({
        id,
        demand: amount,
        minimum: amount.optional(),
        entry: id,
        dependsOn: z.array(dependency).default([]),
        rto: recoveryTime.optional(),
      }),
    )
    .default([]),
  failureGroups: z
    .array(
      z.strictObject({
        id,
        label: z.string().optional(),
        members: z.array(id).min(1, 'a failure group needs at least one member'),
        availability: availabilityValue.optional(),
      }),
    )
    .optional(),
  latency: z
    .array(
      z.strictObject({
        between: z.tuple([id, id], {error: 'expected two zones or sites: [A, B]'}),
        ms: amount,
      }),
    )
    .optional(),
  availability: z
    .strictObject({
      zone: availabilityValue.optional(),
      site: availabilityValue.optional(),
      account: availabilityValue.optional(),
      router: availabilityValue.optional(),
      vm: availabilityValue.optional(),
      lb: availabilityValue.optional(),
      gslb: availabilityValue.optional(),
    })
    .default({}),
  probes: z
    .strictObject({
      intervalS: positiveSeconds.default(5),
      timeoutMs: timeoutMs.default(2000),
      rise: z.number().int().positive().default(2),
      fall: z.number().int().positive().default(3),
      concurrency: z.number().int().positive().default(32),
    })
    .default({intervalS: 5, timeoutMs: 2000, rise: 2, fall: 3, concurrency: 32}),
  hooks: hooksSchema.optional(),
});

export type TopologyFile = z.input<typeof topologySchema>;
export type Topology = z.output<typeof topologySchema>;
export type GslbSpec = Topology['gslbs'][number];
export type ServiceSpec = Topology['services'][number];
export type DependencySpec = ServiceSpec['dependsOn'][number];
export type Hooks = z.output<typeof hooksSchema>;
