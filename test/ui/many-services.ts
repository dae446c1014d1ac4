/** A topology of `count` services, each on its own VM in zone Z1: zone Z1's impact is long. */
export function manyServicesYaml(count: number): string {
  const pad = (i: number) => String(i).padStart(2, '0');
  const ids = Array.from({length: count}, (_, i) => pad(i + 1));
  return [
    'version: 1',
    'name: many',
    'zones: [{id: Z1}, {id: Z2}]',
    'accounts: [{id: acc}]',
    'vms:',
    ...ids.map((id) => `  - {id: vm-${id}, account: acc, zone: Z1, capacity: 10}`),
    '  - {id: vm-z2, account: acc, zone: Z2, capacity: 10}',
    'services:',
    ...ids.map((id) => `  - {id: svc-${id}, demand: 10, entry: vm-${id}}`),
    '  - {id: svc-z2, demand: 10, entry: vm-z2}',
    '',
  ].join('\n');
}
