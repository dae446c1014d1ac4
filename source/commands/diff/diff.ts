import {loadTopologySource} from '../../adapters/git-show.js';
import {availability} from '../../core/availability.js';
import {
  analyzeSide,
  diffExitCode,
  diffTopologies,
  type SideAnalysis,
  type TopologyDiff,
} from '../../core/diff.js';
import {formatLocated, type Located} from '../../core/load/place.js';
import type {Model} from '../../core/model.js';
import {printable} from '../../core/printable.js';
import type {Compare} from '../../shared/types.js';
import {placed, usageError} from '../shared/errors.js';
import type {Flags, Invocation} from '../shared/invocation.js';
import {analyzeSource, type SideOptions} from './diff-side.js';
import {diffJson, renderDiffMarkdown, renderDiffText, type DiffSources} from './diff-render.js';

export type DiffFormat = 'text' | 'markdown' | 'json';
export const diffFormats: readonly DiffFormat[] = ['text', 'markdown', 'json'];

export interface DiffCommandOptions {
  format: DiffFormat;
  /** Percentage points of availability a service may lose before the change counts as worse. */
  tolerance: number;
  includeGslb: boolean;
}

export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

/**
 * Both sides analysed once each, one after the other (a worker thread for OLD was tried: its
 * start-up and the copy of the answer cost more than it saved on a busy machine); or every error
 * of both, each naming its file (or `REV:path`) as written.
 */
async function analyzeBoth(
  sources: DiffSources,
  options: SideOptions,
  err: (text: string) => void,
): Promise<{ok: true; old: SideAnalysis; new: SideAnalysis} | {ok: false; errors: Located[]}> {
  const old = await analyzeSource(sources.old, options);
  const now = await analyzeSource(sources.new, options);
  for (const warning of [...old.warnings, ...now.warnings].slice(0, 20))
    err(`failsight: ${printable(formatLocated(warning))} (warning)\n`);
  if (old.ok && now.ok) return {ok: true, old: old.side, new: now.side};
  return {ok: false, errors: [...(old.ok ? [] : old.errors), ...(now.ok ? [] : now.errors)]};
}

/** --tolerance in percentage points ("0.01" or "0.01%"); absent: 0. */
function toleranceOf(flags: Flags): number {
  const tolerance = Number((flags.tolerance ?? '0').replace(/%$/, ''));
  if (!Number.isFinite(tolerance) || tolerance < 0)
    usageError(`--tolerance ${flags.tolerance}: expected percentage points, e.g. 0.01`);
  return tolerance;
}

/** `failsight diff OLD NEW [--format F] [--tolerance P]`. */
export async function diffCommand({files, flags, write}: Invocation): Promise<number> {
  if (files.length !== 2) usageError('diff needs two topologies: failsight diff OLD NEW');
  const format: DiffFormat = flags.json ? 'json' : ((flags.format as DiffFormat) ?? 'text');
  return runDiff(
    {old: files[0]!, new: files[1]!},
    {format, tolerance: toleranceOf(flags), includeGslb: flags.includeGslb},
    {out: write, err: (text) => process.stderr.write(text)},
  );
}

/** --compare OLD for the dashboard: loaded like any topology, exit 2 naming it when it is bad. */
export async function openCompare(flags: Flags): Promise<Compare> {
  const source = flags.compare!;
  const result = await loadTopologySource(source);
  if (!result.ok) {
    for (const error of result.errors.slice(0, 20))
      process.stderr.write(`failsight: ${printable(formatLocated(error))}\n`);
    process.exit(2);
  }
  return compareWith(result.model, source, {
    tolerance: toleranceOf(flags),
    includeGslb: flags.includeGslb,
  });
}

/** `failsight diff OLD NEW`: exit 0 when nothing got worse, 1 when something did, 2 on bad input. */
export async function runDiff(
  sources: DiffSources,
  options: DiffCommandOptions,
  output: Output,
): Promise<0 | 1 | 2> {
  const loaded = await analyzeBoth(sources, {includeGslb: options.includeGslb}, output.err);
  if (!loaded.ok) {
    for (const error of loaded.errors.slice(0, 20))
      output.err(`failsight: ${printable(formatLocated(error))}\n`);
    if (options.format === 'json')
      output.out(JSON.stringify({errors: loaded.errors.map(placed)}, null, 2) + '\n');
    return 2;
  }
  const diff: TopologyDiff = diffTopologies(loaded.old, loaded.new, {
    tolerancePoints: options.tolerance,
  });
  if (options.format === 'json')
    output.out(JSON.stringify(diffJson(diff, sources), null, 2) + '\n');
  else if (options.format === 'markdown')
    output.out(renderDiffMarkdown(diff, sources).join('\n') + '\n');
  else output.out(renderDiffText(diff, sources).join('\n') + '\n');
  return diffExitCode(diff);
}

/** `failsight NEW --compare OLD`: OLD is analysed once, each model shown is compared against it. */
export function compareWith(
  old: Model,
  source: string,
  options: Omit<DiffCommandOptions, 'format'>,
): Compare {
  const analyze = {includeGslb: options.includeGslb, availabilityOf: availability};
  let oldSide: ReturnType<typeof analyzeSide> | undefined;
  return {
    source,
    diffOf: (model) => {
      oldSide ??= analyzeSide(old, analyze);
      return diffTopologies(oldSide, analyzeSide(model, analyze), {
        tolerancePoints: options.tolerance,
      });
    },
  };
}
