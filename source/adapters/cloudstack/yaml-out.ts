import {
  isAlias,
  isMap,
  isNode,
  isSeq,
  parseDocument,
  visit,
  YAMLMap,
  YAMLSeq,
  type Alias,
  type Document,
  type Node,
} from 'yaml';
import type {Imported} from './to-topology.js';

const headerMark = 'Imported by failsight from';

/** The comment at the top of an imported file: where from and when, and what to edit. */
function header(source: string, at: Date, notes: readonly string[]): string {
  return [
    ` ${headerMark} ${source} at ${at.toISOString().replace(/\.\d{3}Z$/, 'Z')}`,
    ...notes.map((note) => ` note: ${note}`),
  ].join('\n');
}

const guide = [
  ' Capacity is each VM’s vCPU count and there is one service per load balancer: a start.',
  ' Edit capacities, demands, minimums, GSLBs and hooks by hand; `failsight import cloudstack',
  ' --merge FILE` updates the inventory and keeps them.',
].join('\n');

/** A new topology file from an import. */
export function importedYaml(
  imported: Imported,
  meta: {source: string; name: string; at: Date},
): string {
  const document = parseDocument('version: 1\n');
  const contents = document.contents as YAMLMap;
  contents.set('name', meta.name);
  contents.set('unit', 'vCPU');
  for (const section of ['zones', 'accounts', 'vms', 'loadBalancers', 'services'] as const)
    contents.set(section, itemsNode(document, imported[section]));
  document.commentBefore = `${header(meta.source, meta.at, imported.notes)}\n\n${guide}`;
  return document.toString({lineWidth: 0});
}

function itemsNode(document: Document, items: readonly object[]): YAMLSeq {
  const seq = new YAMLSeq();
  for (const item of items) seq.items.push(itemNode(document, item));
  return seq;
}

/** One item; short lists (members) stay on one line. */
function itemNode(document: Document, item: object): YAMLMap {
  const node = document.createNode(item) as YAMLMap;
  for (const pair of node.items) if (isSeq(pair.value)) pair.value.flow = true;
  return node;
}

/** Fields the cloud decides; everything else in an existing item is the operator's. */
const cloudFields: Record<string, readonly string[]> = {
  zones: [],
  accounts: [],
  vms: ['account', 'zone'],
  loadBalancers: ['account', 'zone', 'runsOn', 'members'],
};

export interface MergeResult {
  text: string;
  added: string[];
  removed: string[];
}

/**
 * Updates an existing topology with a new import: the inventory (zones, accounts, VMs, load
 * balancers) follows the cloud — items matched by id keep what was written by hand (labels,
 * capacities, roles, probes, limits, hooks, comments) — and services are added only for load
 * balancers nothing refers to yet. Services, GSLBs, sites, demands and hooks are left as written.
 */
