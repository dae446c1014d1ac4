import type {CompileCache} from './compile-cache.js';

/** The launcher's compile cache (source/launch), given to the bundled program (bundle.js). */
declare const FAILSIGHT_COMPILE_CACHE: CompileCache | undefined;

/**
 * Saves the program's compile cache if this run is to make it; nothing when run unbundled.
 * Called once a command has run, once the dashboard is still or closes, and before anything
 * changes V8's flags: V8 refuses a cache made under other flags than those of the run that
 * reads it.
 */
export function saveCompileCache(): void {
  if (typeof FAILSIGHT_COMPILE_CACHE !== 'undefined') FAILSIGHT_COMPILE_CACHE?.save();
}
