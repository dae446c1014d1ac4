import {readFileSync} from 'node:fs';
import {root} from '../e2e/tmux.js';

/**
 * The demo topology with its services replaced by a chain: s0 dependsOn s1, … s(n-2) dependsOn
 * s(n-1); each served by admin-1 (zone KR-CB), demand 10.
 */
export function chainTopology(n: number): string {
  const demo = readFileSync(`${root}/fixtures/demo.yaml`, 'utf8');
  const head = demo.slice(0, demo.indexOf('services:'));
  const services = Array.from(
    {length: n},
    (_, i) =>
      `  - id: s${i}\n    demand: 10\n    entry: admin-1${i + 1 < n ? `\n    dependsOn: [s${i + 1}]` : ''}`,
  );
  return `${head}services:\n${services.join('\n')}\n`;
}
