import fc from 'fast-check';
import {randomTopology} from './random-topology.js';

/** Values that sit on the schema's edges: types, bounds, ids, enums, addresses. */
export const edgeValues: unknown[] = [
  null,
  true,
  false,
  0,
  -0,
  1,
  -1,
  0.5,
  1.5,
  3,
  1e12,
  1e12 + 1,
  2 ** 53,
  Number.MAX_SAFE_INTEGER,
  Infinity,
  NaN,
  '',
  'x',
  'a b',
  'a,b',
  'tab\there',
  'bell\u0007',
  'é-ü',
  'nbsp\u00a0x',
  'bidi\u202ex',
  'c1\u0085x',
  'x'.repeat(200),
  'x'.repeat(201),
  'active',
  'standby',
  'zone',
  'router',
  'http',
  'tcp',
  'ratio',
  'http://127.0.0.1:8080/x',
  'tcp://h:443',
  'tcp://h:123456',
  'ftp://h/x',
  [],
  ['x'],
  ['x', 1],
  {},
  {failover: ['a']},
  {type: 'tcp'},
];

/** Every value and list inside a topology, with where it is: the places edits go. */
export function places(
  data: unknown,
): Array<{holder: Record<string, unknown> | unknown[]; key: string | number}> {
  const found: Array<{holder: Record<string, unknown> | unknown[]; key: string | number}> = [];
  const visit = (value: unknown) => {
    if (typeof value !== 'object' || value === null) return;
    for (const key of Object.keys(value)) {
      const holder = value as Record<string, unknown>;
      found.push({holder, key: Array.isArray(value) ? Number(key) : key});
      visit(holder[key]);
    }
  };
  visit(data);
  return found;
}

/**
 * A fresh copy of an edge value: placed as is, one object of the list could sit in two places of
 * a topology, or in itself once an edit adds a field to it, and every later run would see it.
 */
const edgeValue = (what: number): unknown => structuredClone(edgeValues[what % edgeValues.length]);

const fieldNames = [
  'id',
  'label',
  'capacity',
  'role',
  'members',
  'hooks',
  'runsOn',
  'weight',
  'bogus',
  '__proto__',
];

/**
 * A valid topology as zod's output (every default written), then edited as files are: defaults
 * left out, keys reordered, values replaced by edge values, fields added (known or not).
 */
export const editedTopology: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    randomTopology,
    fc.array(
      fc.tuple(fc.constantFrom('delete', 'set', 'add', 'reorder', 'hooks'), fc.nat(), fc.nat()),
      {maxLength: 5},
    ),
  )
  .map(([topology, edits]) => {
    const data = JSON.parse(JSON.stringify(topology)) as Record<string, unknown>;
    for (const [edit, where, what] of edits) {
      const all = places(data);
      const place = all[where % all.length]!;
      const holder = place.holder as Record<string | number, unknown>;
      const value = holder[place.key];
      if (edit === 'delete' && !Array.isArray(holder)) delete holder[place.key];
      else if (edit === 'set') holder[place.key] = edgeValue(what);
      else if (
        edit === 'add' &&
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value)
      )
        Object.defineProperty(value, fieldNames[what % fieldNames.length]!, {
          value: edgeValue(what),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      else if (
        edit === 'reorder' &&
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value)
      ) {
        const entries = Object.entries(value);
        for (const [key] of entries) delete (value as Record<string, unknown>)[key];
        entries.reverse();
        for (const [key, item] of entries) (value as Record<string, unknown>)[key] = item;
      } else if (
        edit === 'hooks' &&
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value)
      )
        (value as Record<string, unknown>).hooks =
          what % 2 ? {restore: ['./r.sh', 'x']} : {failover: []};
    }
    return data;
  });
