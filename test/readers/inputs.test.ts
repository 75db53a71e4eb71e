import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFromName, ReadError, readCases } from '../../src/index.js';
import { sniffFormat } from '../../src/readers/format.js';
import { splitLines } from '../../src/readers/text.js';
import { collect, gz, ids, memoryInput, ndjson } from './_helpers.js';

const events = ndjson(
  { caseId: 'A', type: 'complaint.received', at: '2024-05-01T09:00:00Z' },
  { caseId: 'B', type: 'complaint.received', at: '2024-05-01T09:00:00Z' },
);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'readers-'));
  writeFileSync(join(dir, 'log.ndjson'), events);
  writeFileSync(join(dir, 'log.ndjson.gz'), gz(events));
  writeFileSync(join(dir, 'zipped-without-extension.ndjson'), gz(events));
  writeFileSync(join(dir, 'broken.ndjson.gz'), gz(events).subarray(0, 30));
  writeFileSync(join(dir, 'not-really.gz'), Buffer.from([0x1f, 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('files and gzip', () => {
  it('reads a file, and the same file gzipped (by extension and by magic bytes), alike', async () => {
    for (const name of ['log.ndjson', 'log.ndjson.gz', 'zipped-without-extension.ndjson']) {
      const reader = readCases([join(dir, name)]);
      const items = await collect(reader);
      expect(ids(items).cases, name).toEqual(['A', 'B']);
      expect((items[0] as { source: { file: string } }).source.file).toBe(join(dir, name));
    }
  });

  it('records each input with the SHA-256 of its bytes as stored, and whether it was gzip', async () => {
    const reader = readCases([join(dir, 'log.ndjson'), join(dir, 'log.ndjson.gz')]);
    await collect(reader);
    const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
    expect(reader.stats.inputs).toEqual([
      {
        file: join(dir, 'log.ndjson'),
        format: 'ndjson',
        gzip: false,
        bytes: Buffer.byteLength(events),
        records: 2,
        sha256: sha(events),
      },
      expect.objectContaining({ format: 'ndjson', gzip: true, records: 2 }),
    ]);
    expect(reader.stats.inputs[1]?.sha256).toHaveLength(64);
    // flat events of one case in two inputs (unsorted) are gathered into one case
    expect(reader.stats).toMatchObject({ cases: 2, events: 4 });
  });

  it('throws a ReadError naming the file for a missing file, a directory, or a broken gzip stream', async () => {
    await expect(collect(readCases([join(dir, 'missing.ndjson')]))).rejects.toThrow(
      new ReadError(
        join(dir, 'missing.ndjson'),
        `Cannot read "${join(dir, 'missing.ndjson')}": no such file`,
      ),
    );
    await expect(collect(readCases([dir]))).rejects.toThrow(/it is a directory/);
    await expect(collect(readCases([join(dir, 'broken.ndjson.gz')]))).rejects.toThrow(
      /^Cannot read ".*broken\.ndjson\.gz": unexpected end of file/,
    );
    const error = await collect(readCases([join(dir, 'not-really.gz')], { inputFormat: 'ndjson' })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ReadError);
    expect((error as ReadError).file).toBe(join(dir, 'not-really.gz'));
  });
});

describe('standard input and streams', () => {
  it('reads "-" from the given stdin, as <stdin>, sniffing the format', async () => {
    const stdin = Readable.from([Buffer.from(events)]);
    const items = await collect(readCases(['-'], { stdin }));
    expect(ids(items).cases).toEqual(['A', 'B']);
    expect((items[0] as { source: { file: string } }).source.file).toBe('<stdin>');
  });

  it('reads gzip from a pipe that delivers a byte at a time', async () => {
    const pipe = new PassThrough();
    const reader = readCases(['-'], { stdin: pipe, inputFormat: 'ndjson' });
    const done = collect(reader);
    for (const byte of gz(events)) pipe.write(Buffer.from([byte]));
    pipe.end();
    expect(ids(await done).cases).toEqual(['A', 'B']);
    expect(reader.stats.inputs[0]).toMatchObject({ file: '<stdin>', gzip: true });
  });

  it('sniffs XES, JSON, NDJSON and CSV when the name says nothing', async () => {
    expect(sniffFormat(Buffer.from('\uFEFF  <?xml version="1.0"?><log/>'))).toBe('xes');
    expect(sniffFormat(Buffer.from('[{"caseId":"A"}]'))).toBe('json');
    expect(sniffFormat(Buffer.from('{"caseId":"A"}\n{"caseId":"B"}\n'))).toBe('ndjson');
    expect(sniffFormat(Buffer.from('{\n  "cases": []\n}'))).toBe('json');
    expect(sniffFormat(Buffer.from('case:concept:name,concept:name\n'))).toBe('csv');
    const json = JSON.stringify({ cases: [{ caseId: 'C', events: [] }] }, null, 2);
    expect(ids(await collect(readCases([memoryInput('data', json, 3)]))).cases).toEqual(['C']);
  });

  it('takes the format from the option over the extension, and the extension case-insensitively', async () => {
    expect(formatFromName('A.JSONL')).toBe('ndjson');
    expect(formatFromName('x.csv.gz')).toBe('csv');
    expect(formatFromName('x.txt')).toBeUndefined();
    const items = await collect(readCases([memoryInput('events.txt', events)], { inputFormat: 'ndjson' }));
    expect(ids(items).cases).toEqual(['A', 'B']);
  });
});

describe('line splitting', () => {
  it('splits on LF, CRLF and CR across chunk boundaries, and drops a BOM', async () => {
    const text = '\uFEFFa\r\nb\rc\n\nd';
    for (const size of [1, 2, 3, 100]) {
      const bytes = Buffer.from(text);
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const lines = await collect(splitLines(Readable.from(chunks)));
      expect(lines, `chunks of ${size}`).toEqual([
        { text: 'a', line: 1 },
        { text: 'b', line: 2 },
        { text: 'c', line: 3 },
        { text: '', line: 4 },
        { text: 'd', line: 5 },
      ]);
    }
  });

  it('keeps multi-byte characters split across chunks', async () => {
    const lines = await collect(
      splitLines(
        Readable.from([Buffer.from('é€😀\n', 'utf8')].flatMap((b) => [...b].map((x) => Buffer.from([x])))),
      ),
    );
    expect(lines).toEqual([{ text: 'é€😀', line: 1 }]);
  });
});

describe('where reading stands', () => {
  it('counts the bytes read as stored, of a total known when every input is a file', async () => {
    const files = [join(dir, 'log.ndjson'), join(dir, 'log.ndjson.gz')];
    const reader = readCases(files);
    expect(reader.stats.bytesRead).toBe(0);
    await collect(reader);
    const total = files.reduce((n, f) => n + statSync(f).size, 0);
    expect(reader.stats.bytesTotal).toBe(total);
    expect(reader.stats.bytesRead).toBe(total);
  });

  it('moves as the input is read', async () => {
    const log = ndjson(
      ...['A', 'B', 'C', 'D'].map((caseId) => ({
        caseId,
        type: 'complaint.received',
        at: '2024-05-01T09:00:00Z',
      })),
    );
    const reader = readCases([memoryInput('log.ndjson', log, 16)], { sortedByCase: true });
    const seen: number[] = [];
    for await (const _ of reader) seen.push(reader.stats.bytesRead);
    expect(seen).toHaveLength(4);
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen[0]).toBeLessThan(seen[2] ?? 0);
    expect(reader.stats.bytesRead).toBe(Buffer.byteLength(log));
  });

  it('has no total when an input is a stream or standard input', async () => {
    const more = events.replaceAll('"A"', '"C"').replaceAll('"B"', '"D"');
    for (const other of [memoryInput('more.ndjson', more), '-']) {
      const reader = readCases([join(dir, 'log.ndjson'), other], { stdin: Readable.from([more]) });
      expect(ids(await collect(reader)).cases).toEqual(['A', 'B', 'C', 'D']);
      expect(reader.stats.bytesTotal).toBeUndefined();
      expect(reader.stats.bytesRead).toBe(Buffer.byteLength(events) + Buffer.byteLength(more));
    }
  });
});
