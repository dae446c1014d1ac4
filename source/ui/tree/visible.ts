import type {Tree, TreeNode} from './nodes.js';

/** The rows on screen in order, read by index: only the rows asked for are ever made. */
export interface VisibleRows {
  readonly length: number;
  at(index: number): TreeNode | undefined;
  /** Rows `start` to `end` (exclusive), in order. */
  slice(start: number, end: number): TreeNode[];
  /** The row index of the node with this key, if it is on screen. */
  indexOf(key: string): number | undefined;
  /** Row indexes of the nodes the filter matches (empty without a filter). */
  matches: readonly number[];
}

/**
 * The components a state filter keeps (down, or unknown and degraded), asked by id. One object
 * per evaluated state, so that its identity can key the rows made with it.
 */
export interface StateMatch {
  has(id: string): boolean;
}

export function matchesFilter(node: TreeNode, needle: string): boolean {
  return (
    node.id.toLowerCase().includes(needle) ||
    node.name.toLowerCase().includes(needle) ||
    (node.label?.toLowerCase().includes(needle) ?? false)
  );
}

/**
 * Without a filter: children of folded nodes left out. Sizes come from the tree, corrected
 * only along the paths to folded nodes, so reading a row costs the depth of the tree times
 * the siblings on the way, whatever the size of the rest.
 */
class FoldedRows implements VisibleRows {
  readonly matches: readonly number[] = [];
  readonly length: number;
  private readonly folded = new Set<TreeNode>();
  /** Nodes with a folded node below them: their size differs from the tree's. */
  private readonly dirty = new Set<TreeNode>();
  private readonly sizes = new Map<TreeNode, number>();
  private readonly prefixes = new Map<TreeNode | undefined, number[]>();

  constructor(
    private readonly tree: Tree,
    folded: ReadonlySet<string>,
  ) {
    const prefix = `${tree.view},`;
    for (const key of folded) {
      if (!key.startsWith(prefix)) continue;
      const node = tree.nodeByKey(key);
      if (!node || node.childCount === 0) continue;
      this.folded.add(node);
      for (let up = node.parent; up && !this.dirty.has(up); up = up.parent) this.dirty.add(up);
    }
    this.length = tree.roots.reduce((sum, root) => sum + this.sizeOf(root), 0);
  }

  private sizeOf(node: TreeNode): number {
    if (this.folded.has(node)) return 1;
    if (!this.dirty.has(node)) return node.size;
    let size = this.sizes.get(node);
    if (size === undefined) {
      size = 1;
      for (const child of node.children) size += this.sizeOf(child);
      this.sizes.set(node, size);
    }
    return size;
  }

  /** Rows before each child of `parent` (the roots when undefined), within the parent. */
  private prefixOf(parent: TreeNode | undefined): number[] {
    let prefix = this.prefixes.get(parent);
    if (!prefix) {
      const list = parent ? parent.children : this.tree.roots;
      prefix = new Array<number>(list.length);
      let sum = 0;
      for (let i = 0; i < list.length; i++) {
        prefix[i] = sum;
        sum += this.sizeOf(list[i]!);
      }
      this.prefixes.set(parent, prefix);
    }
    return prefix;
  }

  at(index: number): TreeNode | undefined {
    if (index < 0 || index >= this.length) return undefined;
    let parent: TreeNode | undefined;
    let rest = index;
    for (;;) {
      const list = parent ? parent.children : this.tree.roots;
      let child: TreeNode;
      if (parent?.leafIds) {
        child = list[rest]!;
        rest = 0;
      } else {
        const prefix = this.prefixOf(parent);
        let low = 0;
        let high = prefix.length - 1;
        while (low < high) {
          const middle = (low + high + 1) >> 1;
          if (prefix[middle]! <= rest) low = middle;
          else high = middle - 1;
        }
        child = list[low]!;
        rest -= prefix[low]!;
      }
      if (rest === 0) return child;
      rest -= 1;
      parent = child;
    }
  }

  private next(node: TreeNode): TreeNode | undefined {
    if (node.childCount > 0 && !this.folded.has(node)) return node.children[0];
    for (let at: TreeNode | undefined = node; at; at = at.parent) {
      const siblings = at.parent ? at.parent.children : this.tree.roots;
      if (at.index + 1 < siblings.length) return siblings[at.index + 1];
    }
    return undefined;
  }

  slice(start: number, end: number): TreeNode[] {
    const rows: TreeNode[] = [];
    let node = this.at(Math.max(0, start));
    for (let i = Math.max(0, start); node && i < Math.min(end, this.length); i++) {
      rows.push(node);
      node = this.next(node);
    }
    return rows;
  }

  indexOf(key: string): number | undefined {
    const node = this.tree.nodeByKey(key);
    if (!node) return undefined;
    let index = 0;
    for (let at: TreeNode = node; ; at = at.parent) {
      if (at !== node && this.folded.has(at)) return undefined;
      index += at.parent?.leafIds ? at.index : this.prefixOf(at.parent)[at.index]!;
      if (!at.parent) return index;
      index += 1;
    }
  }
}

/**
 * With a filter: the matching nodes and their ancestors, folds ignored, so a match is never
 * hidden. A row matches the text filter (by id, name or label) and the state filter (by the
 * component it shows), each when it is on. A matching leaf is kept as its parent and
 * position, so a filter that matches 100k VMs makes no row until it is on screen.
 */
