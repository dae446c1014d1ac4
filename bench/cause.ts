import {containmentOf} from '../source/core/containment.js';
import {likelyCause, type Observation} from '../source/core/likely-cause.js';
import {propagate} from '../source/core/propagate.js';
import {generateModel} from './generate.js';
import {atMost, ms, timeMs, type BenchOptions, type Row} from './measure.js';

/**
 * The likely cause at 100k VMs (four zones of 25k): zone KR-CA's whole blast radius observed
 * down (25,000 VMs, its routers and LBs), every other component observed up.
 */
export async function benchCause(options: BenchOptions): Promise<Row[]> {
  const model = generateModel({vms: 100_000});
  const down = propagate(model, ['KR-CA']);
  const seen = new Map<string, Observation>();
  for (const [id, component] of model.components)
    if (component.kind !== 'service') seen.set(id, down.has(id) ? 'down' : 'up');
  // Built once per model and kept (the dashboard has it from its first frame).
  containmentOf(model);
  // The first run, cold (the dashboard's first live answer), then steady state: the function
  // runs at each change of what the sources observe.
  const coldStart = performance.now();
  let answer = likelyCause(model, seen);
  const cold = performance.now() - coldStart;
  for (let i = 0; i < 3; i++) likelyCause(model, seen);
  const runs = options.quick ? 5 : 15;
  // Beside the wall time, the CPU time it took: on a shared machine the two part ways.
  const cpu = process.cpuUsage();
  const time = timeMs(() => (answer = likelyCause(model, seen)), runs);
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000 / runs;
  const best = answer.explanations[0];
  return [
    atMost(
      'likely cause, 100k VMs, 25k observed down',
      time,
      100,
      ms,
      `${answer.observedDown} down → ${best ? best.failed.join(' + ') : 'none'}${answer.exact ? '' : ' (inexact)'}; CPU ${ms(cpuMs)} a run (mean)`,
    ),
    atMost(
      'likely cause, CPU time a run',
      cpuMs,
      40,
      ms,
      'beside wall time: the machine may be shared',
    ),
    {name: 'likely cause, first run (cold)', value: ms(cold)},
  ];
}
