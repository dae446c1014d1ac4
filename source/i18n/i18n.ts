import type {Status} from '../core/capacity.js';
import type {CoreMessage} from '../core/messages.js';
import type {Kind} from '../core/schema.js';
import {en, type MessageId} from './messages-en.js';
import {ko} from './messages-ko.js';
import type {Lang} from '../shared/types.js';

export type {MessageId};
export type Params = Record<string, string | number>;

/** A message kept as id + parameters, so the language is applied when it is drawn. */
export interface Message {
  id: MessageId;
  params?: Params;
  /** A message of the core's, put into this one as {what} (and {reason}). */
  core?: CoreMessage;
}

const catalogues: Record<Lang, Record<MessageId, string>> = {en, ko};

export function t(lang: Lang, id: MessageId, params: Params = {}): string {
  return catalogues[lang][id].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function say(lang: Lang, message: Message): string {
  const params = {...message.params};
  if (message.core) params['what'] = params['reason'] = sayCore(lang, message.core);
  // A component kind given as a parameter is named in the screen's language.
  const kind = params['kind'];
  if (typeof kind === 'string' && kind in singular) params['kind'] = kindWord(lang, kind as Noun);
  return t(lang, message.id, params);
}

/** A core message in the screen's language (every core id has a text in both catalogues). */
export function sayCore(lang: Lang, message: CoreMessage): string {
  const params = message.inner
    ? {...message.params, fix: sayCore(lang, message.inner)}
    : message.params;
  return say(lang, {id: message.id, params});
}

export type Noun = Kind | 'group' | 'component';

const singular: Record<Noun, MessageId> = {
  zone: 'kind.zone',
  site: 'kind.site',
  account: 'kind.account',
  router: 'kind.router',
  vm: 'kind.vm',
  lb: 'kind.lb',
  gslb: 'kind.gslb',
  service: 'kind.service',
  group: 'kind.group',
  component: 'kind.component',
};

const plural: Record<Noun, MessageId> = {
  zone: 'kinds.zone',
  site: 'kinds.site',
  account: 'kinds.account',
  router: 'kinds.router',
  vm: 'kinds.vm',
  lb: 'kinds.lb',
  gslb: 'kinds.gslb',
  service: 'kinds.service',
  group: 'kinds.group',
  component: 'kinds.component',
};

export function kindWord(lang: Lang, kind: Noun, count = 1): string {
  return t(lang, count === 1 ? singular[kind] : plural[kind]);
}

/** "2 routers · 4 VMs · 1 LB" */
export function countList(
  lang: Lang,
  counts: Partial<Record<Kind, number>>,
  order: readonly Kind[],
  dot: string,
): string {
  return order
    .filter((kind) => (counts[kind] ?? 0) > 0)
    .map((kind) =>
      t(lang, 'count.item', {n: counts[kind]!, kind: kindWord(lang, kind, counts[kind])}),
    )
    .join(dot);
}

const statusIds: Record<Status, MessageId> = {
  OK: 'status.OK',
  DEGRADED: 'status.DEGRADED',
  DOWN: 'status.DOWN',
};

export function statusWord(lang: Lang, status: Status): string {
  return t(lang, statusIds[status]);
}
