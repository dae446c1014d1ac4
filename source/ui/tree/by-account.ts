import {containmentOf, type Containment} from '../../core/containment.js';
import type {Account, Model} from '../../core/model.js';
import {TreeBuilder, type Tree, type TreeNode} from './nodes.js';

/**
 * group → account → zone (the account's router there) → VMs; LBs under their owner.
 * An account that is a group of its own stands at the top; sites close the list.
 */
export function accountTree(model: Model): Tree {
  const tree = new TreeBuilder('account');
  const contains = containmentOf(model);
  const groups = new Map<string, Account[]>();
  for (const account of model.accounts) {
    const members = groups.get(account.group);
    if (members) members.push(account);
    else groups.set(account.group, [account]);
  }
  const zoneLbs = new Map<string, string[]>();
  for (const lb of model.loadBalancers) {
    if (lb.runsOn !== 'zone') continue;
    const owned = zoneLbs.get(lb.account);
    if (owned) owned.push(lb.id);
    else zoneLbs.set(lb.account, [lb.id]);
  }
  for (const [group, accounts] of groups) {
    const shared = accounts.length > 1 || accounts[0]?.id !== group;
    const groupNode = shared ? tree.add(undefined, group, group, {role: 'group'}) : undefined;
    for (const account of accounts)
      addAccount(model, contains, tree, groupNode, account, zoneLbs.get(account.id) ?? []);
  }
  for (const site of model.sites) tree.add(undefined, site.id, site.id, {label: site.label});
  return tree.build();
}

function addAccount(
  model: Model,
  contains: Containment,
  tree: TreeBuilder,
  parent: TreeNode | undefined,
  account: Account,
  zoneLbs: readonly string[],
) {
  const accountNode = tree.add(parent, account.id, account.id, {label: account.label});
  for (const routerId of account.routers) {
    const router = model.components.get(routerId);
    if (router?.kind !== 'router') continue;
    const zone = model.components.get(router.zone);
    const label = zone?.kind === 'zone' ? zone.label : undefined;
    tree.add(accountNode, router.id, router.zone, {
      label,
      leaves: contains.childrenOf(router.id),
    });
  }
  for (const lb of zoneLbs) tree.add(accountNode, lb, lb);
}
