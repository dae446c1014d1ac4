import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {containmentOf} from '../../source/core/containment.js';
import {fit, truncate, widthOf, wrapWords} from '../../source/ui/text.js';
import type {TreeNode} from '../../source/ui/tree/nodes.js';
import {treeOf} from '../../source/ui/tree/trees.js';
import {allRows, flatten} from '../../source/ui/tree/visible.js';
import {loadFixture} from './reducer-helpers.js';
import {randomModel} from '../support/random-topology.js';

const outline = (nodes: readonly TreeNode[]): string[] =>
  nodes.flatMap((node) => [
    `${'  '.repeat(node.depth)}${node.name}${node.role === 'component' ? '' : ` (${node.role})`}`,
    ...outline(node.children),
  ]);

describe('the three trees', () => {
  const model = loadFixture();

  it('by account: group → account → zone (its router) → VMs, LBs under their owner, sites last', () => {
    const tree = treeOf(model, 'account');
    expect(outline(tree.roots)).toEqual([
      'shop (group)',
      '  shop-main',
      '    KR-CA',
      '      web-1',
      '      db-1',
      '    KR-CB',
      '      web-3',
      '      admin-1',
      '    lb-ca',
      '    lb-cb',
      '  shop-sub',
      '    KR-CA',
      '      web-2',
      '    KR-CB',
      '      web-4',
      '  shop-dr',
      '    KR-M2',
      '      db-2',
      'idc-guro',
    ]);
    expect(tree.nodesOf('shop-main/KR-CA')[0]?.name).toBe('KR-CA');
  });

  it('by service: service → GSLB → targets → members, then what it depends on', () => {
    expect(outline(treeOf(model, 'service').roots)).toEqual([
      'shop-web',
      '  shop-gslb',
      '    lb-ca',
      '      web-1',
      '      web-2',
      '    lb-cb',
      '      web-3',
      '      web-4',
      '    idc-guro',
      '  shop-db (dependency)',
      'shop-db',
      '  db-gslb',
      '    db-1',
      '    db-2',
      'shop-admin',
      '  admin-1',
    ]);
  });

  it('by zone: under each zone and router, what fails with it, in the order the core lists it', () => {
    fc.assert(
      fc.property(randomModel(), (model) => {
        // Drawn from the containment's own lists, before anything builds its index.
        const tree = treeOf(model, 'zone');
        const contains = containmentOf(model);
        for (const zone of tree.roots.filter((root) => model.zones.some((z) => z.id === root.id))) {
          expect(zone.children.map((row) => row.id)).toEqual(contains.childrenOf(zone.id));
          for (const row of zone.children)
            expect(row.children.map((leaf) => leaf.id)).toEqual(
              model.components.get(row.id)?.kind === 'router' ? contains.childrenOf(row.id) : [],
            );
        }
      }),
      {numRuns: 300},
    );
  });

  it('row keys are paths, unique in a view and the same for the same model', () => {
    const tree = treeOf(model, 'service');
    const keys = allRows(flatten(tree, new Set(), '')).map((node) => node.key);
    expect(new Set(keys).size).toBe(16);
    expect(keys).toContain('service,shop-web,needs:shop-db');
    for (const key of keys) expect(tree.nodeByKey(key)?.key).toBe(key);
    expect(treeOf(model, 'service')).toBe(tree);
  });

  it('folding hides descendants; a filter shows matches with their ancestors, folds ignored', () => {
    const tree = treeOf(model, 'zone');
    const folded = flatten(tree, new Set(['zone,KR-CA', 'zone,KR-CB']), '');
    expect(allRows(folded).map((row) => row.id)).toEqual([
      'KR-CA',
      'KR-CB',
      'KR-M2',
      'shop-dr/KR-M2',
      'db-2',
      'idc-guro',
    ]);
    const filtered = flatten(tree, new Set(['zone,KR-M2']), '구로');
    expect(allRows(filtered).map((row) => row.id)).toEqual(['idc-guro']);
    expect(filtered.matches).toEqual([0]);
    expect(allRows(flatten(tree, new Set(['zone,KR-M2']), 'DB-2')).map((row) => row.id)).toEqual([
      'KR-M2',
      'shop-dr/KR-M2',
      'db-2',
    ]);
  });
});

describe('text by display width', () => {
  it('pads and cuts Korean by columns, not characters', () => {
    expect(widthOf('중부 A')).toBe(6);
    expect(fit('중부 A', 8)).toBe('중부 A  ');
    expect(widthOf(fit('수도권 2 영역', 7))).toBe(7);
    expect(truncate('수도권', 4)).toBe('수… ');
    expect(fit('250', 6, 'right')).toBe('   250');
  });

  it('wraps on spaces only, keeping "60\u00a0s" together', () => {
    expect(wrapWords('GSLB shop-gslb would move traffic in ~60\u00a0s', 38)).toEqual([
      'GSLB shop-gslb would move traffic in',
      '~60\u00a0s',
    ]);
  });
});
