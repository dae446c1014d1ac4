import {parseDuration} from '../duration.js';
import {firstControl} from '../printable.js';
import {delayInBounds, hookProblem, probeAddressProblem} from '../limits.js';
import type {Topology} from '../schema.js';

/**
 * The schema of core/schema, checked without zod for a clean file: what zod accepts, this
 * accepts, with the same output — the same defaults, keys in the schema's order — or it answers
 * undefined and the file goes zod's way, which words every problem. It builds no copy of what
 * is already in shape: an object whose keys come in the schema's order with every default
 * written, and a list whose items all are, are the output themselves. Zod stays the one schema
 * and the source of the types; a differential test holds this to it, field by field.
 */
export function cleanTopology(data: unknown): Topology | undefined {
  const topology = topologyShape(data);
  return topology === invalid ? undefined : (topology as Topology);
}

/** What a check answers for a value outside the schema. */
const invalid: unique symbol = Symbol('invalid');
type Check = (value: unknown) => unknown;

interface Field {
  key: string;
  check: Check;
  /** The value of an absent field; a field without one is required unless optional. */
  fallback?: () => unknown;
  optional?: boolean;
}

/** Exported for the test that compares every object with its zod counterpart. */
export interface Shape {
  fields: readonly Field[];
}

/** An object of exactly these fields (a strictObject), in the output's order. */
function object(fields: Field[]): Check & {shape: Shape} {
  const position = new Map(fields.map((field, index) => [field.key, index]));
  const defaults = fields.filter((field) => field.fallback !== undefined).length;
  const check = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return invalid;
    const input = value as Record<string, unknown>;
    let last = -1;
    let ordered = true;
    let defaultsWritten = 0;
    for (const key in input) {
      const at = position.get(key);
      if (at === undefined) return invalid;
      if (at < last) ordered = false;
      last = at;
      if (fields[at]!.fallback !== undefined) defaultsWritten++;
    }
    // In order with every default written, the input is the output: only its values may change.
    const output: Record<string, unknown> = ordered && defaultsWritten === defaults ? input : {};
    for (const field of fields) {
      // No field name is a property of Object.prototype: undefined is absence (never data here).
      const raw = input[field.key];
      if (raw === undefined) {
        if (field.fallback !== undefined) output[field.key] = field.fallback();
        else if (field.optional !== true) return invalid;
        continue;
      }
      const checked = field.check(raw);
      if (checked === invalid) return invalid;
      if (output !== input || checked !== raw) output[field.key] = checked;
    }
    return output;
  };
  return Object.assign(check, {shape: {fields}});
}

/** A list of items that pass `item`, at least `min` of them; the input itself when unchanged. */
function list(item: Check, min = 0): Check {
  return (value) => {
    if (!Array.isArray(value) || value.length < min) return invalid;
    let output: unknown[] | undefined;
    for (let index = 0; index < value.length; index++) {
      const raw: unknown = value[index];
      const checked = item(raw);
      if (checked === invalid) return invalid;
      if (checked !== raw) output ??= value.slice(0, index);
      if (output) output.push(checked);
    }
    return output ?? value;
  };
}

const field = (key: string, check: Check): Field => ({key, check});
const optional = (key: string, check: Check): Field => ({key, check, optional: true});
const withDefault = (key: string, check: Check, fallback: () => unknown): Field => ({
  key,
  check,
  fallback,
});

const string: Check = (value) => (typeof value === 'string' ? value : invalid);
const nonEmptyString: Check = (value) =>
  typeof value === 'string' && value.length > 0 ? value : invalid;
const boolean: Check = (value) => (typeof value === 'boolean' ? value : invalid);
const oneOf =
  (...options: string[]): Check =>
  (value) =>
    options.includes(value as string) ? value : invalid;
const number =
  (accepts: (value: number) => boolean): Check =>
  (value) =>
    typeof value === 'number' && Number.isFinite(value) && accepts(value) ? value : invalid;

/** The schema's `amount`: a finite number from 0 to 1e12. */
const amount = number((value) => value >= 0 && value <= 1e12);
const nonNegative = number((value) => value >= 0);
// zod's int() is a safe integer.
const integer = number(Number.isSafeInteger);
const positiveInteger = number((value) => Number.isSafeInteger(value) && value > 0);
const probability = number((value) => value >= 0 && value <= 1);

/**
 * The schema's `id`: 1 to 200 characters, no whitespace, comma or control character. ASCII is
 * decided by its character codes (the hot path: hundreds of thousands of ids); anything else by
 * the schema's own tests.
 */
const id: Check = (value) => {
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) return invalid;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code <= 0x20 || code === 0x2c) return invalid;
    if (code >= 0x7f)
      return !/[\s,]/.test(value) && firstControl(value) === undefined ? value : invalid;
  }
  return value;
};

