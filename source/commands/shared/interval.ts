import {parseDuration} from '../../core/duration.js';
import {delayBoundsText, delayInBounds} from '../../core/limits.js';
import {usageError} from './errors.js';
import type {Flags} from './invocation.js';

/**
 * The interval every polled source shares (--interval: 30s, 2m or seconds; default 15 s). Its
 * own module: the dashboard asks it at every start and must not load the cloud importer for it.
 */
export function intervalSeconds(flags: Pick<Flags, 'interval'>): number {
  if (flags.interval === undefined) return 15;
  const parsed = parseDuration(flags.interval);
  if (!parsed.ok) usageError(`--interval: ${parsed.message}`);
  if (!delayInBounds(parsed.seconds * 1000))
    usageError(`--interval: ${flags.interval} is out of range: ${delayBoundsText}`);
  return parsed.seconds;
}
