import type {View} from '../types.js';

/**
 * One row of a topology tree. `id` is the component it shows (or the group id for a group
 * row); `key` is the path to it, unique within the view and stable across reloads, since
 * one component may appear under several parents in the service view.
 */
export interface TreeNode {
  key: string;
  id: string;
  role: 'component' | 'group' | 'dependency';
  name: string;
  label?: string;
  depth: number;
  parent?: TreeNode;
  children: TreeNode[];
}

export interface Tree {
  view: View;
  roots: TreeNode[];
  byKey: Map<string, TreeNode>;
  /** Component id → the rows showing it, in tree order. */
  byId: Map<string, TreeNode[]>;
}

/** Builds rows in tree order; ids cannot contain commas, so keys join them with one. */
export class TreeBuilder {
  readonly roots: TreeNode[] = [];
  readonly byKey = new Map<string, TreeNode>();
  readonly byId = new Map<string, TreeNode[]>();

  constructor(private readonly view: View) {}

  add(
    parent: TreeNode | undefined,
    id: string,
    name: string,
    options: {role?: TreeNode['role']; label?: string | undefined} = {},
  ): TreeNode {
    const role = options.role ?? 'component';
    const step = role === 'dependency' ? `needs:${id}` : id;
    const node: TreeNode = {
      key: `${parent ? parent.key : this.view},${step}`,
      id,
      role,
      name,
      depth: parent ? parent.depth + 1 : 0,
      children: [],
    };
    if (options.label !== undefined) node.label = options.label;
    if (parent) {
      node.parent = parent;
      parent.children.push(node);
    } else this.roots.push(node);
    this.byKey.set(node.key, node);
    const same = this.byId.get(id);
    if (same) same.push(node);
    else this.byId.set(id, [node]);
    return node;
  }

  build(): Tree {
    return {view: this.view, roots: this.roots, byKey: this.byKey, byId: this.byId};
  }
}