/** The schema's `probeUrl`. */
const probeUrl: Check = (value) =>
  typeof value === 'string' &&
  /^(https?:\/\/\S+|tcp:\/\/[^\s/:]+:\d{1,5})$/.test(value) &&
  firstControl(value) === undefined &&
  probeAddressProblem(value) === undefined
    ? value
    : invalid;

/** The schema's `hookCommand`: a program, then arguments, no NUL. */
const hookArgv = list(string, 1);
const hookCommand: Check = (value) => {
  const argv = hookArgv(value);
  return argv === invalid || hookProblem(argv as string[]) !== undefined ? invalid : argv;
};
/** The schema's bounded intervals and timeouts (core/limits.ts). */
const seconds = number((value) => delayInBounds(value * 1000));
const milliseconds = number((value) => Number.isSafeInteger(value) && delayInBounds(value));
const hooks = object([optional('failover', hookCommand), optional('restore', hookCommand)]);

export const zone = object([field('id', id), optional('label', string)]);
export const site = object([
  field('id', id),
  optional('label', string),
  field('capacity', amount),
  optional('probe', probeUrl),
]);
export const account = object([
  field('id', id),
  optional('label', string),
  optional('group', id),
  withDefault('redundantRouter', boolean, () => false),
]);
export const vm = object([
  field('id', id),
  field('account', id),
  field('zone', id),
  field('capacity', amount),
  withDefault('role', oneOf('active', 'standby'), () => 'active'),
  optional('probe', probeUrl),
  optional('hooks', hooks),
]);
export const loadBalancer = object([
  field('id', id),
  field('account', id),
  field('zone', id),
  withDefault('runsOn', oneOf('zone', 'router'), () => 'zone'),
  withDefault('members', list(id), () => []),
  optional('capacity', amount),
  optional('hooks', hooks),
]);
export const healthCheck = object([
  withDefault('type', oneOf('http', 'https', 'tcp'), () => 'http'),
  withDefault('intervalS', seconds, () => 10),
  withDefault('threshold', positiveInteger, () => 3),
]);
export const target = object([
  field('ref', id),
  withDefault('priority', integer, () => 1),
  withDefault('weight', amount, () => 1),
]);
export const gslb = object([
  field('id', id),
  withDefault('policy', oneOf('failover', 'round-robin', 'ratio'), () => 'failover'),
  withDefault('healthCheck', healthCheck, () => ({type: 'http', intervalS: 10, threshold: 3})),
  withDefault('ttlS', nonNegative, () => 30),
  field('targets', list(target, 1)),
  optional('hooks', hooks),
]);
export const dependency = object([field('service', id), optional('maxLatencyMs', amount)]);
const dependencyItem: Check = (value) =>
  typeof value === 'string' ? id(value) : dependency(value);
const recoveryTime: Check = (value) =>
  typeof value === 'string' ? (parseDuration(value).ok ? value : invalid) : seconds(value);
export const service = object([
  field('id', id),
  field('demand', amount),
  optional('minimum', amount),
  field('entry', id),
  withDefault('dependsOn', list(dependencyItem), () => []),
  optional('rto', recoveryTime),
]);
export const failureGroup = object([
  field('id', id),
  optional('label', string),
  field('members', list(id, 1)),
  optional('availability', probability),
]);
const pair: Check = (value) => {
  if (!Array.isArray(value) || value.length !== 2) return invalid;
  return id(value[0]) === invalid || id(value[1]) === invalid ? invalid : value;
};
export const latency = object([field('between', pair), field('ms', amount)]);
export const availability = object(
  ['zone', 'site', 'account', 'router', 'vm', 'lb', 'gslb'].map((kind) =>
    optional(kind, probability),
  ),
);
export const probes = object([
  withDefault('intervalS', seconds, () => 5),
  withDefault('timeoutMs', milliseconds, () => 2000),
  withDefault('rise', positiveInteger, () => 2),
  withDefault('fall', positiveInteger, () => 3),
  withDefault('concurrency', positiveInteger, () => 32),
]);
export {hooks};

export const topologyShape = object([
  field('version', (value) => (value === 1 ? value : invalid)),
  withDefault('name', nonEmptyString, () => 'topology'),
  withDefault('unit', nonEmptyString, () => 'users'),
  field('zones', list(zone, 1)),
  withDefault('sites', list(site), () => []),
  withDefault('accounts', list(account), () => []),
  withDefault('vms', list(vm), () => []),
  withDefault('loadBalancers', list(loadBalancer), () => []),
  withDefault('gslbs', list(gslb), () => []),
  withDefault('services', list(service), () => []),
  optional('failureGroups', list(failureGroup)),
  optional('latency', list(latency)),
  withDefault('availability', availability, () => ({})),
  withDefault('probes', probes, () => ({
    intervalS: 5,
    timeoutMs: 2000,
    rise: 2,
    fall: 3,
    concurrency: 32,
  })),
  optional('hooks', hooks),
]);
