import {snapshot} from '../source/core/analyze.js';
import {checkReport} from '../source/core/check.js';
import {availability} from '../source/core/availability.js';
import {isFailable} from '../source/core/propagate.js';
import {emptyState} from '../source/core/state.js';
import {sweep} from '../source/core/sweep.js';
import {generateModel} from './generate.js';
import {ms, ratio, timeMs, type BenchOptions, type Row} from './measure.js';

/** The brute-force sweep: one full re-analysis per component. Timed on a sample and scaled up. */
function bruteForcePerComponentMs(
  vms: number,
  sample = 150,
): {perComponent: number; components: number} {
  const model = generateModel({vms});
  const failable = [...model.components.values()].filter((c) => isFailable(c));
  const step = Math.max(1, Math.floor(failable.length / sample));
  const picked = failable.filter((_, index) => index % step === 0).slice(0, sample);
  const total = timeMs(() => {
    for (const component of picked)
      snapshot(model, {...emptyState, simulated: new Set([component.id])});
  }, 1);
  return {perComponent: total / picked.length, components: failable.length};
}

export async function benchCore(_options: BenchOptions): Promise<Row[]> {
  const rows: Row[] = [];
  const sweepAt = (vms: number) => {
    const model = generateModel({vms});
    const base = snapshot(model, emptyState);
    return timeMs(() => sweep(model, base));
  };
  /** The first check in a process (as the command line runs it) and the median of three more. */
  const checkAt = (vms: number) => {
    const model = generateModel({vms});
    const run = () => checkReport(model, {availabilityOf: availability});
    const first = timeMs(run, 1);
    return {first, warm: timeMs(run, 3)};
  };
  const sweep10k = sweepAt(10_000);
  const sweep100k = sweepAt(100_000);
  rows.push({name: 'N-1 sweep, 10k VMs', value: ms(sweep10k)});
  rows.push({name: 'N-1 sweep, 100k VMs', value: ms(sweep100k)});
  rows.push({
    name: 'sweep t(100k)/t(10k)',
    value: ratio(sweep100k / sweep10k),
    note: 'target ≤ 12 (near-linear)',
  });
  const brute = bruteForcePerComponentMs(10_000);
  const bruteTotal = brute.perComponent * brute.components;
  rows.push({
    name: 'brute-force sweep, 10k VMs',
    value: ms(bruteTotal),
    note: `${brute.components} components × ${brute.perComponent.toFixed(2)} ms (sampled)`,
  });
  rows.push({
    name: 'sweep speed-up over brute force, 10k',
    value: ratio(bruteTotal / sweep10k),
    note: 'target ≥ 100×',
  });
  const check10k = checkAt(10_000);
  const check100k = checkAt(100_000);
  rows.push({
    name: 'check (full report), 10k VMs',
    value: ms(check10k.warm),
    note: `first run ${ms(check10k.first)}`,
  });
  // What `check` does after loading, on a model it has not seen (the layout and the shapes
  // are built once per model, so the first run is the one a command line pays).
  rows.push({
    name: 'check (full report), 100k VMs, first run on a model',
    value: ms(check100k.first),
    note: `in-process hint, no target (the whole-process ratio above is the target); again on the same model ${ms(check100k.warm)}`,
  });
  rows.push({
    name: 'check t(100k)/t(10k)',
    value: ratio(check100k.warm / check10k.warm),
    note: 'target ≤ 12',
  });
  return rows;
}
