import {availability} from '../source/core/availability.js';
import {checkReport} from '../source/core/check.js';
import {analyzeSide, diffTopologies} from '../source/core/diff.js';
import {buildModel} from '../source/core/build-model.js';
import type {Model} from '../source/core/model.js';
import {topologySchema} from '../source/core/schema.js';
import {generateTopology} from './generate.js';
import {ms, ratio, timeMs, type Row} from './measure.js';

function build(file: ReturnType<typeof generateTopology>): Model {
  const built = buildModel(topologySchema.parse(file));
  if (!built.ok) throw new Error(`generated topology is invalid: ${built.errors[0]?.message}`);
  return built.model;
}

/** `diff` of two 100k-VM topologies (one GSLB target dropped) against a `check` of one. */
export async function benchDiff(): Promise<Row[]> {
  const file = generateTopology({vms: 100_000});
  const changed = generateTopology({vms: 100_000});
  changed.gslbs![0]!.targets = changed.gslbs![0]!.targets.slice(1);
  const old = build(file);
  const now = build(changed);
  const options = {availabilityOf: availability};
  const check = timeMs(() => checkReport(now, options));
  const diff = timeMs(() => diffTopologies(analyzeSide(old, options), analyzeSide(now, options)));
  return [
    {name: 'check, 100k VMs', value: ms(check)},
    {name: 'diff of two 100k-VM topologies', value: ms(diff)},
    {
      name: 'diff / check',
      value: ratio(diff / check),
      note: 'target ≤ 2 (each side analysed once)',
    },
  ];
}
