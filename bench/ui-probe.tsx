import {readFileSync} from 'node:fs';
import {render, Text} from 'ink';
import type {ReactElement} from 'react';
import {terminalOutput} from '../source/runtime/terminal-output.js';
import {parseTopology} from '../source/core/load.js';
import {Dashboard} from '../source/ui/components/dashboard.js';
import {generateModel} from './generate.js';
import {FakeKeyboard, FakeTerminal} from './ui-terminal.js';

/**
 * One measurement in a fresh process (so import cost, first frames and memory are each
 * measured cold): `hello`, `demo`, or `keys <vms> [full]`. Prints one JSON object.
 */
const [what = 'hello', size = '100', mode = 'incremental'] = process.argv.slice(2);
const columns = 100;
const rows = 30;

function mount(element: ReactElement, terminal: FakeTerminal, keyboard: FakeKeyboard) {
  return render(element, {
    stdout: terminalOutput(terminal as unknown as NodeJS.WriteStream),
    stdin: keyboard as unknown as NodeJS.ReadStream,
    incrementalRendering: mode === 'incremental',
    exitOnCtrlC: false,
    patchConsole: false,
  });
}

const terminal = new FakeTerminal(columns, rows);
const keyboard = new FakeKeyboard();
const report = (result: Record<string, number>) => {
  process.stdout.write(JSON.stringify(result) + '\n');
  process.exit(0);
};
const look = {lang: 'en' as const, ascii: false, color: true};

if (what === 'hello') {
  const first = terminal.nextWrite();
  mount(<Text>hello</Text>, terminal, keyboard);
  await first;
  report({firstFrameMs: terminal.firstWriteAt!});
} else if (what === 'demo') {
  const first = terminal.nextWrite();
  const loaded = parseTopology(readFileSync('fixtures/demo.yaml', 'utf8'), 'fixtures/demo.yaml');
  if (!loaded.ok) throw new Error('demo topology does not load');
  mount(<Dashboard model={loaded.model} look={look} size={{columns, rows}} />, terminal, keyboard);
  await first;
  report({firstFrameMs: terminal.firstWriteAt!});
} else {
  const model = generateModel({vms: Number(size)});
  const started = performance.now();
  const first = terminal.nextWrite();
  mount(
    <Dashboard model={model} look={look} size={{columns, rows}} tickMs={0} />,
    terminal,
    keyboard,
  );
  await first;
  const firstFrameMs = performance.now() - started;
  const pause = () => new Promise((resolve) => setTimeout(resolve, 40));
  await pause();
  const times: number[] = [];
  const bytes: number[] = [];
  // Down and back up inside the first screen: the cursor moves, the view stays still.
  const keys = [...'jjjjjjjjjj', ...'kkkkkkkkkk', ...'jjjjjjjjjj', ...'kkkkkkkkkk'];
  for (const key of keys) {
    const before = terminal.written;
    const frame = terminal.nextWrite();
    const start = performance.now();
    keyboard.press(key);
    await frame;
    times.push(terminal.lastWriteAt - start);
    await pause();
    bytes.push(terminal.written - before);
  }
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  globalThis.gc?.();
  const memory = process.memoryUsage();
  report({
    firstFrameMs,
    keyMs: median(times),
    keyBytes: median(bytes),
    rssMb: memory.rss / 1048576,
    heapMb: memory.heapUsed / 1048576,
  });
}
