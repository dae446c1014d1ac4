import {createRequire} from 'node:module';
import {once} from '../core/once.js';
import {saveCompileCache} from './save-compile-cache.js';

export interface IdleCollector {
  /** Something was drawn: the screen is busy, so a collection waits for the next quiet spell. */
  activity(): void;
  stop(): void;
}

export interface IdleCollectorOptions {
  /** How long the screen must be still before collecting. */
  quietMs?: number;
  /** How much the heap must have grown since the last full collection to be worth one. */
  growthBytes?: number;
  /** How long the screen must be still before the young generation is offered back. */
  youngQuietMs?: number;
  /** How much the heap must have grown for a full collection before the young one. */
  settledGrowthBytes?: number;
  /** The full collection; default: V8's own, when it can be had. */
  collect?: () => void;
  /** A young-generation collection; default: V8's own (a scavenge), when it can be had. */
  collectYoung?: () => void;
  /** Bytes in use on the heap, garbage included. */
  heapUsed?: () => number;
  /** Lets go of what only past frames needed; the settled collection then always runs. */
  release?: () => void;
}

/**
 * V8 collects its old generation lazily, when the heap nears a limit that itself grows. A
 * dashboard that keeps replacing large derived data (a view's rows at 100k VMs, each state's
 * analysis) therefore holds its garbage for long, and its resident memory climbs while the live
 * heap stays flat. Here one full collection runs once the screen has been still for `quietMs`
 * and the heap has grown by `growthBytes` since the last one: when nobody waits for a frame.
 * Two passes, each some tens of milliseconds at 100k VMs, once per quiet spell.
 *
 * The young generation is the other half. V8 grows it (to 32 MB here) under a burst of work and
 * shrinks it only at a scavenge that finds the allocation rate low, which an idle process never
 * has, since it allocates too little to need one. So once the screen has been still for
 * `youngQuietMs` (long enough that V8's measure of the rate, about five seconds wide, has
 * left the burst behind) one scavenge is made, a millisecond or two, and V8 gives the space
 * back: measured at 10k VMs after a flood of events, 31 MB of young generation became 1 MB.
 * The next burst grows it again. A full collection goes first if the heap has grown by
 * `settledGrowthBytes`, so the old generation is compacted at rest too. Before it, `release` lets
 * go of what only past frames needed (the dashboard: the answers of past states), and the full
 * collection then runs whatever the growth: what was let go is still counted as in use.
 */
export function idleCollector(options: IdleCollectorOptions = {}): IdleCollector {
  // V8's collector is reached on first use: the modules it takes are not the first frame's.
  const v8 = once(v8Collector);
  const collect = options.collect ?? (() => v8()?.());
  const collectYoung = options.collectYoung ?? (() => v8()?.({type: 'minor'}));
  const heapUsed = options.heapUsed ?? (() => process.memoryUsage().heapUsed);
  const quietMs = options.quietMs ?? 1000;
  const growthBytes = options.growthBytes ?? 8 * 1024 * 1024;
  const youngQuietMs = options.youngQuietMs ?? 8000;
  const settledGrowthBytes = options.settledGrowthBytes ?? 1024 * 1024;
  let baseline = heapUsed();
  let timer: NodeJS.Timeout | undefined;
  let youngTimer: NodeJS.Timeout | undefined;
  /** A full collection when the heap has grown by `least` since the last one. */
  const collectFull = (least: number) => {
    if (heapUsed() - baseline < least) return;
    // The second pass compacts the pages the first one emptied: measured at 100k VMs, one pass
    // left the heap's pages growing by 20 MB over 50 view switches, two held them flat.
    collect();
    collect();
    baseline = heapUsed();
  };
  const check = () => {
    timer = undefined;
    // What the first frames compiled, for the next start (commands/compile-cache.ts).
    saveCompileCache();
    collectFull(growthBytes);
  };
  // Still longer: what the first check left (less than `growthBytes`) goes too, then the young
  // generation is offered back.
  const young = () => {
    youngTimer = undefined;
    // What was let go is garbage, not yet counted as freed: it is collected whatever the growth.
    const {release} = options;
    release?.();
    collectFull(release ? 0 : settledGrowthBytes);
    collectYoung();
  };
  return {
    activity() {
      clearTimeout(timer);
      clearTimeout(youngTimer);
      timer = setTimeout(check, quietMs);
      youngTimer = setTimeout(young, youngQuietMs);
      // A pending collection never keeps the process alive.
      timer.unref();
      youngTimer.unref();
    },
    stop() {
      clearTimeout(timer);
      clearTimeout(youngTimer);
      timer = undefined;
      youngTimer = undefined;
    },
  };
}

type V8Collector = (options?: {type: 'minor' | 'major'}) => void;

/** V8's `gc`, reached through a fresh context once exposed; undefined if refused. */
function v8Collector(): V8Collector | undefined {
  try {
    const require = createRequire(import.meta.url);
    const {setFlagsFromString} = require('node:v8') as typeof import('node:v8');
    const {runInNewContext} = require('node:vm') as typeof import('node:vm');
    // V8 refuses a compile cache made under other flags than those it starts with.
    saveCompileCache();
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as V8Collector) : undefined;
  } catch {
    return undefined;
  }
}
