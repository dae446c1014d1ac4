import type {Tree, TreeNode} from './nodes.js';

export interface VisibleRows {
  rows: TreeNode[];
  indexOf: Map<string, number>;
  /** Row indexes of the nodes the filter matches (empty without a filter). */
  matches: number[];
}

export function matchesFilter(node: TreeNode, needle: string): boolean {
  return (
    node.id.toLowerCase().includes(needle) ||
    node.name.toLowerCase().includes(needle) ||
    (node.label?.toLowerCase().includes(needle) ?? false)
  );
}

/**
 * The rows on screen in order: children of folded nodes left out. With a filter, the matching
 * nodes and their ancestors, folds ignored, so a match is never hidden.
 */
export function flatten(tree: Tree, folded: ReadonlySet<string>, filter: string): VisibleRows {
  const rows: TreeNode[] = [];
  const matches: number[] = [];
  const needle = filter.trim().toLowerCase();
  if (needle === '') {
    const stack = [...tree.roots].reverse();
    while (stack.length > 0) {
      const node = stack.pop()!;
      rows.push(node);
      if (!folded.has(node.key))
        for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  } else {
    const keep = new Set<TreeNode>();
    for (const node of tree.byKey.values()) {
      if (!matchesFilter(node, needle)) continue;
      for (let up: TreeNode | undefined = node; up && !keep.has(up); up = up.parent) keep.add(up);
    }
    const stack = [...tree.roots].reverse();
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (!keep.has(node)) continue;
      if (matchesFilter(node, needle)) matches.push(rows.length);
      rows.push(node);
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  }
  const indexOf = new Map<string, number>();
  rows.forEach((node, index) => indexOf.set(node.key, index));
  return {rows, indexOf, matches};
}

const cache = new WeakMap<
  Tree,
  {folded: ReadonlySet<string>; filter: string; result: VisibleRows}
>();

/** Memoized on the identity of the fold set, so moving the cursor costs nothing here. */
export function visibleRows(tree: Tree, folded: ReadonlySet<string>, filter: string): VisibleRows {
  const hit = cache.get(tree);
  if (hit && hit.folded === folded && hit.filter === filter) return hit.result;
  const result = flatten(tree, folded, filter);
  cache.set(tree, {folded, filter, result});
  return result;
}
