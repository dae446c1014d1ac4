import {statusOf, type Status} from '../../core/capacity.js';
import type {Model} from '../../core/model.js';
import type {TimelinePoint} from '../state/types.js';

const blocks = {unicode: '▁▂▃▄▅▆▇█', ascii: '_.,-=+*#'};
const marks = {unicode: {change: '▲', action: '◆'}, ascii: {change: '^', action: '*'}};

/** One column of a service's sparkline: its level glyph and the status it stood at. */
export interface SparkCell {
  glyph: string;
  status: Status;
}

export interface TimelineText {
  /** Where each change (▲) and action (◆) falls on the sparklines' columns. */
  marks: string;
  services: {id: string; served: number; demand: number; status: Status; cells: SparkCell[]}[];
  from: number;
  to: number;
}

/**
 * The session from its first moment to `now`, `width` columns wide: each column shows the
 * worst a service served while it lasted (a minute DOWN between two OKs is not averaged away),
 * as a fraction of its demand. Drawn from the served figures kept per change; nothing is
 * analysed here.
 */
export function timelineText(
  points: readonly TimelinePoint[],
  model: Model,
  now: number,
  width: number,
  ascii: boolean,
): TimelineText | undefined {
  if (points.length === 0 || width <= 0) return undefined;
  const from = points[0]!.at;
  const to = Math.max(now, points.at(-1)!.at, from + 1000);
  const column = (at: number) =>
    Math.min(width - 1, Math.max(0, Math.floor(((at - from) / (to - from)) * width)));
  const levels = ascii ? blocks.ascii : blocks.unicode;
  const glyphs = ascii ? marks.ascii : marks.unicode;
  const markRow = Array.from({length: width}, () => ' ');
  for (const point of points) {
    if (point.mark === 'start') continue;
    const at = column(point.at);
    // An action is what the reader looks for; it is not hidden by a change in the same column.
    if (markRow[at] !== glyphs.action) markRow[at] = glyphs[point.mark];
  }
  const services = model.services.map((service) => {
    const worst: (number | undefined)[] = Array.from({length: width}, () => undefined);
    points.forEach((point, index) => {
      const served = point.served.get(service.id);
      if (served === undefined) return;
      const end = index + 1 < points.length ? points[index + 1]!.at : to;
      // A moment covers its column and every column until the next moment's.
      const last = Math.max(column(point.at), column(end) - (index + 1 < points.length ? 1 : 0));
      for (let c = column(point.at); c <= last; c++)
        worst[c] = Math.min(worst[c] ?? served, served);
    });
    const cells = worst.map((served): SparkCell => {
      if (served === undefined) return {glyph: ' ', status: 'OK'};
      const ratio = service.demand > 0 ? Math.min(1, served / service.demand) : 1;
      return {
        glyph: levels[Math.round(ratio * (levels.length - 1))]!,
        status: statusOf(service, served),
      };
    });
    const served = points.at(-1)!.served.get(service.id) ?? 0;
    return {
      id: service.id,
      served,
      demand: service.demand,
      status: statusOf(service, served),
      cells,
    };
  });
  return {marks: markRow.join(''), services, from, to};
}