export function mergeYaml(
  existing: string,
  imported: Imported,
  meta: {source: string; at: Date; zones?: ReadonlySet<string>},
): MergeResult {
  const document = parseDocument(existing);
  if (!isMap(document.contents))
    throw new Error('the file to merge into is not a topology (no mapping at the top)');
  const contents = document.contents as unknown as YAMLMap<string, unknown>;
  const aliased = aliasTargets(document);
  const added: string[] = [];
  const removed: string[] = [];
  for (const section of ['zones', 'accounts', 'vms', 'loadBalancers'] as const) {
    const old = contents.get(section);
    const byId = new Map<string, YAMLMap>();
    if (isSeq(old))
      for (const item of old.items) if (isMap(item)) byId.set(String(item.get('id')), item);
    const seq = isSeq(old) ? old : new YAMLSeq();
    const next: YAMLMap[] = [];
    for (const item of imported[section] as ReadonlyArray<Record<string, unknown>>) {
      const id = String(item['id']);
      const node = byId.get(id);
      byId.delete(id);
      if (!node) {
        next.push(itemNode(document, item));
        added.push(id);
        continue;
      }
      for (const [field, value] of Object.entries(item)) {
        const owned = cloudFields[section]!.includes(field);
        if (!owned && node.has(field)) continue;
        if (field === 'runsOn' && value === 'zone' && !node.has(field)) continue;
        node.set(field, Array.isArray(value) ? flowSeq(document, value) : value);
      }
      next.push(node);
    }
    // An import of some zones (--zone) leaves the other zones' items as they are.
    for (const [id, node] of byId) {
      const zone = section === 'zones' ? id : String(node.get('zone'));
      if (meta.zones && (section === 'accounts' || !meta.zones.has(zone))) next.push(node);
      else removed.push(id);
    }
    if (meta.zones) next.sort((a, b) => (String(a.get('id')) < String(b.get('id')) ? -1 : 1));
    seq.items = next;
    if (!isSeq(old)) contents.set(section, seq);
  }
  const services = contents.get('services');
  const referenced = referencedEntries(contents);
  const serviceIds = new Set(
    isSeq(services) ? services.items.filter(isMap).map((s) => String(s.get('id'))) : [],
  );
  const fresh = imported.services.filter((s) => !referenced.has(s.entry) && !serviceIds.has(s.id));
  if (fresh.length > 0) {
    const seq = isSeq(services) ? services : new YAMLSeq();
    for (const service of fresh) {
      seq.items.push(itemNode(document, service));
      added.push(service.id);
    }
    if (!isSeq(services)) contents.set('services', seq);
  }
  document.commentBefore = replaceHeader(
    document.commentBefore,
    header(meta.source, meta.at, imported.notes),
  );
  keepAliasesResolved(document, aliased);
  return {text: document.toString({lineWidth: 0}), added, removed};
}

/** What each alias of the file as written stands for: the last node before it with its anchor. */
function aliasTargets(document: Document): Map<Alias, Node> {
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node>();
  visit(document, (_key, node) => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target) targets.set(node, target);
    } else if (isNode(node) && node.anchor) anchors.set(node.anchor, node as Node);
  });
  return targets;
}

/**
 * An anchor may sit on an item the cloud no longer has (or on a field the cloud rewrote, or on
 * an item that moved below its alias): its aliases would then point at nothing, or at another
 * node of the same name. The first alias that no longer reaches its node becomes a copy of it,
 * anchor and all, so the aliases after it reach the copy: the file says what it said before.
 */
function keepAliasesResolved(document: Document, targets: ReadonlyMap<Alias, Node>): void {
  const defined = new Map<string, Node>();
  const copies = new Map<Node, Node>();
  visit(document, (_key, node) => {
    if (isAlias(node)) {
      const target = targets.get(node);
      const current = defined.get(node.source);
      if (!target || current === target || (current && current === copies.get(target))) return;
      const copy = target.clone() as Node;
      copies.set(target, copy);
      // Visiting goes on into the copy: its anchor is defined there for the aliases after it.
      return copy;
    }
    if (isNode(node) && node.anchor) defined.set(node.anchor, node as Node);
    return undefined;
  });
}

function flowSeq(document: Document, values: unknown[]): YAMLSeq {
  const seq = document.createNode(values) as YAMLSeq;
  seq.flow = true;
  return seq;
}

/** Ids that services or GSLB targets already point at. */
function referencedEntries(contents: YAMLMap<string, unknown>): Set<string> {
  const ids = new Set<string>();
  const services = contents.get('services');
  if (isSeq(services))
    for (const s of services.items) if (isMap(s)) ids.add(String(s.get('entry')));
  const gslbs = contents.get('gslbs');
  if (isSeq(gslbs))
    for (const g of gslbs.items) {
      const targets = isMap(g) ? g.get('targets') : undefined;
      if (isSeq(targets))
        for (const t of targets.items) if (isMap(t)) ids.add(String(t.get('ref')));
    }
  return ids;
}

/** The previous import's header lines give way to the new one; other comments stay. */
function replaceHeader(comment: string | null | undefined, fresh: string): string {
  const kept = (comment ?? '')
    .split('\n')
    .filter((line) => !line.includes(headerMark) && !/^ note: /.test(line));
  while (kept.length > 0 && kept[0]!.trim() === '') kept.shift();
  return kept.length > 0 ? `${fresh}\n\n${kept.join('\n')}` : fresh;
}
