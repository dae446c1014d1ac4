import type {Account, Model} from '../../core/model.js';
import {TreeBuilder, type Tree, type TreeNode} from './nodes.js';

/**
 * group → account → zone (the account's router there) → VMs; LBs under their owner.
 * An account that is a group of its own stands at the top; sites close the list.
 */
export function accountTree(model: Model): Tree {
  const tree = new TreeBuilder('account');
  const groups = new Map<string, Account[]>();
  for (const account of model.accounts) {
    const members = groups.get(account.group);
    if (members) members.push(account);
    else groups.set(account.group, [account]);
  }
  for (const [group, accounts] of groups) {
    const shared = accounts.length > 1 || accounts[0]?.id !== group;
    const groupNode = shared ? tree.add(undefined, group, group, {role: 'group'}) : undefined;
    for (const account of accounts) addAccount(model, tree, groupNode, account);
  }
  for (const site of model.sites) tree.add(undefined, site.id, site.id, {label: site.label});
  return tree.build();
}

function addAccount(
  model: Model,
  tree: TreeBuilder,
  parent: TreeNode | undefined,
  account: Account,
) {
  const accountNode = tree.add(parent, account.id, account.id, {label: account.label});
  for (const routerId of account.routers) {
    const router = model.components.get(routerId);
    if (router?.kind !== 'router') continue;
    const zone = model.components.get(router.zone);
    const label = zone?.kind === 'zone' ? zone.label : undefined;
    const routerNode = tree.add(accountNode, router.id, router.zone, {label});
    for (const vm of router.vms) tree.add(routerNode, vm, vm);
    for (const lb of router.loadBalancers) tree.add(routerNode, lb, lb);
  }
  for (const lb of model.loadBalancers)
    if (lb.account === account.id && lb.runsOn === 'zone') tree.add(accountNode, lb.id, lb.id);
}
