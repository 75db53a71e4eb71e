import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { CaseResult } from '../model/finding.js';
import { ReportSchema } from '../model/report.js';
import { parseNdjsonLine } from '../reporters/ndjson.js';
import { UsageError } from './errors.js';

const _isNdjson = (file: string) => /\.(nd)?jsonl?$/i.test(file) && !/\.json$/i.test(file);

async function* _ndjsonCases(file: string): AsyncGenerator<CaseResult> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  let summary = false;
  for await (const raw of lines) {
    n++;
    // A byte-order mark (as some Windows tools write) is not part of the first record.
    const line = n === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (line.trim() === '') continue;
    let record: ReturnType<typeof parseNdjsonLine>;
    try {
      record = parseNdjsonLine(line, n);
    } catch (e) {
      throw new UsageError(`${file}: ${(e as Error).message}`);
    }
    if (record.type === 'summary') summary = true;
    else {
      const { type: _type, ...result } = record;
      yield result;
    }
  }
  if (!summary) throw new UsageError(`${file}: no summary line: the report is incomplete`);
}

async function* _jsonCases(file: string): AsyncGenerator<CaseResult> {
  let raw: unknown;
  try {
    raw = JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError(
      `${file}: not a JSON report (${(e as Error).message}); give an NDJSON report for very large runs`,
    );
  }
  const parsed = ReportSchema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new UsageError(`${file}: not a JSON report: ${i?.path.join('.') ?? ''}: ${i?.message ?? ''}`);
  }
  if (!parsed.data.cases)
    throw new UsageError(`${file}: the report has no cases (written with --detail summary)`);
  yield* parsed.data.cases;
}

/**
 * The judged cases of an earlier report, one at a time: an NDJSON report (`.ndjson`, `.jsonl`)
 * line by line with bounded memory, a JSON report (`.json`) parsed whole. Problems name the file
 * and line and exit 2.
 *
 * @example
 * for await (const result of readReportCases('june.ndjson')) baseline.push(result);
 */
export function readReportCases(file: string): AsyncGenerator<CaseResult> {
  return _isNdjson(file) ? _ndjsonCases(file) : _jsonCases(file);
}

/** Every judged case of a report, in an array. */
export async function readAllReportCases(file: string): Promise<CaseResult[]> {
  const out: CaseResult[] = [];
  try {
    for await (const r of readReportCases(file)) out.push(r);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES')
      throw new UsageError(`${file}: cannot be read (${code})`);
    throw e;
  }
  return out;
}
