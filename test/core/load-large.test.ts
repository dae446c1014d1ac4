import {describe, expect, it} from 'vitest';
import {parseTopology} from '../../source/core/load.js';
import {maxPreciseBytes} from '../../source/core/load/large.js';

/** A file just over the precise way's limit: comment lines, then `tail`. */
function large(tail: string): {text: string; tailLine: number} {
  const line = `# ${'x'.repeat(97)}\n`;
  const lines = Math.ceil(maxPreciseBytes / line.length) + 1;
  // The tail starts on the line after the comments: line lines + 1.
  return {text: line.repeat(lines) + tail, tailLine: lines + 1};
}

describe('files too large for the precise way', () => {
  it('places a syntax error where the fast parser finds it', () => {
    const {text, tailLine} = large('version: 1\nzones: [a, b\n');
    const result = parseTopology(text, 'big.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.message).toMatch(/^YAML syntax: /);
    // The flow list opened on the tail's second line is never closed: js-yaml stops after it.
    expect(result.errors[0]!.line).toBeGreaterThanOrEqual(tailLine + 1);
  });

  it('says a valid YAML file that is not a topology is too large to place the problem', () => {
    const {text} = large('version: 1\nzones: 3\n');
    const result = parseTopology(text, 'big.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      {
        file: 'big.yaml',
        line: 1,
        column: 1,
        message: expect.stringContaining(
          'not a valid topology, and at 32 MB too large to say where',
        ),
      },
    ]);
  });
});
