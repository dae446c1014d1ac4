import {parseCircular, parseDependencyTree} from 'dpdm';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));

/**
 * No module imports itself through others, type-only imports included: a cycle makes the order
 * of evaluation depend on which module is loaded first, and ties two files that should be
 * readable alone. dpdm reads the import graph (static and dynamic imports) of every source file.
 */
describe('the import graph', () => {
  it('has no cycle', async () => {
    const tree = await parseDependencyTree(
      ['cli.tsx', 'launch.ts', 'source/**/*.ts', 'source/**/*.tsx'],
      {cwd: root, context: root, extensions: ['.ts', '.tsx', '.js'], transform: false},
    );
    expect(Object.keys(tree).length).toBeGreaterThan(150);
    expect(parseCircular(tree).map((cycle) => cycle.join(' → '))).toEqual([]);
  });
});
