/**
 * The NDJSON report's lines go out in batches: every byte in order, few writes, a line that
 * waits no longer than the delay, and back-pressure honoured.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { batchWrites } from '../../src/cli/batched-writes.js';

/** A stream that records each write; `takes` says whether a write is taken at once. */
function recorder(takes: (n: number) => boolean = () => true) {
  const writes: string[] = [];
  let pending: (() => void) | undefined;
  const stream = new Writable({
    highWaterMark: 1,
    write(chunk: Buffer, _enc, done) {
      writes.push(chunk.toString('utf8'));
      if (takes(writes.length)) done();
      else pending = done;
    },
  });
  return { stream, writes, release: () => pending?.() };
}

describe('batchWrites', () => {
  it('writes text and bytes in order, in few writes, all of it on flush', async () => {
    const { stream, writes } = recorder();
    const out = batchWrites(stream, { flushAt: 100, maxDelayMs: 10_000 });
    const lines = Array.from({ length: 50 }, (_, i) => `{"n":${i},"é":"${'x'.repeat(i % 7)}"}\n`);
    for (const [i, line] of lines.entries()) await out.write(i % 2 === 0 ? line : Buffer.from(line));
    await out.flush();
    expect(writes.join('')).toBe(lines.join(''));
    expect(writes.length).toBeGreaterThan(1);
    expect(writes.length).toBeLessThan(lines.length / 3);
    out.close();
  });

  it('writes a lone line once the delay has passed, without another write or a flush', async () => {
    const { stream, writes } = recorder();
    const out = batchWrites(stream, { maxDelayMs: 5 });
    await out.write('one\n');
    expect(writes).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(writes).toEqual(['one\n']);
    out.close();
  });

  it('waits until the stream drains when it did not take a batch at once', async () => {
    const { stream, writes, release } = recorder((n) => n !== 1);
    const out = batchWrites(stream, { flushAt: 4 });
    let written = false;
    const full = out.write('1234').then(() => {
      written = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(writes).toEqual(['1234']);
    expect(written).toBe(false);
    release();
    await full;
    await out.write('5');
    await out.flush();
    expect(writes).toEqual(['1234', '5']);
    out.close();
  });

  it('writes what is queued when closed, and fails a write to a destroyed stream', async () => {
    const { stream, writes } = recorder();
    const out = batchWrites(stream, { maxDelayMs: 10_000 });
    await out.write('queued\n');
    out.close();
    expect(writes).toEqual(['queued\n']);
    stream.destroy();
    await expect(out.write('late\n')).rejects.toThrow();
  });
});
