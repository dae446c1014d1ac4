/**
 * The kinds of component, their display order and default availabilities: plain values the
 * analyzer uses everywhere, kept apart from the zod schema so that loading a clean file and
 * analysing it never loads zod (only a file with a problem to word does).
 */

export const kinds = ['zone', 'site', 'account', 'router', 'vm', 'lb', 'gslb', 'service'] as const;
export type Kind = (typeof kinds)[number];

/** The kinds a service's tolerance of one failure is told for. */
export type ToleranceKind = 'vm' | 'router' | 'account' | 'lb' | 'zone' | 'site' | 'gslb';

/** Those of the sweep, in its order; the GSLB (provider-managed) only when asked for. */
export const toleranceKinds: readonly ToleranceKind[] = [
  'vm',
  'router',
  'account',
  'lb',
  'zone',
  'site',
];

/** Display and cause order: the widest failure first. */
export const kindRank: Record<Kind, number> = {
  zone: 0,
  site: 1,
  account: 2,
  router: 3,
  lb: 4,
  gslb: 5,
  vm: 6,
  service: 7,
};

export const defaultAvailability: Record<Exclude<Kind, 'service'>, number> = {
  zone: 0.9999,
  site: 0.999,
  account: 0.9999,
  router: 0.9995,
  vm: 0.999,
  lb: 0.9995,
  gslb: 1,
};
