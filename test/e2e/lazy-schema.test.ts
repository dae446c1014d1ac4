import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';

/** A file of the bundle in dist/. */
function chunk(name: string): string {
  return readFileSync(join('dist', name), 'utf8');
}

/** Every chunk a chunk imports statically, itself included: what loads with it. */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    const text = chunk(queue.pop()!);
    for (const match of text.matchAll(/(?:from|import)\s*"\.\/(chunk-[A-Z0-9]+\.js)"/g))
      if (!seen.has(match[1]!)) {
        seen.add(match[1]!);
        queue.push(match[1]!);
      }
  }
  return seen;
}

/** The chunk a command of cli.js imports when it runs. */
function commandChunk(command: string): string {
  const match = new RegExp(`${command}:[^,]*?import\\("\\./(chunk-[A-Z0-9]+\\.js)"\\)`).exec(
    chunk('cli.js'),
  );
  if (!match) throw new Error(`no chunk for ${command} in dist/cli.js`);
  return match[1]!;
}

describe('the bundle loads zod and yaml only for a file that needs them', () => {
  const graph = [...staticGraph(commandChunk('check'))];

  it('check loads neither with the fast loader', () => {
    // zod names its classes in strings, yaml its line counter: both survive minification.
    expect(graph.some((name) => chunk(name).includes('$ZodType'))).toBe(false);
    expect(graph.some((name) => chunk(name).includes('LineCounter'))).toBe(false);
  });

  it('both load, on demand, when a file goes the precise way', () => {
    const later = new Set<string>();
    for (const name of graph)
      for (const match of chunk(name).matchAll(/import\("\.\/(chunk-[A-Z0-9]+\.js)"\)/g))
        for (const loaded of staticGraph(match[1]!)) later.add(loaded);
    expect([...later].some((name) => chunk(name).includes('$ZodType'))).toBe(true);
    expect([...later].some((name) => chunk(name).includes('LineCounter'))).toBe(true);
  });
});
