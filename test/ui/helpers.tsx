import {readFileSync} from 'node:fs';
import {render} from 'ink-testing-library';
import {parseTopology} from '../../source/core/load.js';
import type {Model} from '../../source/core/model.js';
import {Dashboard, type DashboardProps} from '../../source/ui/components/dashboard.js';

export function demoModel(): Model {
  const result = parseTopology(readFileSync('fixtures/demo.yaml', 'utf8'), 'fixtures/demo.yaml');
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.model;
}

/** A fixed clock: 2026-11-25 14:03:22 local time. */
export const fixedNow = new Date(2026, 10, 25, 14, 3, 22).getTime();

export function renderDashboard(props: Partial<DashboardProps> = {}) {
  const tree = (
    <Dashboard
      model={props.model ?? demoModel()}
      look={props.look ?? {lang: 'en', ascii: false, color: false}}
      now={props.now ?? (() => fixedNow)}
      tickMs={props.tickMs ?? 0}
      size={props.size ?? {columns: 100, rows: 30}}
      onQuit={props.onQuit ?? (() => {})}
      {...props}
    />
  );
  const rendered = render(tree);
  // ink-testing-library's stdout says it is 100 columns wide; a wider screen needs a wider one.
  const columns = props.size?.columns ?? 100;
  if (columns > 100) {
    Object.defineProperty(rendered.stdout, 'columns', {value: columns});
    rendered.rerender(tree);
  }
  return rendered;
}

/** Resolves once `predicate` holds for the last frame; fails after `timeoutMs`, no fixed sleeps. */
export async function waitForFrame(
  lastFrame: () => string | undefined,
  predicate: (frame: string) => boolean,
  timeoutMs = 5000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = lastFrame() ?? '';
    if (predicate(frame)) return frame;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for the frame; last frame:\n${frame}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Values pushed one after another, as a live source sends its updates. */
export function channel<T>() {
  const queue: T[] = [];
  let wake: (() => void) | undefined;
  return {
    push(value: T) {
      queue.push(value);
      wake?.();
    },
    iterable: {
      async *[Symbol.asyncIterator]() {
        for (;;) {
          if (queue.length > 0) yield queue.shift()!;
          else await new Promise<void>((resolve) => (wake = resolve));
        }
      },
    },
  };
}
