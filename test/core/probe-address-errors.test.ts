import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {parseTopology} from '../../source/core/load.js';

const demo = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'demo.yaml'), 'utf8');

/** The demo with web-1 probed at `address`. */
function probed(address: string): string {
  const text = demo.replace(
    '{id: web-1, account: shop-main, zone: KR-CA, capacity: 250}',
    `{id: web-1, account: shop-main, zone: KR-CA, capacity: 250, probe: ${JSON.stringify(address)}}`,
  );
  expect(text).not.toBe(demo);
  return text;
}

describe('a bad probe address is one message, at its place', () => {
  for (const address of ['ftp://127.0.0.1:21', 'tcp://127.0.0.1', 'http://a b', 'gopher://x'])
    it(address, () => {
      const loaded = parseTopology(probed(address), 'demo.yaml');
      expect(loaded.ok).toBe(false);
      if (loaded.ok) return;
      expect(loaded.errors).toHaveLength(1);
      expect(loaded.errors[0]!.line).toBe(27);
      expect(loaded.errors[0]!.message).toContain('vms[0].probe');
    });
});
