import type {Model} from '../core/model.js';
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

// Measured with `check`: 80 VMs behind two load balancers are answered 30 ms sooner in baseline
// tiers, 160 VMs behind four and a GSLB 20-55 ms sooner optimized, 320 VMs 200-330 ms sooner.
const optimizedFromVms = 150;

/**
 * A command that answers once, started in baseline tiers for a small file, lets V8 optimize
 * when the topology it read has VMs enough for the analysis to pay for it.
 */
export function optimizeFor(model: Model): void {
  if (model.vms.length < optimizedFromVms) return;
  if (typeof FAILSIGHT_COMPILE_CACHE !== 'undefined') FAILSIGHT_COMPILE_CACHE?.optimize();
}
