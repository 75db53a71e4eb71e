/**
 * Reading the shards `summarize` merges: each shard's summary line first (read from the end of
 * the file, so that every shard is checked against the others before anything is written), then
 * its case lines one at a time, so memory stays bounded whatever the shard's size.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { isDeepStrictEqual } from 'node:util';
import type { CaseResult } from '../model/finding.js';
import type { ReportMeta } from '../model/report.js';
import type { Summary } from '../model/summary.js';
import { parseNdjsonLine } from '../reporters/ndjson.js';
import { UsageError } from './errors.js';

/** A shard's final line: the facts of its run and its counts. */
export interface ShardEnd {
  file: string;
  meta: ReportMeta;
  summary: Summary;
}

/** One case line of a shard: the case, and the line as written (passed on unchanged). */
export interface ShardCaseLine {
  result: CaseResult;
  text: string;
  line: number;
}

const CHUNK = 64 * 1024;

function _cannotRead(file: string, e: unknown): UsageError {
  return new UsageError(
    `${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
  );
}

/** The last line of a file that is not blank, read backwards chunk by chunk. */
async function _lastLine(file: string): Promise<string | undefined> {
  const handle = await open(file, 'r');
  try {
    let position = (await handle.stat()).size;
    let tail = Buffer.alloc(0);
    while (position > 0) {
      const size = Math.min(CHUNK, position);
      position -= size;
      const chunk = Buffer.alloc(size);
      await handle.read(chunk, 0, size, position);
      tail = Buffer.concat([chunk, tail]);
      const text = tail.toString('utf8').trimEnd();
      const cut = text.lastIndexOf('\n');
      if (cut >= 0 && text.slice(cut + 1).trim() !== '') return text.slice(cut + 1);
    }
    const whole = tail.toString('utf8').trim();
    return whole === '' ? undefined : whole;
  } finally {
    await handle.close();
  }
}

/**
 * A shard's summary line, read from the end of the file; exit 2 when the file cannot be read
 * or does not end with a summary line (a truncated or unfinished output).
 *
 * @example
 * const end = await readShardEnd('shard-1.out.ndjson');
 * end.summary.cases; // the cases its case lines must number
 */
export async function readShardEnd(file: string): Promise<ShardEnd> {
  let last: string | undefined;
  try {
    last = await _lastLine(file);
  } catch (e) {
    throw _cannotRead(file, e);
  }
  if (last === undefined) throw new UsageError(`${file}: empty; expected the NDJSON output of check`);
  let record: ReturnType<typeof parseNdjsonLine>;
  try {
    record = parseNdjsonLine(last);
  } catch (e) {
    throw new UsageError(`${file}: last line: ${(e as Error).message}`);
  }
  if (record.type !== 'summary') {
    throw new UsageError(`${file}: no summary line at the end: the output is incomplete`);
  }
  return { file, meta: record.meta, summary: record.summary };
}

/**
 * A shard's case lines, in order, validated one at a time; the summary line must come last,
 * exactly once, and count the case lines before it (none at `--detail summary`). Problems name the file and line (exit 2).
 *
 * @example
 * for await (const c of readShardCases(await readShardEnd('shard-1.out.ndjson'))) ids.add(c.result.caseId);
 */
export async function* readShardCases(end: ShardEnd): AsyncGenerator<ShardCaseLine> {
  const { file } = end;
  const expected = end.meta.detail === 'summary' ? 0 : end.summary.cases;
  const lines = createInterface({
    input: createReadStream(file, { encoding: 'utf8' }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let n = 0;
  let cases = 0;
  let summaryAt: number | undefined;
  try {
    for await (const raw of lines) {
      n++;
      // A byte-order mark (as some Windows tools write) is not part of the first record.
      const text = n === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (text.trim() === '') continue;
      if (summaryAt !== undefined)
        throw new UsageError(`${file}: line ${n}: a line follows the summary line`);
      let record: ReturnType<typeof parseNdjsonLine>;
      try {
        record = parseNdjsonLine(text, n);
      } catch (e) {
        throw new UsageError(`${file}: ${(e as Error).message}`);
      }
      if (record.type === 'summary') summaryAt = n;
      else {
        cases++;
        const { type: _, ...result } = record;
        yield { result, text, line: n };
      }
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw _cannotRead(file, e);
  } finally {
    lines.close();
  }
  if (summaryAt === undefined) throw new UsageError(`${file}: no summary line: the output is incomplete`);
  if (cases !== expected) {
    throw new UsageError(
      `${file}: line ${summaryAt}: the summary counts ${expected} cases but ${cases} case lines precede it`,
    );
  }
}

/** The run facts every shard must share, each with how it reads in an error. */
const _SAME: readonly [string, (m: ReportMeta) => unknown][] = [
  ['ruleset', (m) => m.ruleset.sha256],
  ['asOf', (m) => m.asOf],
  ['config', (m) => m.config.sha256],
  ['mapping', (m) => m.mapping?.sha256 ?? null],
  [
    'calendar',
    (m) => ({
      zone: m.calendar.zone,
      holidaySource: m.calendar.holidaySource,
      countReceiptDay: m.calendar.countReceiptDay,
      closures: m.calendar.closures,
    }),
  ],
  ['detail', (m) => m.detail],
  ['--only', (m) => m.only ?? null],
  ['--skip', (m) => m.skip ?? null],
];

const _show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/**
 * Refuses (exit 2, naming both files) a shard judged with another ruleset, asOf, config,
 * mapping, calendar, detail or indicator selection than the first. Holidays may differ: each
 * shard lists those of the years its own events span.
 *
 * @example
 * for (const end of ends.slice(1)) assertSameRun(ends[0], end);
 */
export function assertSameRun(first: ShardEnd, other: ShardEnd): void {
  for (const [name, get] of _SAME) {
    const a = get(first.meta);
    const b = get(other.meta);
    if (!isDeepStrictEqual(a, b)) {
      const hashed = name === 'ruleset' || name === 'config' || name === 'mapping';
      throw new UsageError(
        `${other.file}: judged with another ${name} than ${first.file}` +
          (hashed
            ? ` (sha256 ${_show(b).slice(0, 12)} against ${_show(a).slice(0, 12)})`
            : ` (${_show(b)} against ${_show(a)})`),
      );
    }
  }
}
