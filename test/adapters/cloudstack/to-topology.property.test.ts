import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseTopology} from '../../../source/core/load.js';
import type {Inventory} from '../../../source/adapters/cloudstack/inventory.js';
import {toTopology} from '../../../source/adapters/cloudstack/to-topology.js';
import {importedYaml} from '../../../source/adapters/cloudstack/yaml-out.js';

/** Names as clouds have them: short, repeated, with spaces, commas, slashes, Korean, quotes, controls. */
const name = fc.oneof(
  fc.constantFrom(
    'web',
    'web 1',
    'a,b',
    'a/b',
    '웹 서버',
    'KR-CA',
    'shop',
    '- x',
    "it's",
    '#1',
    'x\u001b[2J',
    '',
  ),
  fc.string({maxLength: 12}),
);
const uuid = fc.uuid();

const inventory: fc.Arbitrary<Inventory> = fc
  .record({
    zones: fc.uniqueArray(fc.record({uuid, name, enabled: fc.boolean()}), {
      minLength: 1,
      maxLength: 3,
      selector: (zone) => zone.uuid,
    }),
    accounts: fc.array(name, {minLength: 1, maxLength: 3}),
  })
  .chain(({zones, accounts}) =>
    fc
      .record({
        vms: fc.uniqueArray(
          fc.record({
            uuid,
            name,
            account: fc.constantFrom(...accounts),
            zone: fc.constantFrom(...zones),
            cpus: fc.integer({min: 1, max: 16}),
            state: fc.constantFrom('Running', 'Stopped'),
          }),
          {minLength: 1, maxLength: 8, selector: (vm) => vm.uuid},
        ),
        redundant: fc.boolean(),
      })
      .chain(({vms, redundant}) =>
        fc
          .array(
            fc.record({
              uuid,
              name,
              account: fc.constantFrom(...accounts),
              zone: fc.constantFrom(...zones),
              members: fc.subarray(vms.map((vm) => vm.uuid)),
              runsOn: fc.constantFrom('router' as const, 'zone' as const),
            }),
            {maxLength: 3},
          )
          .map((lbs) => ({
            zones,
            accounts,
            vms: vms.map(({zone, ...vm}) => ({...vm, zoneUuid: zone.uuid, zoneName: zone.name})),
            routers: redundant
              ? [
                  {
                    uuid: 'r',
                    account: accounts[0]!,
                    zoneUuid: zones[0]!.uuid,
                    zoneName: zones[0]!.name,
                    state: 'Running',
                    redundant,
                  },
                ]
              : undefined,
            loadBalancers: lbs.map(({zone, ...lb}) => ({
              ...lb,
              zoneUuid: zone.uuid,
              zoneName: zone.name,
            })),
            notes: [],
          })),
      ),
  );

const yamlOf = (inv: Inventory) =>
  importedYaml(toTopology(inv), {
    source: 'https://cloud/client/api',
    name: 'cloud',
    at: new Date(0),
  });

describe('any inventory an API can list', () => {
  it('imports to a topology failsight loads, with every VM and no control characters', () => {
    fc.assert(
      fc.property(inventory, (inv) => {
        const text = yamlOf(inv);
        const loaded = parseTopology(text, 'cloud.yaml');
        if (!loaded.ok) throw new Error(`${loaded.errors[0]!.message}\n${text}`);
        // eslint-disable-next-line no-control-regex
        expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
        expect(loaded.model.vms).toHaveLength(inv.vms.length);
      }),
      {numRuns: 150},
    );
  });

  it('writes the same file whatever order the API listed things in', () => {
    fc.assert(
      fc.property(inventory, (inv) => {
        const reversed = {
          ...inv,
          zones: [...inv.zones].reverse(),
          vms: [...inv.vms].reverse(),
          loadBalancers: [...inv.loadBalancers].reverse(),
        };
        expect(yamlOf(reversed)).toBe(yamlOf(inv));
      }),
      {numRuns: 100},
    );
  });
});
