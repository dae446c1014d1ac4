import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {idleCollector} from '../../source/commands/idle-memory.js';

const mb = 1024 * 1024;

describe('idleCollector', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function collector(startHeap: number) {
    let heap = startHeap;
    const collect = vi.fn(() => {
      heap = startHeap;
    });
    const idle = idleCollector({quietMs: 1000, growthBytes: 8 * mb, collect, heapUsed: () => heap});
    return {
      idle,
      collect,
      grow: (bytes: number) => {
        heap += bytes;
      },
    };
  }

  it('collects once the screen has been still, when the heap has grown', () => {
    const {idle, collect, grow} = collector(50 * mb);
    grow(20 * mb);
    idle.activity();
    vi.advanceTimersByTime(999);
    expect(collect).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    // Two passes: the second compacts what the first emptied.
    expect(collect).toHaveBeenCalledTimes(2);
  });

  it('waits while frames keep coming', () => {
    const {idle, collect, grow} = collector(50 * mb);
    grow(20 * mb);
    for (let frame = 0; frame < 10; frame++) {
      idle.activity();
      vi.advanceTimersByTime(500);
    }
    expect(collect).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(collect).toHaveBeenCalledTimes(2);
  });

  it('leaves a heap that has not grown enough alone', () => {
    const {idle, collect, grow} = collector(50 * mb);
    grow(7 * mb);
    idle.activity();
    vi.advanceTimersByTime(5000);
    expect(collect).not.toHaveBeenCalled();
  });

  it('measures growth from the heap as the last collection left it', () => {
    const {idle, collect, grow} = collector(50 * mb);
    grow(10 * mb);
    idle.activity();
    vi.advanceTimersByTime(1000);
    expect(collect).toHaveBeenCalledTimes(2);
    grow(4 * mb);
    idle.activity();
    vi.advanceTimersByTime(1000);
    expect(collect).toHaveBeenCalledTimes(2);
    grow(5 * mb);
    idle.activity();
    vi.advanceTimersByTime(1000);
    expect(collect).toHaveBeenCalledTimes(4);
  });

  it('collects nothing after it is stopped', () => {
    const {idle, collect, grow} = collector(50 * mb);
    grow(20 * mb);
    idle.activity();
    idle.stop();
    vi.advanceTimersByTime(5000);
    expect(collect).not.toHaveBeenCalled();
  });

  it("reaches V8's own full collection by default", () => {
    const before = process.memoryUsage().heapUsed;
    let garbage: unknown[] | undefined = Array.from({length: 1_000_000}, (_, i) => ({i}));
    expect(garbage.length).toBe(1_000_000);
    garbage = undefined;
    const idle = idleCollector({quietMs: 10, growthBytes: 0});
    idle.activity();
    vi.advanceTimersByTime(10);
    expect(garbage).toBeUndefined();
    expect(process.memoryUsage().heapUsed).toBeLessThan(before + 8 * mb);
  });
});
