/**
 * The streaming report (`--format ndjson`): one line per case as it is judged, then one summary
 * line. Memory stays bounded whatever the input size, and shards written this way are read back
 * with {@link parseNdjsonReport} (or line by line with {@link parseNdjsonLine}) to be merged.
 */
import { z } from 'zod';
import type { NdjsonRecord } from '../model/contract.js';
import { type CaseResult, CaseResultSchema } from '../model/finding.js';
import { fromZodIssues, type InputIssue } from '../model/issues.js';
import { type Report, type ReportMeta, ReportMetaSchema } from '../model/report.js';
import { type Summary, SummarySchema } from '../model/summary.js';
import { requireIterable, requireObject } from '../model/usage-error.js';
import { canonicalCase, canonicalMeta, canonicalSummary } from './canonical.js';

export type { NdjsonRecord } from '../model/contract.js';

/**
 * Options of {@link formatNdjsonCase} and {@link formatNdjsonSummary}. None yet: the lines are
 * fixed by the format; the type is there so that every formatter takes an options object.
 */
export type NdjsonOptions = Record<never, never>;

/** One line of the NDJSON report: a judged case, or the final summary. */
export const NdjsonRecordSchema = z.discriminatedUnion('type', [
  CaseResultSchema.extend({ type: z.literal('case') }),
  z.strictObject({ type: z.literal('summary'), meta: ReportMetaSchema, summary: SummarySchema }),
]);

/** An NDJSON report that cannot be read back; `line` is 1-based, `issues` name the fields. */
export class NdjsonReportError extends Error {
  constructor(
    readonly line: number | undefined,
    readonly issues: InputIssue[],
  ) {
    super(
      `invalid NDJSON report${line === undefined ? '' : ` at line ${line}`}:\n${issues
        .map((i) => `  ${i.path.length > 0 ? `${i.path.join('.')}: ` : ''}${i.message}`)
        .join('\n')}`,
    );
    this.name = 'NdjsonReportError';
  }
}

/**
 * One case's line, ending with a newline: `{"type":"case", ...result}` with the keys in schema order.
 *
 * @example
 * for await (const outcome of evaluateCases(cases, { ruleset, asOf })) {
 *   if (outcome.kind === 'judged') process.stdout.write(formatNdjsonCase(outcome.result));
 * }
 */
export function formatNdjsonCase(result: CaseResult, _options: NdjsonOptions = {}): string {
  requireObject('formatNdjsonCase', result, 'result', 'formatNdjsonCase(outcome.result), with a judged case');
  const canonical: unknown = canonicalCase(result);
  if (_prefixable(canonical)) {
    // The same bytes as stringifying `{ type: 'case', ...canonical }`, without that copy.
    const json = escapeLineSeparators(JSON.stringify(canonical));
    return json === '{}' ? '{"type":"case"}\n' : `{"type":"case",${json.slice(1)}\n`;
  }
  // Anything else, as the line was first built (the canonical copy never held an undefined
  // value, nor an array's other properties).
  const line: Record<string, unknown> = {
    type: 'case',
    ...(Array.isArray(canonical) ? canonical.slice() : (canonical as object)),
  };
  if (line.type === undefined) line.type = 'case';
  return `${escapeLineSeparators(JSON.stringify(line))}\n`;
}

/** An array index (`"0"`, `"17"`): such keys come first in an object, before `type`. */
const _INDEX = /^(?:0|[1-9][0-9]*)$/;

/**
 * Whether `{"type":"case",` followed by the object's own JSON is what the spread prints: a plain
 * object without a `type` (which the spread would keep in place of `"case"`) or a `toJSON`, and
 * whose first key is not an array index (which would come before `type`).
 */
function _prefixable(o: unknown): o is Record<string, unknown> {
  if (typeof o !== 'object' || o === null) return false;
  const proto = Object.getPrototypeOf(o);
  if (proto !== Object.prototype && proto !== null) return false;
  const record = o as Record<string, unknown>;
  if (record.type !== undefined || record.toJSON !== undefined) return false;
  for (const key in record) return !_INDEX.test(key);
  return true;
}

