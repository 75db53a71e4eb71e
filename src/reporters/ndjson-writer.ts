/** Writes the NDJSON report to a stream as cases are judged, waiting when the stream is full. */
import { once } from 'node:events';
import type { CaseResult } from '../model/finding.js';
import type { ReportMeta } from '../model/report.js';
import type { Summary } from '../model/summary.js';
import { requireObject, requireOptions } from '../model/usage-error.js';
import { formatNdjsonCase, formatNdjsonSummary, type NdjsonOptions } from './ndjson.js';

/** A stream to write to: `process.stdout`, a file stream, a `PassThrough`. */
export type NdjsonSink = NodeJS.WritableStream;

/** Writes one NDJSON report; see {@link createNdjsonWriter}. */
export interface NdjsonWriter {
  /** Writes a case's line; resolves at once, or when the stream has drained if it was full. */
  writeCase(result: CaseResult): Promise<void>;
  /** Writes the final summary line; no line may follow it. */
  writeSummary(meta: ReportMeta, summary: Summary): Promise<void>;
  /** Case lines written so far. */
  readonly cases: number;
}

/**
 * Starts an NDJSON report on a stream. Each write honours back-pressure (it waits for `drain`
 * when `write` returns false, and rejects if the stream emits `error` meanwhile), so memory stays
 * bounded however many cases go through. It does not end the stream: the caller owns it.
 *
 * @example
 * const writer = createNdjsonWriter(process.stdout);
 * for await (const outcome of evaluateCases(cases, { ruleset, asOf })) {
 *   if (outcome.kind === 'judged') { builder.addResult(outcome.result); await writer.writeCase(outcome.result); }
 * }
 * await writer.writeSummary(meta, builder.result());
 */
export function createNdjsonWriter(sink: NdjsonSink, options: NdjsonOptions = {}): NdjsonWriter {
  requireObject(
    'createNdjsonWriter',
    sink,
    'sink',
    'createNdjsonWriter(process.stdout), with a writable stream',
  );
  requireOptions('createNdjsonWriter', options, 'createNdjsonWriter(sink, {})');
  let cases = 0;
  let ended = false;
  const write = async (line: string) => {
    if (ended) throw new Error('the NDJSON report is complete: nothing may follow its summary line');
    if (!sink.write(line)) await once(sink, 'drain');
  };
  return {
    async writeCase(result) {
      await write(formatNdjsonCase(result, options));
      cases++;
    },
    async writeSummary(meta, summary) {
      await write(formatNdjsonSummary(meta, summary, options));
      ended = true;
    },
    get cases() {
      return cases;
    },
  };
}
