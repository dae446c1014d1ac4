import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {kb, ms, ratio, type BenchOptions, type Row} from './measure.js';

const probe = fileURLToPath(new URL('./ui-probe.js', import.meta.url));

/** Runs one probe in a fresh process. CI is unset: Ink draws nothing until exit when it sees it. */
function measure(args: string[]): Record<string, number> {
  const env = {...process.env};
  delete env['CI'];
  delete env['CONTINUOUS_INTEGRATION'];
  env['NODE_ENV'] = 'production';
  const result = spawnSync(process.execPath, ['--expose-gc', probe, ...args], {
    env,
    encoding: 'utf8',
    timeout: 300_000,
  });
  const line = result.stdout.split('\n').find((text) => text.startsWith('{')) ?? '';
  if (result.status !== 0 || !line.startsWith('{'))
    throw new Error(`ui probe ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
  return JSON.parse(line) as Record<string, number>;
}

function median(runs: number, take: () => number): number {
  const values = Array.from({length: runs}, take).sort((a, b) => a - b);
  return values[Math.floor(runs / 2)]!;
}

/** The dashboard's speed, each figure beside its baseline from the same run. */
export async function benchUi(_options: BenchOptions): Promise<Row[]> {
  const hello = median(5, () => measure(['hello'])['firstFrameMs']!);
  const demo = median(5, () => measure(['demo'])['firstFrameMs']!);
  const small = measure(['keys', '100']);
  const large = measure(['keys', '10000']);
  const standard = measure(['keys', '100', 'standard']);
  const huge = measure(['keys', '100000']);
  return [
    {name: 'first frame, Ink hello world', value: ms(hello), note: 'from process start'},
    {name: 'first frame, dashboard (demo)', value: ms(demo), note: 'from process start'},
    {
      name: 'first frame dashboard / hello',
      value: ratio(demo / hello),
      note: 'the hello world imports the dashboard here',
    },
    {name: 'key press → frame, 100 VMs', value: ms(small['keyMs']!)},
    {name: 'key press → frame, 10k VMs', value: ms(large['keyMs']!)},
    {
      name: 'key press 10k / 100 VMs',
      value: ratio(large['keyMs']! / small['keyMs']!),
    },
    {
      name: 'bytes per cursor move',
      value: kb(small['keyBytes']!),
      note: 'incremental rendering',
    },
    {
      name: 'bytes per cursor move, full redraw',
      value: kb(standard['keyBytes']!),
      note: 'baseline: Ink without incremental rendering',
    },
    {name: 'first frame, 100k VMs', value: ms(huge['firstFrameMs']!), note: 'model already built'},
    {name: 'key press → frame, 100k VMs', value: ms(huge['keyMs']!)},
    {
      name: 'memory at 100k VMs',
      value: `${huge['rssMb']!.toFixed(0)} MB`,
      note: `RSS; heap ${huge['heapMb']!.toFixed(0)} MB after GC`,
    },
  ];
}
