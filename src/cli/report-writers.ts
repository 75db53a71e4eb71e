/**
 * Every report of one run, written as cases are judged so that memory stays bounded: NDJSON line
 * by line as it goes, documents through their builders, what they place at the end kept in a
 * spool of temporary files. Each report is the same whichever others the run writes: only the
 * HTML report sees each case's timeline.
 */
import type { Writable } from 'node:stream';
import { withoutDrillDown } from '../engine/evaluate-case.js';
import type { Ruleset } from '../engine/ruleset.js';
import type { CaseResult, Detail } from '../model/finding.js';
import type { ReportMeta } from '../model/report.js';
import type { Summary } from '../model/summary.js';
import { formatNdjsonCase, formatNdjsonSummary } from '../reporters/ndjson.js';
import type { ReportBuilder } from '../reporters/parts.js';
import { type BatchedWrites, batchWrites } from './batched-writes.js';
import type { CliIo } from './io.js';
import { createDocumentBuilder, type DocumentFormat } from './render-document.js';
import { createReportStream, writeReportStream } from './report-files.js';
import { createSpool, type Spool } from './spool.js';

/** A report to write: a format and where (`-` is standard output). */
export interface ReportTarget {
  format: DocumentFormat | 'ndjson';
  path: string;
}

/** The reports of a run; see the module's comment. */
export interface ReportWriters {
  /** Whether a document report is written (it reads each case whole, not only its NDJSON line). */
  readonly documents: boolean;
  /** Whether a report shows each case's timeline (the HTML report's drill-down). */
  readonly timeline: boolean;
  /** Whether an NDJSON report takes each case's line (not at `--detail summary`). */
  readonly lines: boolean;
  /** Takes a judged case, in input order; `line` is its NDJSON line when a worker made it already. */
  add(result: CaseResult, line?: Uint8Array): Promise<void>;
  /** Writes what is left of every report (NDJSON first, as before) and closes the files. */
  finish(meta: ReportMeta, summary: Summary): Promise<void>;
  /** Removes the temporary files; safe on every path, after `finish` or instead of it. */
  dispose(): void;
}

/** Options of {@link openReportWriters}. */
export interface ReportWritersOptions {
  io: CliIo;
  ruleset: Ruleset;
  detail: Detail;
  pretty: boolean;
  color: boolean;
  /** The inputs read so far, as `meta.inputs` will list them (a list that grows). */
  inputs: readonly { file: string }[];
  /** The indicators judged, in the summary's order. */
  indicators: readonly { ref: string; id: string }[];
  /** The most cases the HTML report lists (`--html-max-cases`). */
  htmlMaxCases?: number | undefined;
}

interface _Ndjson {
  out: BatchedWrites;
  stream: Writable;
  own: boolean;
}

interface _Document {
  target: ReportTarget;
  builder: ReportBuilder;
  spool: Spool;
}

const _endStream = (stream: Writable) =>
  new Promise<void>((ok, fail) => stream.end((e?: Error | null) => (e ? fail(e) : ok())));

/**
 * Opens the reports asked for: NDJSON files at once (they are written as cases are judged),
 * document files at the end.
 *
 * @example
 * const writers = openReportWriters(targets, options);
 * try {
 *   for (const r of results) await writers.add(r);
 *   await writers.finish(meta, summary);
 * } finally {
 *   writers.dispose();
 * }
 */
export function openReportWriters(
  targets: readonly ReportTarget[],
  options: ReportWritersOptions,
): ReportWriters {
  const { io } = options;
  const ndjson: _Ndjson[] = targets
    .filter((t) => t.format === 'ndjson')
    .map((t) => {
      const stream = t.path === '-' ? io.stdout : createReportStream(t.path);
      return { out: batchWrites(stream), stream, own: t.path !== '-' };
    });
  const documents: _Document[] = targets
    .filter((t) => t.format !== 'ndjson')
    .map((target) => {
      const spool = createSpool();
      const format = target.format as DocumentFormat;
      const builder = createDocumentBuilder(format, spool, options.ruleset, {
        color: target.path === '-' && options.color,
        env: io.env,
        cwd: io.cwd,
        pretty: options.pretty,
        cases: options.detail !== 'summary',
        inputs: options.inputs,
        indicators: options.indicators,
        htmlMaxCases: options.htmlMaxCases,
      });
      return { target, builder, spool };
    });
  const lines = options.detail !== 'summary' && ndjson.length > 0;
  return {
    documents: documents.length > 0,
    timeline: targets.some((t) => t.format === 'html'),
    lines,
    async add(result, line) {
      // Only the audit report shows timelines and drill-down measurements: every other report is
      // the same whatever else is written.
      const plain = withoutDrillDown(result);
      // At `--detail summary` the NDJSON report is its summary line alone.
      if (lines) {
        const text = line ?? formatNdjsonCase(plain);
        for (const n of ndjson) await n.out.write(text);
      }
      for (const d of documents) d.builder.add(d.target.format === 'html' ? result : plain);
    },
    async finish(meta, summary) {
      for (const n of ndjson) {
        await n.out.write(formatNdjsonSummary(meta, summary));
        await n.out.flush();
        if (n.own) await _endStream(n.stream);
      }
      for (const d of documents) {
        const pieces = d.builder.finish({ meta, summary });
        if (d.target.path === '-') await d.spool.writeTo(pieces, io.stdout);
        else await writeReportStream(d.target.path, (out) => d.spool.writeTo(pieces, out));
        d.spool.dispose();
      }
    },
    dispose() {
      for (const d of documents) d.spool.dispose();
      for (const n of ndjson) {
        n.out.close();
        if (n.own) n.stream.destroy();
      }
    },
  };
}
