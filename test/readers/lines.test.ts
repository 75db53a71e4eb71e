import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { innerLineBreaks } from '../../src/readers/csv.js';
import { lineBatches, type SplitLine, splitLines } from '../../src/readers/text.js';
import { collect } from './_helpers.js';

/**
 * The first implementation of `splitLines`, kept as the oracle: the stream decoded chunk by chunk
 * with a `StringDecoder`, then split character by character.
 */
async function* oracle(chunks: AsyncIterable<Buffer>): AsyncGenerator<SplitLine> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let line = 0;
  let first = true;
  let pendingCr = false;
  const take = function* (text: string, final: boolean): Generator<SplitLine> {
    let s = carry + text;
    if (first && s.length > 0) {
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      first = false;
    }
    if (pendingCr && s.length > 0) {
      if (s.charCodeAt(0) === 10) s = s.slice(1);
      pendingCr = false;
    }
    let start = 0;
    for (let i = 0; i < s.length; i++) {
      const ch = s.charCodeAt(i);
      if (ch !== 10 && ch !== 13) continue;
      line++;
      yield { text: s.slice(start, i), line };
      if (ch === 13) {
        if (i + 1 < s.length) {
          if (s.charCodeAt(i + 1) === 10) i++;
        } else {
          pendingCr = true;
        }
      }
      start = i + 1;
    }
    carry = s.slice(start);
    if (final && carry.length > 0) {
      line++;
      yield { text: carry, line };
      carry = '';
    }
  };
  for await (const chunk of chunks) yield* take(decoder.write(chunk), false);
  yield* take(decoder.end(), true);
}

/** `bytes` cut at the given offsets (duplicates give empty chunks). */
function cut(bytes: Buffer, at: number[]): Buffer[] {
  const points = [...at.map((a) => a % (bytes.length + 1)), bytes.length].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const p of points) {
    chunks.push(bytes.subarray(from, p));
    from = p;
  }
  return chunks;
}

/** Bytes rich in line breaks, byte-order marks, multi-byte characters and broken sequences. */
const bytesArb = fc
  .array(
    fc.oneof(
      fc.constantFrom([0x0a], [0x0d], [0x0d, 0x0a], [0xef, 0xbb, 0xbf], [0xc3, 0xa9], [0xe2, 0x82, 0xac]),
      fc.constantFrom(
        [0xf0, 0x9f, 0x98, 0x80],
        [0xe2, 0x82],
        [0xf0, 0x9f],
        [0x80],
        [0xff],
        [0xc0, 0xaf],
        [0xed, 0xa0, 0x80],
      ),
      fc.constantFrom([0x20], [0x7b], [0x61], [0x22]),
      fc.integer({ min: 0, max: 255 }).map((b) => [b]),
    ),
    { maxLength: 60 },
  )
  .map((parts) => Buffer.from(parts.flat()));

/** Text lines of any characters joined by any line break, as UTF-8, sometimes after a BOM. */
const textArb = fc
  .tuple(
    fc.boolean(),
    fc.array(
      fc.tuple(fc.string({ unit: 'grapheme', maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r', '')),
      {
        maxLength: 8,
      },
    ),
  )
  .map(([bom, parts]) =>
    Buffer.from(`${bom ? '\uFEFF' : ''}${parts.map(([t, b]) => t + b).join('')}`, 'utf8'),
  );

describe('splitLines against the first implementation', () => {
  const same = async (bytes: Buffer, at: number[]) => {
    const chunks = cut(bytes, at);
    const expected = await collect(oracle(Readable.from(chunks)));
    expect(await collect(splitLines(Readable.from(chunks)))).toEqual(expected);
    const batches = await collect(lineBatches(Readable.from(chunks)));
    expect(batches.every((b) => b.length > 0)).toBe(true);
    expect(batches.flat()).toEqual(expected);
  };

  it('gives the same lines for any bytes cut anywhere (breaks, BOMs, broken UTF-8)', async () => {
    await fc.assert(fc.asyncProperty(bytesArb, fc.array(fc.nat(), { maxLength: 12 }), same), {
      numRuns: 3000,
      seed: 21,
    });
  });

  it('gives the same lines for any text cut anywhere', async () => {
    await fc.assert(fc.asyncProperty(textArb, fc.array(fc.nat(), { maxLength: 12 }), same), {
      numRuns: 1000,
      seed: 22,
    });
  });

  it('handles the awkward cuts: CR at a chunk end, LF in the next, BOM and characters split', async () => {
    const text = Buffer.from('\uFEFFa\r\n€\r\r\n😀\n\r', 'utf8');
    for (let size = 1; size <= text.length; size++) {
      const at: number[] = [];
      for (let i = size; i < text.length; i += size) at.push(i);
      await same(text, at);
    }
    await same(Buffer.from([0xef, 0xbb, 0xbf]), [1, 2]);
    await same(Buffer.from([0xef, 0xbb, 0xbf, 0x0a]), [3]);
    await same(Buffer.from([0x61, 0x0d, 0xe2, 0x82, 0xac, 0x0a]), [2, 3]);
    await same(Buffer.alloc(0), []);
  });

  it('reads a long line across many chunks', async () => {
    const long = `${'x'.repeat(200_000)}é`;
    const bytes = Buffer.from(`${long}\n${long}`, 'utf8');
    const at: number[] = [];
    for (let i = 1000; i < bytes.length; i += 1000) at.push(i);
    const lines = await collect(splitLines(Readable.from(cut(bytes, at))));
    expect(lines).toEqual([
      { text: long, line: 1 },
      { text: long, line: 2 },
    ]);
  });
});

describe('innerLineBreaks (CSV line counting) against the first implementation', () => {
  const oracleBreaks = (raw: string) => raw.replace(/[\r\n]+$/, '').match(/\r\n|\r|\n/g)?.length ?? 0;

  it('counts the same breaks in any raw record', () => {
    const raw = fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', 'é'), maxLength: 30 });
    fc.assert(
      fc.property(raw, (r) => {
        expect(innerLineBreaks(r)).toBe(oracleBreaks(r));
      }),
      { numRuns: 3000, seed: 23 },
    );
    expect(innerLineBreaks('C1,"a\r\nb"\r\n')).toBe(1);
    expect(innerLineBreaks('')).toBe(0);
  });
});
