import type {Status} from './capacity.js';
import {printable} from './printable.js';

/**
 * An incident's story, told from its audit journal (docs/audit-journal.md): what was observed
 * when and by which source, what was announced, each service's worst point and time DOWN or
 * DEGRADED, every action, and for each GSLB move the predicted time beside the observed
 * recovery. Pure: the lines in, the story out. A line that is not a record is counted and
 * skipped, never fatal.
 */
export interface Incident {
  /** The journal's first and last record. */
  from?: string;
  to?: string;
  /** The first moment a service was below OK, and the first after it when all were OK again. */
  start?: string;
  end?: string;
  records: number;
  skipped: {count: number; lines: number[]};
  observed: ObservedLine[];
  announcements: AnnouncementLine[];
  /** The likely cause as it was inferred at each change, when the journal has it. */
  likely: {at: string; cause: string[]}[];
  services: ServiceStory[];
  actions: ActionLine[];
  moves: MoveStory[];
}

export interface ObservedLine {
  at: string;
  id: string;
  kind: string;
  state: string;
  sources: string[];
  reason?: string;
}

export interface AnnouncementLine {
  at: string;
  tone: string;
  lead: string;
  state: string;
  reason?: string;
  more: number;
  services: {id: string; before: string; after: string}[];
}

export interface ServiceStory {
  id: string;
  demand: number;
  worst: {at: string; served: number; status: Status};
  downS: number;
  degradedS: number;
  /** Some of its time below OK was in a state that held simulated failures or failovers. */
  simulatedPart: boolean;
}

export interface ActionLine {
  at: string;
  action: string;
  ids: string[];
  description?: string;
  simulated: boolean;
  exitCode?: number | null;
  durationMs?: number;
  error?: string;
}

export interface MoveStory {
  at: string;
  gslb: string;
  service: string;
  detectS: number;
  predictedS: number;
  moves: boolean;
  /** When the service was next seen OK, and how long after the move began. */
  recoveredAt?: string;
  observedS?: number;
}

type Fields = Record<string, unknown>;

const text = (value: unknown) => (typeof value === 'string' ? printable(value) : undefined);
const strings = (value: unknown) =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string').map(printable)
    : [];
const statuses: readonly string[] = ['OK', 'DEGRADED', 'DOWN'];

interface ServicePointLine {
  id: string;
  served: number;
  demand: number;
  status: Status;
}

function servicePoints(value: unknown): ServicePointLine[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const points: ServicePointLine[] = [];
  for (const item of value as Fields[]) {
    if (typeof item !== 'object' || item === null) return undefined;
    const {id, served, demand, status} = item;
    if (typeof id !== 'string' || typeof served !== 'number' || typeof demand !== 'number')
      return undefined;
    if (typeof status !== 'string' || !statuses.includes(status)) return undefined;
    points.push({id: printable(id), served, demand, status: status as Status});
  }
  return points;
}

/** One journal line as a record with its time, or undefined when it is not one. */
function parse(line: string): {at: string; ms: number; fields: Fields} | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const fields = value as Fields;
  const at = fields['at'];
  const ms = typeof at === 'string' ? Date.parse(at) : NaN;
  if (Number.isNaN(ms)) return undefined;
  if (typeof fields['action'] !== 'string' && typeof fields['event'] !== 'string') return undefined;
  return {at: new Date(ms).toISOString(), ms, fields};
}

interface Open {
  status: Status;
  since: number;
  simulated: boolean;
}

