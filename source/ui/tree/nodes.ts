import type {View} from '../../shared/types.js';

/** `failureGroup`: components that fail together, failed and restored as one. */
type Role = 'component' | 'group' | 'dependency' | 'failureGroup';

/**
 * One row of a topology tree. `id` is the component it shows (or the group id for a group
 * row); `key` is the path to it, unique within the view and stable across reloads, since
 * one component may appear under several parents in the service view.
 *
 * The rows of VMs (and other leaves under a router or a load balancer) are kept as a list of
 * ids until something first looks at them, so a 100k-VM tree holds only its few thousand
 * inner rows until the operator scrolls or searches into a part of it.
 */
export class TreeNode {
  label?: string;
  /** Rows in this subtree with nothing folded, itself included. */
  size = 1;
  private built: TreeNode[] | undefined;

  constructor(
    readonly tree: Tree,
    readonly key: string,
    readonly id: string,
    readonly role: Role,
    readonly name: string,
    readonly depth: number,
    readonly parent: TreeNode | undefined,
    /** Position among its parent's children (or among the roots). */
    readonly index: number,
    /** Ids of leaf rows below, for a node whose children are all plain leaves. */
    readonly leafIds?: readonly string[],
  ) {
    if (leafIds) this.size = 1 + leafIds.length;
  }

  get childCount(): number {
    return this.leafIds ? this.leafIds.length : (this.built?.length ?? 0);
  }

  get children(): readonly TreeNode[] {
    if (this.built) return this.built;
    if (!this.leafIds) return (this.built = []);
    const step = `${this.key},`;
    const depth = this.depth + 1;
    this.built = this.leafIds.map(
      (id, index) =>
        new TreeNode(this.tree, step + id, id, 'component', id, depth, this, index, undefined),
    );
    this.tree.leafRowsBuilt += this.built.length;
    return this.built;
  }

  /** Adds an inner child; only for a node without leaf ids, while the tree is being built. */
  adopt(child: TreeNode) {
    (this.built ??= []).push(child);
  }
}

export class Tree {
  readonly roots: TreeNode[] = [];
  /** How many leaf rows have been made so far: leaves nobody looked at cost nothing. */
  leafRowsBuilt = 0;
  private readonly rootByStep = new Map<string, TreeNode>();
  private readonly childByStep = new WeakMap<TreeNode, Map<string, TreeNode>>();

  constructor(readonly view: View) {}

  /** The row with this key, if this tree has it; makes at most one leaf list on the way. */
  nodeByKey(key: string): TreeNode | undefined {
    const steps = key.split(',');
    if (steps[0] !== this.view || steps.length < 2) return undefined;
    let node = this.rootByStep.get(steps[1]!);
    for (let i = 2; node && i < steps.length; i++) node = this.childOf(node, steps[i]!);
    return node;
  }

  /** Every row showing component `id`, in tree order. */
  nodesOf(id: string): TreeNode[] {
    const found: TreeNode[] = [];
    const visit = (node: TreeNode) => {
      if (node.id === id) found.push(node);
      if (node.leafIds) {
        const at = node.leafIds.indexOf(id);
        if (at >= 0) found.push(node.children[at]!);
      } else for (const child of node.children) visit(child);
    };
    for (const root of this.roots) visit(root);
    return found;
  }

  private childOf(node: TreeNode, step: string): TreeNode | undefined {
    if (node.leafIds) {
      const at = node.leafIds.indexOf(step);
      return at >= 0 ? node.children[at] : undefined;
    }
    let byStep = this.childByStep.get(node);
    if (!byStep) {
      byStep = new Map(node.children.map((child) => [stepOf(child), child]));
      this.childByStep.set(node, byStep);
    }
    return byStep.get(step);
  }

  /** @internal */
  registerRoot(node: TreeNode) {
    this.roots.push(node);
    this.rootByStep.set(stepOf(node), node);
  }
}

function stepOf(node: TreeNode): string {
  return stepFor(node.role, node.id);
}

/** A row's step in its key: a failure group's id may be a component's too. */
function stepFor(role: Role, id: string): string {
  if (role === 'dependency') return `needs:${id}`;
  return role === 'failureGroup' ? `group:${id}` : id;
}

/** Builds rows in tree order; ids cannot contain commas, so keys join them with one. */
export class TreeBuilder {
  private readonly tree: Tree;

  constructor(view: View) {
    this.tree = new Tree(view);
  }

  add(
    parent: TreeNode | undefined,
    id: string,
    name: string,
    options: {role?: Role; label?: string | undefined; leaves?: readonly string[]} = {},
  ): TreeNode {
    const role = options.role ?? 'component';
    const step = stepFor(role, id);
    const node = new TreeNode(
      this.tree,
      `${parent ? parent.key : this.tree.view},${step}`,
      id,
      role,
      name,
      parent ? parent.depth + 1 : 0,
      parent,
      parent ? parent.childCount : this.tree.roots.length,
      options.leaves && options.leaves.length > 0 ? options.leaves : undefined,
    );
    if (options.label !== undefined) node.label = options.label;
    if (parent) parent.adopt(node);
    else this.tree.registerRoot(node);
    return node;
  }

  /** Sums subtree sizes bottom-up; leaf lists already know theirs. */
  build(): Tree {
    const sizeOf = (node: TreeNode): number => {
      if (!node.leafIds) node.size = 1 + node.children.reduce((sum, c) => sum + sizeOf(c), 0);
      return node.size;
    };
    for (const root of this.tree.roots) sizeOf(root);
    return this.tree;
  }
}
