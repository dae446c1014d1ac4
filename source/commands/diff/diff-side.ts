import {loadTopologySource} from '../../adapters/git-show.js';
import {availability} from '../../core/availability.js';
import {analyzeSide, type SideAnalysis} from '../../core/diff.js';
import type {Located} from '../../core/load.js';
import {optimizeFor} from '../../runtime/save-compile-cache.js';

export interface SideOptions {
  includeGslb: boolean;
}

/** One side of a diff loaded and analysed, or the located errors of its file. */
export type LoadedSide =
  | {ok: true; side: SideAnalysis; warnings: Located[]}
  | {ok: false; errors: Located[]; warnings: Located[]};

/** Loads a file or REV:path and analyses it once (check report and zone sweep together). */
export async function analyzeSource(spec: string, options: SideOptions): Promise<LoadedSide> {
  const loaded = await loadTopologySource(spec);
  if (!loaded.ok) return loaded;
  optimizeFor(loaded.model);
  const side = analyzeSide(loaded.model, {
    includeGslb: options.includeGslb,
    availabilityOf: availability,
  });
  return {ok: true, side, warnings: loaded.warnings};
}
