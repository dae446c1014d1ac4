import type {Model} from './model.js';
import {nearest} from './nearest.js';
import {printable} from './printable.js';
import {kinds, type Kind} from './kinds.js';

export type Resolved = {ok: true; id: string; kind: Kind} | {ok: false; message: string};

/** The kinds that can fail; a service is what fails *because* of them. */
const failableKinds = kinds.filter((kind) => kind !== 'service');

function article(kind: string): string {
  return /^[aeiou]/i.test(kind) ? `an ${kind}` : `a ${kind}`;
}

/** A name comes from the command line or an event stream: quoted back escaped. */
function refused(message: string): Resolved {
  return {ok: false, message: printable(message)};
}

/** A component as named on the command line: `KR-CA`, `zone:KR-CA` or `router:shop-main/KR-CA`. */
export function resolveComponent(model: Model, name: string): Resolved {
  return resolveName(model, name, false);
}

/**
 * What `--failover` and `o` act on: any component a failover applies to, services included
 * (`o` on a service promotes its standbys or moves its GSLB).
 */
export function resolveFailoverTarget(model: Model, name: string): Resolved {
  return resolveName(model, name, true);
}

function resolveName(model: Model, name: string, services: boolean): Resolved {
  const colon = name.indexOf(':');
  const prefix = colon > 0 ? name.slice(0, colon) : undefined;
  // An id that itself contains a colon wins over a kind prefix.
  const isKind =
    prefix !== undefined &&
    (kinds as readonly string[]).includes(prefix) &&
    !model.components.has(name);
  const id = isKind ? name.slice(colon + 1) : name;
  const component = model.components.get(id);
  const wantedKind = isKind ? (prefix as Kind) : undefined;
  if (!services && (component?.kind === 'service' || wantedKind === 'service'))
    return refused(
      `"${id}" is a service, not a component that can fail: name a ${failableKinds.join(', ')} (e.g. the zone or VMs it runs on)`,
    );
  if (component && (wantedKind === undefined || component.kind === wantedKind))
    return {ok: true, id, kind: component.kind};
  if (component)
    return refused(
      `"${id}" is ${article(component.kind)}, not ${article(wantedKind!)} (use ${component.kind}:${id})`,
    );
  if (prefix !== undefined && !isKind && !model.components.has(name))
    return refused(`unknown kind "${prefix}" in "${name}": kinds are ${failableKinds.join(', ')}`);
  const candidates = [...model.components.values()]
    .filter(
      (c) =>
        (services || c.kind !== 'service') && (wantedKind === undefined || c.kind === wantedKind),
    )
    .map((c) => c.id);
  const hint = nearest(id, candidates);
  const what = wantedKind ?? 'component';
  return refused(
    `unknown ${what} "${id}"${hint ? ` (did you mean "${wantedKind ? `${wantedKind}:` : ''}${hint}"?)` : ''}`,
  );
}
