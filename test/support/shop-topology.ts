/**
 * A two-zone topology for diff tests: shop-web (demand 1000, minimum 500) behind a failover GSLB;
 * lb-ca (priority 1) in KR-CA and lb-cb (priority 2) in KR-CB, each over two 500-user VMs of the
 * zone's own account. Options change one thing at a time.
 */
export interface ShopOptions {
  /** The GSLB's targets, as YAML flow. */
  targets?: string;
  /** Capacities of web-a1, web-a2, web-b1, web-b2. */
  capacities?: [number, number, number, number];
  vmAvailability?: number;
  extraZone?: boolean;
}

export const bothTargets = '[{ref: lb-ca, priority: 1}, {ref: lb-cb, priority: 2}]';
export const onlyCa = '[{ref: lb-ca, priority: 1}]';

export function shopTopology(options: ShopOptions = {}): string {
  const [a1, a2, b1, b2] = options.capacities ?? [500, 500, 500, 500];
  return [
    'version: 1',
    'name: shop',
    `zones: [{id: KR-CA}, {id: KR-CB}${options.extraZone ? ', {id: KR-CC}' : ''}]`,
    'accounts: [{id: shop-ca}, {id: shop-cb}]',
    'vms:',
    `  - {id: web-a1, account: shop-ca, zone: KR-CA, capacity: ${a1}}`,
    `  - {id: web-a2, account: shop-ca, zone: KR-CA, capacity: ${a2}}`,
    `  - {id: web-b1, account: shop-cb, zone: KR-CB, capacity: ${b1}}`,
    `  - {id: web-b2, account: shop-cb, zone: KR-CB, capacity: ${b2}}`,
    'loadBalancers:',
    '  - {id: lb-ca, account: shop-ca, zone: KR-CA, members: [web-a1, web-a2]}',
    '  - {id: lb-cb, account: shop-cb, zone: KR-CB, members: [web-b1, web-b2]}',
    'gslbs:',
    '  - id: shop-gslb',
    '    policy: failover',
    `    targets: ${options.targets ?? bothTargets}`,
    'services:',
    '  - {id: shop-web, demand: 1000, minimum: 500, entry: shop-gslb}',
    ...(options.vmAvailability === undefined
      ? []
      : [`availability: {vm: ${options.vmAvailability}}`]),
    '',
  ].join('\n');
}