class FilteredRows implements VisibleRows {
  readonly matches: number[] = [];
  /** Row i is `owners[i]` itself when `leaves[i]` is -1, else that child of it. */
  private readonly owners: TreeNode[] = [];
  private readonly leaves: number[] = [];
  private index: Map<TreeNode, number> | undefined;

  constructor(
    tree: Tree,
    private readonly needle: string,
    private readonly state: StateMatch | undefined,
  ) {
    for (const root of tree.roots) this.collect(root);
  }

  private matchesNode(node: TreeNode): boolean {
    if (this.needle !== '' && !matchesFilter(node, this.needle)) return false;
    // A group row stands for no component: the state filter keeps it only as an ancestor.
    return !this.state || (node.role !== 'group' && this.state.has(node.id));
  }

  /** Keeps `node` when it or something below it matches; leaves are matched by id. */
  private collect(node: TreeNode): boolean {
    const {needle, state} = this;
    const start = this.owners.length;
    this.push(node, -1);
    let kept = this.matchesNode(node);
    if (kept) this.matches.push(start);
    if (node.leafIds) {
      const ids = node.leafIds;
      const lower = needle === '' ? undefined : lowerLeavesOf(node);
      for (let i = 0; i < ids.length; i++) {
        if (lower && !lower[i]!.includes(needle)) continue;
        if (state && !state.has(ids[i]!)) continue;
        this.matches.push(this.owners.length);
        this.push(node, i);
        kept = true;
      }
    } else for (const child of node.children) kept = this.collect(child) || kept;
    if (!kept) this.owners.length = this.leaves.length = start;
    return kept;
  }

  private push(owner: TreeNode, leaf: number) {
    this.owners.push(owner);
    this.leaves.push(leaf);
  }

  get length() {
    return this.owners.length;
  }

  at(index: number) {
    const owner = this.owners[index];
    if (!owner) return undefined;
    const leaf = this.leaves[index]!;
    return leaf < 0 ? owner : owner.children[leaf];
  }

  slice(start: number, end: number) {
    const rows: TreeNode[] = [];
    for (let i = Math.max(0, start); i < Math.min(end, this.length); i++) rows.push(this.at(i)!);
    return rows;
  }

  indexOf(key: string) {
    const node = this.owners[0]?.tree.nodeByKey(key);
    if (!node) return undefined;
    if (!this.index) {
      this.index = new Map();
      for (let i = 0; i < this.owners.length; i++)
        if (this.leaves[i] === -1) this.index.set(this.owners[i]!, i);
    }
    const own = this.index.get(node);
    if (own !== undefined || !node.parent?.leafIds) return own;
    const first = this.index.get(node.parent);
    if (first === undefined) return undefined;
    for (let i = first + 1; this.owners[i] === node.parent && this.leaves[i] !== -1; i++)
      if (this.leaves[i] === node.index) return i;
    return undefined;
  }
}

/** The search index of a leaf list: its ids lower-cased once, not on every keystroke. */
const lowerLeaves = new WeakMap<TreeNode, string[]>();
function lowerLeavesOf(node: TreeNode): string[] {
  let lower = lowerLeaves.get(node);
  if (!lower) lowerLeaves.set(node, (lower = node.leafIds!.map((id) => id.toLowerCase())));
  return lower;
}

export function flatten(
  tree: Tree,
  folded: ReadonlySet<string>,
  filter: string,
  state?: StateMatch,
): VisibleRows {
  const needle = filter.trim().toLowerCase();
  return needle === '' && !state
    ? new FoldedRows(tree, folded)
    : new FilteredRows(tree, needle, state);
}

/** Every row in order; for small trees and tests. */
export function allRows(rows: VisibleRows): TreeNode[] {
  return rows.slice(0, rows.length);
}

interface Slot {
  folded: ReadonlySet<string>;
  filter: string;
  state: StateMatch | undefined;
  result: VisibleRows;
}

const cache = new WeakMap<Tree, Slot[]>();
const isFiltered = (slot: Pick<Slot, 'filter' | 'state'>) =>
  slot.filter.trim() !== '' || slot.state !== undefined;

/**
 * Memoized on the identity of the fold set, the filter and the state match, so moving the
 * cursor costs nothing here; the last unfiltered rows and the last two filtered ones are kept,
 * so Esc is free and a jump to the next down row does not cost the filter on screen its rows.
 */
export function visibleRows(
  tree: Tree,
  folded: ReadonlySet<string>,
  filter: string,
  state?: StateMatch,
): VisibleRows {
  const slots = cache.get(tree) ?? [];
  const hit = slots.find(
    (slot) => slot.folded === folded && slot.filter === filter && slot.state === state,
  );
  if (hit) return hit.result;
  const result = flatten(tree, folded, filter, state);
  const slot = {folded, filter, state, result};
  const unfiltered = slots.filter((s) => !isFiltered(s));
  const filtered = slots.filter(isFiltered);
  cache.set(
    tree,
    isFiltered(slot) ? [...unfiltered, ...filtered.slice(-1), slot] : [...filtered, slot],
  );
  return result;
}
