/** The JSON report (`--format json`): the report object itself, keys in a stable order. */
import type { Report } from '../model/report.js';
import { requireOptions, requireParts, requireReport } from '../model/usage-error.js';
import { canonicalCase, canonicalMeta, canonicalSummary } from './canonical.js';
import { memoryParts, type Parts, type ReportBuilder, renderWhole } from './parts.js';

/** Options of {@link formatJson}. */
export interface JsonOptions {
  /** Spaces per indentation level (default 2); 0 prints one line. */
  indent?: number;
}

/** Options of {@link createJsonBuilder}. */
export interface JsonBuilderOptions extends JsonOptions {
  /** Whether the report has a `cases` list (default true; none at `--detail summary`). */
  cases?: boolean;
}

const _CASES = 'cases';

/**
 * The JSON report case by case: each case is printed as it is judged into the part `cases`, and
 * `finish` puts `meta` before it and `summary` after, exactly as {@link formatJson} prints the
 * whole report.
 *
 * @example
 * const builder = createJsonBuilder(spool, { indent: 0 });
 * for (const r of results) builder.add(r);
 * await spool.writeTo(builder.finish({ meta, summary }), out);
 */
export function createJsonBuilder(parts: Parts, options: JsonBuilderOptions = {}): ReportBuilder {
  requireParts('createJsonBuilder', parts, 'createJsonBuilder(memoryParts())');
  requireOptions('createJsonBuilder', options, 'createJsonBuilder(parts, { indent: 0 })');
  const indent = options.indent ?? 2;
  // A value printed alone, placed `depth` levels down (JSON strings never hold a raw newline).
  const at = (value: unknown, depth: number) => {
    const text = JSON.stringify(value, null, indent);
    return indent === 0 ? text : text.replace(/\n/g, `\n${' '.repeat(indent * depth)}`);
  };
  const nl = (depth: number) => (indent === 0 ? '' : `\n${' '.repeat(indent * depth)}`);
  const colon = indent === 0 ? ':' : ': ';
  let count = 0;
  return {
    add(result) {
      if (options.cases === false) return;
      parts.append(_CASES, `${count === 0 ? '' : ','}${nl(2)}${at(canonicalCase(result), 2)}`);
      count++;
    },
    finish({ meta, summary }) {
      const head = `{${nl(1)}"meta"${colon}${at(canonicalMeta(meta), 1)},`;
      const tail = `${nl(1)}"summary"${colon}${at(canonicalSummary(summary), 1)}${nl(0)}}\n`;
      if (options.cases === false) return [head, tail];
      const open = `${nl(1)}"cases"${colon}[`;
      const close = count === 0 ? '],' : `${nl(1)}],`;
      return [head, open, { part: _CASES }, close, tail];
    },
  };
}

/**
 * The report as JSON, ending with a newline. Keys follow the schema's order (meta, cases, summary;
 * within each, as `ReportSchema` declares them) and the keys of free-form records are sorted, so
 * the same report always prints the same bytes. Nothing is added or dropped: the output parses
 * back with `ReportSchema`.
 *
 * @example
 * process.stdout.write(formatJson(report));
 * ReportSchema.parse(JSON.parse(formatJson(report))); // deep-equals report
 */
export function formatJson(report: Report, options: JsonOptions = {}): string {
  requireReport('formatJson', report, 'formatJson(report)');
  requireOptions('formatJson', options, 'formatJson(report, { indent: 0 })');
  const parts = memoryParts();
  const builder = createJsonBuilder(parts, { ...options, cases: report.cases !== undefined });
  return renderWhole(builder, parts, report);
}