/**
 * The final line, ending with a newline: `{"type":"summary","meta":...,"summary":...}`.
 *
 * @example
 * process.stdout.write(formatNdjsonSummary(meta, builder.result()));
 */
export function formatNdjsonSummary(
  meta: ReportMeta,
  summary: Summary,
  _options: NdjsonOptions = {},
): string {
  const call = 'formatNdjsonSummary(meta, summary), with summary from summarize()';
  requireObject('formatNdjsonSummary', meta, 'meta', call);
  requireObject('formatNdjsonSummary', summary, 'summary', call);
  return `${escapeLineSeparators(JSON.stringify({ type: 'summary', meta: canonicalMeta(meta), summary: canonicalSummary(summary) }))}\n`;
}

/**
 * Reads one line of an NDJSON report, validated; throws {@link NdjsonReportError} naming the line.
 *
 * @example
 * const record = parseNdjsonLine('{"type":"case","caseId":"C1",...}', 1);
 * if (record.type === 'case') builder.addResult(record);
 */
export function parseNdjsonLine(line: string, lineNumber?: number): NdjsonRecord {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (e) {
    throw new NdjsonReportError(lineNumber, [
      { code: 'invalid_json', path: [], message: (e as Error).message },
    ]);
  }
  const parsed = NdjsonRecordSchema.safeParse(raw);
  if (!parsed.success) throw new NdjsonReportError(lineNumber, fromZodIssues(parsed.error.issues));
  return parsed.data;
}

/**
 * Reads a whole NDJSON report (the text, or its lines) back into a {@link Report}. Blank lines are
 * skipped; the summary must come last, exactly once, and count the cases before it, so that a
 * truncated or concatenated file is caught rather than merged.
 *
 * @example
 * const report = parseNdjsonReport(readFileSync('shard-1.ndjson', 'utf8'));
 * report.summary.cases === report.cases.length; // true
 */
export function parseNdjsonReport(lines: string | Iterable<string>): Report {
  if (typeof lines !== 'string') {
    requireIterable(
      'parseNdjsonReport',
      lines,
      'lines',
      "parseNdjsonReport(readFileSync('shard-1.ndjson', 'utf8'))",
    );
  }
  const cases: CaseResult[] = [];
  let end: { meta: ReportMeta; summary: Summary; line: number } | undefined;
  let n = 0;
  for (const line of typeof lines === 'string' ? lines.split('\n') : lines) {
    n++;
    if (line.trim() === '') continue;
    if (end) {
      throw new NdjsonReportError(n, [
        { code: 'after_summary', path: [], message: 'a line follows the summary line' },
      ]);
    }
    const record = parseNdjsonLine(line, n);
    if (record.type === 'summary') {
      end = { meta: record.meta, summary: record.summary, line: n };
    } else {
      const { type: _type, ...result } = record;
      cases.push(result);
    }
  }
  if (!end) {
    throw new NdjsonReportError(undefined, [
      { code: 'missing_summary', path: [], message: 'no summary line: the output is incomplete' },
    ]);
  }
  if (end.summary.cases !== cases.length) {
    throw new NdjsonReportError(end.line, [
      {
        code: 'count_mismatch',
        path: ['summary', 'cases'],
        message: `the summary counts ${end.summary.cases} cases but ${cases.length} case lines precede it`,
      },
    ]);
  }
  return { meta: end.meta, summary: end.summary, cases };
}

const _SEPARATORS = /[\u2028\u2029]/g;

/**
 * JSON text with U+2028 and U+2029 escaped: JSON allows them raw, but tools that split lines as
 * JavaScript does would cut an NDJSON line there. The value read back is the same.
 *
 * @example
 * escapeLineSeparators('"a\u2028b"'); // '"a\\u2028b"'
 */
export function escapeLineSeparators(json: string): string {
  return json.replace(_SEPARATORS, (c) => (c === '\u2028' ? '\\u2028' : '\\u2029'));
}
