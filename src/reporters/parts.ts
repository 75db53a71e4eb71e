/**
 * How a report is written case by case with bounded memory. A {@link ReportBuilder} takes each
 * judged case as it comes and appends what it will print of it to named {@link Parts} (one per
 * indicator, say); at the end it returns the whole report as {@link Piece}s: text, and parts to
 * copy in place. The parts live in memory ({@link memoryParts}, for `formatX(report)`) or in
 * temporary files (the command's spool), so one builder serves both.
 */
import type { CaseResult } from '../model/finding.js';
import type { ReportMeta } from '../model/report.js';
import type { Summary } from '../model/summary.js';
import { requireObject, requireParts, requireReport } from '../model/usage-error.js';

/** Named pieces of a report to be placed at its end; text is appended in order. */
export interface Parts {
  /** Appends text to the named part (created on first use). */
  append(part: string, text: string): void;
}

/** A piece of a finished report: text, or the whole of a part, in order. */
export type Piece = string | { readonly part: string };

/** What a builder knows only once every case is judged. */
export interface ReportEnd {
  meta: ReportMeta;
  summary: Summary;
}

/** Writes one report from cases as they are judged; see the module's comment. */
export interface ReportBuilder {
  /** Takes one judged case (in the order they are judged). */
  add(result: CaseResult): void;
  /** The whole report, in order; a part never named by `add` is empty. */
  finish(end: ReportEnd): Iterable<Piece>;
}

/** {@link Parts} held in memory, readable back with `text`. */
export interface MemoryParts extends Parts {
  text(part: string): string;
}

/** Parts kept as arrays of strings (for a report rendered whole). */
export function memoryParts(): MemoryParts {
  const parts = new Map<string, string[]>();
  return {
    append(part, text) {
      const list = parts.get(part);
      if (list) list.push(text);
      else parts.set(part, [text]);
    },
    text: (part) => parts.get(part)?.join('') ?? '',
  };
}

/**
 * A whole report as one string: every case through the builder, then its pieces joined, parts
 * read from `parts` (the builder's own).
 *
 * @example
 * const parts = memoryParts();
 * const text = renderWhole(createJsonBuilder(parts), parts, report);
 */
export function renderWhole(
  builder: ReportBuilder,
  parts: MemoryParts,
  report: { meta: ReportMeta; cases?: readonly CaseResult[] | undefined; summary: Summary },
): string {
  const call = 'renderWhole(createJsonBuilder(parts), parts, report), with parts = memoryParts()';
  requireObject('renderWhole', builder, 'builder', call);
  requireParts('renderWhole', parts, call, 'text');
  requireReport('renderWhole', report, call);
  for (const result of report.cases ?? []) builder.add(result);
  return Array.from(builder.finish({ meta: report.meta, summary: report.summary }), (p) =>
    typeof p === 'string' ? p : parts.text(p.part),
  ).join('');
}
