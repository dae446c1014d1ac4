import {execFileSync} from 'node:child_process';
import {
  appendFileSync,
  mkdtempSync,
  openSync,
  closeSync,
  renameSync,
  rmSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {followEvents} from '../../source/adapters/events.js';
import {LineSplitter} from '../../source/adapters/lines.js';
import type {LiveUpdate} from '../../source/core/live.js';
import {liveModel} from '../support/topology.js';

const model = liveModel([{id: 'web-1'}, {id: 'web-2', zone: 'KR-CB'}]);
const controllers: AbortController[] = [];
afterEach(() => {
  for (const controller of controllers.splice(0)) controller.abort();
});

const down = (id: string, reason = 'power') =>
  `{"id": "${id}", "state": "down", "reason": "${reason}"}\n`;
const up = (id: string) => `{"id": "${id}", "state": "up"}\n`;

const waitLimitMs = 10_000;

function follow(file: string) {
  const controller = new AbortController();
  controllers.push(controller);
  const iterator = followEvents(file, () => model, controller.signal, 50)[Symbol.asyncIterator]();
  const seen: LiveUpdate[] = [];
  /** The next update that matches, skipping others (kept in `seen`). */
  const until = async (match: (update: LiveUpdate) => boolean): Promise<LiveUpdate> => {
    // A deadline, so that an update that never comes fails the test instead of hanging it.
    const deadline = Date.now() + waitLimitMs;
    for (;;) {
      const left = deadline - Date.now();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new Error(
                `no matching update within ${waitLimitMs} ms; seen: ${JSON.stringify(seen.map((u) => u.type))}`,
              ),
            ),
          Math.max(0, left),
        );
      });
      const {value, done} = await Promise.race([iterator.next(), timeout]).finally(() =>
        clearTimeout(timer),
      );
      if (done) throw new Error('stream ended');
      seen.push(value);
      if (match(value)) return value;
    }
  };
  const downSet = (ids: string[]) => (update: LiveUpdate) =>
    update.type === 'observed' &&
    [...update.observed.keys()].sort().join(',') === [...ids].sort().join(',');
  return {until, downSet, seen};
}

function tempFile(name = 'events.jsonl') {
  const dir = mkdtempSync(join(tmpdir(), 'failsight-events-'));
  return {dir, file: join(dir, name)};
}

describe('followEvents keeps following the file', () => {
  it('after a copytruncate: the "up" written after the truncation is seen', async () => {
    const {file} = tempFile();
    writeFileSync(file, down('web-1') + down('web-2'));
    const events = follow(file);
    await events.until(events.downSet(['web-1', 'web-2']));
    truncateSync(file, 0);
    appendFileSync(file, up('web-1'));
    const notice = await events.until((u) => u.type === 'sourceNotice');
    expect(notice.type === 'sourceNotice' && notice.message).toBe(
      `${file}: truncated: reading again from its start`,
    );
    await events.until(events.downSet(['web-2']));
  });

  it('after logrotate renames it and a new file is created', async () => {
    const {file} = tempFile();
    writeFileSync(file, down('web-1'));
    const events = follow(file);
    await events.until(events.downSet(['web-1']));
    renameSync(file, `${file}.1`);
    writeFileSync(file, up('web-1'));
    await events.until(events.downSet([]));
    expect(events.seen).toContainEqual(
      expect.objectContaining({
        type: 'sourceNotice',
        message: `${file}: replaced: following the new file from its start`,
      }),
    );
  });

  it('after it is deleted and created again', async () => {
    const {file} = tempFile();
    writeFileSync(file, down('web-1'));
    const events = follow(file);
    await events.until(events.downSet(['web-1']));
    rmSync(file);
    const gone = await events.until((u) => u.type === 'sourceError');
    expect(gone.type === 'sourceError' && gone.message).toBe(
      `${file}: no such file; waiting for it`,
    );
    writeFileSync(file, up('web-1'));
    await events.until(events.downSet([]));
  });

  it('when it is missing at start and created later', async () => {
    const {file} = tempFile();
    const events = follow(file);
    await events.until((u) => u.type === 'sourceError');
    writeFileSync(file, down('web-2'));
    await events.until(events.downSet(['web-2']));
  });

  it('from a FIFO whose writer closes and another opens', async () => {
    const {file} = tempFile('events.fifo');
    execFileSync('mkfifo', [file]);
    const events = follow(file);
    await events.until((u) => u.type === 'observed');
    const write = (text: string) => {
      const fd = openSync(file, 'w');
      writeSync(fd, text);
      closeSync(fd);
    };
    write(down('web-1'));
    await events.until(events.downSet(['web-1']));
    // The first writer has closed; a second one is still read.
    write(up('web-1'));
    await events.until(events.downSet([]));
  });
});

describe('followEvents reads lines safely', () => {
  it('a line without a newline is capped: counted bad once, the next lines are read', async () => {
    const {file} = tempFile();
    writeFileSync(file, '');
    const events = follow(file);
    await events.until((u) => u.type === 'observed');
    const chunk = 'x'.repeat(1 << 20);
    for (let i = 0; i < 3; i++) appendFileSync(file, chunk);
    appendFileSync(file, '\n' + down('web-1'));
    const bad = await events.until((u) => u.type === 'badLine');
    expect(bad).toMatchObject({
      type: 'badLine',
      count: 1,
      message: `${file}:1: a line longer than 1048576 bytes, skipped (1 bad line so far)`,
    });
    await events.until(events.downSet(['web-1']));
    expect(events.seen.filter((u) => u.type === 'badLine')).toHaveLength(1);
  });

  it('UTF-8 split across reads decodes right', async () => {
    const {file} = tempFile();
    // A first line long enough that the second line's first Korean character starts one byte
    // before 256 KiB, where both a 64 KiB and a 256 KiB read end: the character is split.
    const boundary = 256 * 1024 - 1;
    const second = down('web-1', '정전');
    const before = Buffer.byteLength(second.slice(0, second.indexOf('정')));
    const frame = Buffer.byteLength(down('web-2', ''));
    const first = down('web-2', 'x'.repeat(boundary - before - frame));
    expect(Buffer.byteLength(first) + before).toBe(boundary);
    writeFileSync(file, first + second);
    const events = follow(file);
    const got = await events.until(events.downSet(['web-1', 'web-2']));
    expect(got.type === 'observed' && got.observed.get('web-1')).toBe('정전');
  });
});

describe('LineSplitter', () => {
  it('holds at most the limit while a line has no newline, and splits multibyte characters right', () => {
    const splitter = new LineSplitter(8);
    expect(splitter.push(Buffer.from('0123'))).toEqual([]);
    expect(splitter.push(Buffer.from('456789ab'))).toEqual([{type: 'tooLong', bytes: 12}]);
    expect(splitter.push(Buffer.from('cdef'.repeat(1000)))).toEqual([]);
    expect(splitter.push(Buffer.from('gh\nok\n'))).toEqual([{type: 'line', text: 'ok'}]);
    const korean = Buffer.from('한국\n');
    const pieces = [...korean].map((byte) => splitter.push(Buffer.from([byte]))).flat();
    expect(pieces).toEqual([{type: 'line', text: '한국'}]);
  });
});
