import type {Announcement, ComponentChange} from './announce.js';
import type {Snapshot} from './analyze.js';
import type {Status} from './capacity.js';
import type {Model} from './model.js';
import type {FailoverWindow} from './timing.js';

/**
 * The audit journal's records (one JSON object a line; the journal adds `at`, the time it was
 * written). `action` lines are things done: simulated in the dashboard (`simulated: true`: the
 * cloud did not change) or a hook that really ran (`simulated: false`). `event` lines are things
 * seen or said: an observed change, an announcement, and the analysis after each change.
 * The line format is documented in docs/audit-journal.md; fields are added, never renamed.
 */
export type JournalRecord = ActionRecord | ObservedRecord | AnnouncedRecord | AnalysisRecord;

export interface ActionRecord {
  action: string;
  ids: string[];
  description?: string;
  simulated: boolean;
}

export interface ObservedRecord extends Omit<ComponentChange, 'reason'> {
  event: 'observed';
  reason?: string;
}

export interface AnnouncedRecord {
  event: 'announced';
  tone: Announcement['tone'];
  lead: {id: string; kind: string; state: ComponentChange['state']; reason?: string};
  more: number;
  services: {id: string; before: Status; after: Status}[];
}

export interface ServicePoint {
  id: string;
  served: number;
  demand: number;
  status: Status;
}

/** A GSLB move the change started: the predicted time is detection + TTL (core/timing.ts). */
export interface MoveRecord {
  gslb: string;
  service: string;
  detectS: number;
  predictedS: number;
  servedAfter: number;
  moves: boolean;
}

export interface AnalysisRecord {
  event: 'analysis';
  /** What the analysed state holds besides observation: a simulated failure or failover. */
  simulated: boolean;
  services: ServicePoint[];
  /** The components whose change led here (at most `changedShown` of them) and how many in all. */
  changed: string[];
  changedCount: number;
  /** Windows this change opened. */
  moves: MoveRecord[];
  /** The likely cause inferred at that moment, when the build infers one. */
  likely?: string[];
}

/** Lines stay small at 100k VMs: the changed components past this many are only counted. */
export const changedShown = 20;

export function actionRecord(
  action: {action: string; ids: string[]; description?: string},
  simulated: boolean,
): ActionRecord {
  return {...action, simulated};
}

export function observedRecord(change: ComponentChange): ObservedRecord {
  return {event: 'observed', ...change};
}

export function announcedRecord(said: Announcement): AnnouncedRecord {
  const {id, kind, state, reason} = said.lead;
  return {
    event: 'announced',
    tone: said.tone,
    lead: {id, kind, state, ...(reason === undefined ? {} : {reason})},
    more: said.more,
    services: said.services.map((s) => ({id: s.service, before: s.before, after: s.after})),
  };
}

/** The analysis of one state as the journal keeps it: every service, never the topology. */
export function analysisRecord(
  model: Model,
  snap: Snapshot,
  changed: readonly string[],
  opened: readonly FailoverWindow[],
): AnalysisRecord {
  const state = snap.state;
  return {
    event: 'analysis',
    simulated: state.simulated.size > 0 || state.promoted.size > 0 || state.forced.size > 0,
    services: model.services.map((service) => ({
      id: service.id,
      served: snap.evaluation.served.get(service.id) ?? 0,
      demand: service.demand,
      status: snap.status.get(service.id) ?? 'DOWN',
    })),
    changed: changed.slice(0, changedShown),
    changedCount: changed.length,
    moves: opened.map((w) => ({
      gslb: w.gslb,
      service: w.service,
      detectS: w.detectS,
      predictedS: w.totalS,
      servedAfter: w.servedAfter,
      moves: w.moves,
    })),
  };
}
