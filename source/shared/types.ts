import type {AvailabilityEstimate} from '../core/availability.js';
import type {Improvement} from '../core/improvement.js';
import type {TopologyDiff} from '../core/diff.js';
import type {HookCommand, HookOutcome} from '../core/hooks.js';
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

/** What the hook runner tells the screen, each after it is journaled. */
export type HookReport = {type: 'started'; at: number} | {type: 'ended'; outcome: HookOutcome};

/** Runs a confirmed hook outside the screen (the UI opens no process) and reports back. */
export type HookRunner = (hook: HookCommand, report: (event: HookReport) => void) => void;

/** The `a` panel's estimate for one service of the model on screen (it changes on reload). */
/** A service's estimate; `improvement`, when given, ranks what to improve first (asked lazily). */
export type AvailabilityOf = (
  serviceId: string,
  model: Model,
) => AvailabilityEstimate & {improvement?: () => Improvement[]};

/**
 * Writes plain text straight onto the terminal at a cell of the frame, outside Ink: Ink redraws
 * its whole frame on every change, so a ticking clock drawn through it would cost a full frame
 * each second. Only for text whose width never changes.
 */
export type PaintCells = (row: number, column: number, text: string, style: {dim: boolean}) => void;

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
