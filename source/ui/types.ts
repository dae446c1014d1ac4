import type {AvailabilityEstimate} from '../core/availability.js';
import type {TopologyDiff} from '../core/diff.js';
import type {Model} from '../core/model.js';

export type {AvailabilityEstimate};

export type Lang = 'en' | 'ko';
export type View = 'zone' | 'account' | 'service';
export const views: readonly View[] = ['zone', 'account', 'service'];

/** One operator action, handed to the audit journal before the screen shows it. */
export interface AuditAction {
  action: 'fail' | 'restore' | 'restore-all' | 'undo' | 'failover' | 'moved';
  ids: string[];
  description?: string;
}

export type {LiveUpdate} from '../core/live.js';

/** The `a` panel's estimate for one service of the model on screen (it changes on reload). */
export type AvailabilityOf = (serviceId: string, model: Model) => AvailabilityEstimate;

/** `--compare OLD`: what the model on screen changed against OLD (the `d` panel); the core's diff. */
export interface Compare {
  /** OLD as written on the command line. */
  source: string;
  diffOf: (model: Model) => TopologyDiff;
}

/** How the screen is drawn; fixed for a session. */
export interface Look {
  lang: Lang;
  ascii: boolean;
  color: boolean;
}
