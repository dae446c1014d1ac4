import {loadTopologySource} from '../adapters/git-show.js';
import {availability} from '../core/availability.js';
import {analyzeSide, diffExitCode, diffTopologies, type TopologyDiff} from '../core/diff.js';
import {formatLocated, type Located} from '../core/load.js';
import type {Model} from '../core/model.js';
import type {Compare} from '../ui/types.js';
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

/** Both sides, or every error of both, each naming its file (or `REV:path`) as written. */
export async function loadBoth(
  sources: DiffSources,
  err: (text: string) => void,
): Promise<{ok: true; old: Model; new: Model} | {ok: false; errors: Located[]}> {
  const [old, now] = await Promise.all([
    loadTopologySource(sources.old),
    loadTopologySource(sources.new),
  ]);
  for (const warning of [...old.warnings, ...now.warnings].slice(0, 20))
    err(`failsight: ${formatLocated(warning)} (warning)\n`);
  if (old.ok && now.ok) return {ok: true, old: old.model, new: now.model};
  return {ok: false, errors: [...(old.ok ? [] : old.errors), ...(now.ok ? [] : now.errors)]};
}

/** Each side analysed once (check report and zone sweep together), then compared. */
export function diffModels(old: Model, now: Model, options: Omit<DiffCommandOptions, 'format'>) {
  const analyze = {includeGslb: options.includeGslb, availabilityOf: availability};
  return diffTopologies(analyzeSide(old, analyze), analyzeSide(now, analyze), {
    tolerancePoints: options.tolerance,
  });
}

/** `failsight diff OLD NEW`: exit 0 when nothing got worse, 1 when something did, 2 on bad input. */
export async function runDiff(
  sources: DiffSources,
  options: DiffCommandOptions,
  output: Output,
): Promise<0 | 1 | 2> {
  const loaded = await loadBoth(sources, output.err);
  if (!loaded.ok) {
    for (const error of loaded.errors.slice(0, 20))
      output.err(`failsight: ${formatLocated(error)}\n`);
    if (options.format === 'json')
      output.out(JSON.stringify({errors: loaded.errors}, null, 2) + '\n');
    return 2;
  }
  const diff: TopologyDiff = diffModels(loaded.old, loaded.new, options);
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
