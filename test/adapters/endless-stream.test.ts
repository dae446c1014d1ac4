import {existsSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {followFile} from '../../source/adapters/follow.js';

describe.skipIf(!existsSync('/dev/zero'))('a followed stream that never ends (/dev/zero)', () => {
  it('is read in bounded passes with pauses, and the follow ends when stopped', async () => {
    const controller = new AbortController();
    const passes: number[] = [];
    let bytes = 0;
    let sinceLast = 0;
    let last = 0;
    const following = followFile('/dev/zero', controller.signal, {
      chunk: (chunk) => {
        bytes += chunk.length;
        const now = performance.now();
        // A gap of 50 ms or more between two reads is a pause between passes.
        if (last > 0 && now - last >= 50) {
          passes.push(sinceLast);
          sinceLast = 0;
        }
        sinceLast += chunk.length;
        last = now;
        if (passes.length >= 2) controller.abort();
      },
      caughtUp: () => undefined,
      restart: () => undefined,
      problem: () => undefined,
    });
    // Before: the read loop never paused nor looked at the signal; this never resolved.
    await following;
    // Each pass read at most 4 MiB (64 KiB at a time).
    for (const pass of passes) expect(pass).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(bytes).toBeGreaterThan(0);
  });
});