export function incidentOf(lines: readonly string[]): Incident {
  const story: Incident = {
    records: 0,
    skipped: {count: 0, lines: []},
    observed: [],
    announcements: [],
    likely: [],
    services: [],
    actions: [],
    moves: [],
  };
  const services = new Map<string, ServiceStory>();
  const open = new Map<string, Open>();
  const waiting: {move: MoveStory; ms: number}[] = [];
  let belowSince: string | undefined;
  let lastMs = 0;
  // A line read as a record whose fields are not what its kind needs: not counted as read.
  const unread = (index: number) => {
    story.records--;
    skip(index);
  };
  const skip = (index: number) => {
    story.skipped.count++;
    if (story.skipped.lines.length < 20) story.skipped.lines.push(index + 1);
  };
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const record = parse(line);
    if (!record) return skip(index);
    const {at, ms, fields} = record;
    story.records++;
    story.from ??= at;
    story.to = at;
    lastMs = ms;
    const event = fields['event'];
    if (typeof fields['action'] === 'string') {
      const action: ActionLine = {
        at,
        action: printable(fields['action']),
        ids: strings(fields['ids']),
        // A journal from before simulated was written had only simulated actions and hook runs.
        simulated:
          typeof fields['simulated'] === 'boolean'
            ? fields['simulated']
            : !String(fields['action']).startsWith('hook-'),
      };
      const description = text(fields['description']) ?? text(fields['error']);
      if (description !== undefined) action.description = description;
      if (typeof fields['exitCode'] === 'number' || fields['exitCode'] === null)
        action.exitCode = fields['exitCode'] as number | null;
      if (typeof fields['durationMs'] === 'number') action.durationMs = fields['durationMs'];
      story.actions.push(action);
    } else if (event === 'observed') {
      const id = text(fields['id']);
      const state = text(fields['state']);
      if (id === undefined || state === undefined) return unread(index);
      const reason = text(fields['reason']);
      story.observed.push({
        at,
        id,
        kind: text(fields['kind']) ?? '?',
        state,
        sources: strings(fields['sources']),
        ...(reason === undefined ? {} : {reason}),
      });
    } else if (event === 'announced') {
      const lead = fields['lead'] as Fields | undefined;
      const id = text(lead?.['id']);
      if (id === undefined) return unread(index);
      const reason = text(lead?.['reason']);
      story.announcements.push({
        at,
        tone: text(fields['tone']) ?? '?',
        lead: id,
        state: text(lead?.['state']) ?? '?',
        ...(reason === undefined ? {} : {reason}),
        more: typeof fields['more'] === 'number' ? fields['more'] : 0,
        services: (Array.isArray(fields['services']) ? (fields['services'] as Fields[]) : []).map(
          (s) => ({
            id: text(s?.['id']) ?? '?',
            before: text(s?.['before']) ?? '?',
            after: text(s?.['after']) ?? '?',
          }),
        ),
      });
    } else if (event === 'analysis') {
      const points = servicePoints(fields['services']);
      if (!points) return unread(index);
      const simulated = fields['simulated'] === true;
      const likely = strings(fields['likely']);
      if (likely.length > 0) story.likely.push({at, cause: likely});
      for (const point of points) {
        const known = services.get(point.id);
        const worse =
          !known || rank(point.status, point.served) < rank(known.worst.status, known.worst.served);
        const service = known ?? {
          id: point.id,
          demand: point.demand,
          worst: {at, served: point.served, status: point.status},
          downS: 0,
          degradedS: 0,
          simulatedPart: false,
        };
        if (worse) service.worst = {at, served: point.served, status: point.status};
        services.set(point.id, service);
        close(service, open.get(point.id), ms);
        open.set(point.id, {status: point.status, since: ms, simulated});
      }
      const below = points.some((p) => p.status !== 'OK');
      if (below && belowSince === undefined) {
        belowSince = at;
        story.start ??= at;
        delete story.end;
      } else if (!below && belowSince !== undefined) {
        belowSince = undefined;
        story.end = at;
      }
      for (const wait of waiting.splice(0)) {
        const now = points.find((p) => p.id === wait.move.service);
        if (now?.status === 'OK' && ms > wait.ms) {
          wait.move.recoveredAt = at;
          wait.move.observedS = Math.round((ms - wait.ms) / 1000);
        } else waiting.push(wait);
      }
      for (const move of Array.isArray(fields['moves']) ? (fields['moves'] as Fields[]) : []) {
        const gslb = text(move?.['gslb']);
        const service = text(move?.['service']);
        if (gslb === undefined || service === undefined) continue;
        const moved: MoveStory = {
          at,
          gslb,
          service,
          detectS: Number(move['detectS']) || 0,
          predictedS: Number(move['predictedS']) || 0,
          moves: move['moves'] !== false,
        };
        story.moves.push(moved);
        waiting.push({move: moved, ms});
      }
    } else unread(index);
  });
  for (const service of services.values()) close(service, open.get(service.id), lastMs);
  story.services = [...services.values()];
  return story;
}

/** Lower is worse: by status first, then by what was served. */
function rank(status: Status, served: number): number {
  return (status === 'DOWN' ? 0 : status === 'DEGRADED' ? 1 : 2) * 1e15 + served;
}

/** Time in the status a service held since its last analysis, up to `ms`. */
function close(service: ServiceStory, was: Open | undefined, ms: number) {
  if (!was || was.status === 'OK') return;
  const seconds = Math.max(0, (ms - was.since) / 1000);
  if (was.status === 'DOWN') service.downS += seconds;
  else service.degradedS += seconds;
  if (was.simulated) service.simulatedPart = true;
}
