import {bundledDemo, loadTopologyFile} from '../../adapters/topology-file.js';
import {formatLocated} from '../../core/load/place.js';
import type {Model} from '../../core/model.js';
import {printable} from '../../core/printable.js';
import {optimizeFor} from '../../runtime/save-compile-cache.js';
import {jsonErrors} from './errors.js';

export interface OpenTopology {
  model: Model;
  file: string;
  warnings: string[];
}

const shownAtMost = 20;

/**
 * Loads FILE (no FILE: the bundled demo) or exits 2 with every error located; warnings go to
 * stderr and come back for the dashboard to show.
 */
export async function openTopology(file: string | undefined): Promise<OpenTopology> {
  const path = file ?? bundledDemo;
  const result = await loadTopologyFile(path);
  const warnings = result.warnings.map((w) => `${printable(formatLocated(w))} (warning)`);
  for (const warning of warnings.slice(0, shownAtMost))
    process.stderr.write(`failsight: ${warning}\n`);
  if (warnings.length > shownAtMost)
    process.stderr.write(`failsight: … and ${warnings.length - shownAtMost} more warnings\n`);
  if (!result.ok) {
    for (const error of result.errors.slice(0, shownAtMost))
      process.stderr.write(`failsight: ${printable(formatLocated(error))}\n`);
    if (result.errors.length > shownAtMost)
      process.stderr.write(`failsight: … and ${result.errors.length - shownAtMost} more\n`);
    jsonErrors(result.errors);
    process.exit(2);
  }
  optimizeFor(result.model);
  return {model: result.model, file: path, warnings};
}
