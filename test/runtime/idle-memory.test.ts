import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {getHeapSpaceStatistics} from 'node:v8';
import {idleCollector} from '../../source/runtime/idle-memory.js';

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
    const collectYoung = vi.fn();
    const idle = idleCollector({
      quietMs: 1000,
      growthBytes: 8 * mb,
      youngQuietMs: 8000,
      settledGrowthBytes: mb,
      collect,
      collectYoung,
      heapUsed: () => heap,
    });
    return {
      idle,
      collect,
      collectYoung,
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

  it('leaves a heap that has not grown enough alone, until the screen has been still longer', () => {
    const {idle, collect, collectYoung, grow} = collector(50 * mb);
    grow(7 * mb);
    idle.activity();
    vi.advanceTimersByTime(7999);
    expect(collect).not.toHaveBeenCalled();
    expect(collectYoung).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(collect).toHaveBeenCalledTimes(2);
    expect(collectYoung).toHaveBeenCalledTimes(1);
    expect(collect.mock.invocationCallOrder.at(-1)).toBeLessThan(
      collectYoung.mock.invocationCallOrder[0]!,
    );
  });

  it('offers the young generation back once per quiet spell, after the full collection', () => {
    const {idle, collect, collectYoung, grow} = collector(50 * mb);
    grow(20 * mb);
    idle.activity();
    vi.advanceTimersByTime(1000);
    expect(collect).toHaveBeenCalledTimes(2);
    expect(collectYoung).not.toHaveBeenCalled();
    vi.advanceTimersByTime(7000);
    // Nothing grew since the full collection: only the young one.
    expect(collect).toHaveBeenCalledTimes(2);
    expect(collectYoung).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60_000);
    expect(collectYoung).toHaveBeenCalledTimes(1);
  });

  it('a frame before the young collection puts it off', () => {
    const {idle, collectYoung} = collector(50 * mb);
    idle.activity();
    vi.advanceTimersByTime(7000);
    idle.activity();
    vi.advanceTimersByTime(7000);
    expect(collectYoung).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(collectYoung).toHaveBeenCalledTimes(1);
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

  it('lets go of what past frames needed before the settled collection, once per quiet spell', () => {
    let heap = 50 * mb;
    const order: string[] = [];
    const idle = idleCollector({
      quietMs: 1000,
      growthBytes: 8 * mb,
      youngQuietMs: 8000,
      settledGrowthBytes: mb,
      collect: () => {
        order.push('collect');
        heap = 50 * mb;
      },
      collectYoung: () => order.push('young'),
      heapUsed: () => heap,
      // What it lets go of is garbage still counted as used: no growth shows, yet it is collected.
      release: () => order.push('release'),
    });
    idle.activity();
    vi.advanceTimersByTime(7999);
    expect(order).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(order).toEqual(['release', 'collect', 'collect', 'young']);
    vi.advanceTimersByTime(60_000);
    expect(order).toHaveLength(4);
  });

  it('collects nothing after it is stopped', () => {
    const {idle, collect, collectYoung, grow} = collector(50 * mb);
    grow(20 * mb);
    idle.activity();
    idle.stop();
    vi.advanceTimersByTime(10_000);
    expect(collect).not.toHaveBeenCalled();
    expect(collectYoung).not.toHaveBeenCalled();
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

  it("reaches V8's own young collection by default", () => {
    const newSpaceUsed = () =>
      getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')!.space_used_size;
    const idle = idleCollector({
      quietMs: 10,
      growthBytes: Number.MAX_SAFE_INTEGER,
      youngQuietMs: 20,
    });
    // Garbage made after the last scavenge stays in the young generation until the next one.
    let garbage: unknown[] | undefined = Array.from({length: 20_000}, (_, i) => ({i}));
    expect(garbage.length).toBe(20_000);
    garbage = undefined;
    const before = newSpaceUsed();
    expect(before).toBeGreaterThan(mb / 2);
    idle.activity();
    vi.advanceTimersByTime(20);
    expect(newSpaceUsed()).toBeLessThan(before / 2);
  });
});
