/** A push-to-pull queue: producers push, one consumer iterates until the signal aborts. */
export function channel<T>(signal: AbortSignal): AsyncIterable<T> & {push: (value: T) => void} {
  const queue: T[] = [];
  let wake: (() => void) | undefined;
  signal.addEventListener('abort', () => wake?.(), {once: true});
  return {
    push(value: T) {
      if (signal.aborted) return;
      queue.push(value);
      wake?.();
    },
    async *[Symbol.asyncIterator]() {
      while (!signal.aborted) {
        if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        while (queue.length > 0) yield queue.shift()!;
      }
    },
  };
}

/** Several live sources as one stream, in arrival order. */
export function merge<T>(sources: AsyncIterable<T>[], signal: AbortSignal): AsyncIterable<T> {
  const merged = channel<T>(signal);
  for (const source of sources)
    void (async () => {
      for await (const value of source) merged.push(value);
    })();
  return merged;
}

/** The same stream, each value changed by `change`, with a look at it as it passes. */
export async function* tap<T>(
  source: AsyncIterable<T>,
  change: (value: T) => T,
  look: (value: T) => void,
): AsyncIterable<T> {
  for await (const original of source) {
    const value = change(original);
    look(value);
    yield value;
  }
}
